use crate::core::error::Result;
use crate::types::Account;
use crate::Client;

/// The calling key's account.
#[derive(Debug, Clone, Copy)]
pub struct AccountResource<'a> {
    client: &'a Client,
}

impl<'a> AccountResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        AccountResource { client }
    }

    /// `GET /v2/account`: tier, rate limit, quotas and usage.
    pub async fn retrieve(&self) -> Result<Account> {
        self.client
            .transport
            .json(self.client.op("getAccount", &[]))
            .await
    }
}
