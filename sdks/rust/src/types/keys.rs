use serde::{Deserialize, Serialize};

/// An SSH public key stored in the account, to install on new instances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshKey {
    /// Key id, `ssh_…`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The key as one OpenSSH line.
    pub public_key: String,
    /// SHA-256 fingerprint as `ssh-keygen -lf` prints it.
    pub fingerprint: String,
    /// Key type, e.g. `ssh-ed25519`.
    #[serde(rename = "type")]
    pub r#type: String,
    /// Key size in bits.
    pub bits: u32,
    /// When the key was added.
    pub created_at: String,
}

/// Body of `POST /v2/ssh_keys`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateSshKey {
    /// Display name, 1 to 100 characters.
    pub name: String,
    /// An OpenSSH public key line (ed25519, ECDSA, or RSA of at least 2048 bits).
    pub public_key: String,
}

/// An API key, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKey {
    /// Key id, `key_…`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// First and last characters of the key, to recognise it.
    pub display: String,
    /// `active`, `revoked` or `expired`.
    pub status: String,
    /// `<resource>:read`, `<resource>:write` or `*`.
    pub scopes: Vec<String>,
    /// Region allowlist; `None` means every region.
    pub regions: Option<Vec<String>>,
    /// When the key stops working, if ever.
    pub expires_at: Option<String>,
    /// When the key was revoked, if it was.
    pub revoked_at: Option<String>,
    /// When the key was created.
    pub created_at: String,
    /// When the key last authenticated a request (to the minute), if ever.
    pub last_used_at: Option<String>,
    /// The key that replaced this one when it was rotated.
    pub replaced_by: Option<String>,
}

/// Body of `POST /v2/api_keys`. Unset fields default to the calling key's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateApiKey {
    /// Display name, 1 to 100 characters.
    pub name: String,
    /// Scopes to grant; a key can only grant scopes it has itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Region allowlist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    /// When the key stops working (ISO-8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// How long a rotated key's old secret keeps working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GracePeriod {
    /// The old secret stops working at once.
    #[serde(rename = "none")]
    None,
    /// One hour.
    #[serde(rename = "1h")]
    OneHour,
    /// 24 hours.
    #[serde(rename = "24h")]
    OneDay,
    /// Seven days.
    #[serde(rename = "7d")]
    SevenDays,
}

/// Body of `POST /v2/api_keys/{id}/rotate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotateApiKey {
    /// How long the old secret keeps working before it gets 401.
    pub grace_period: GracePeriod,
}

/// Answer to `POST /v2/api_keys`: the key and, once only, its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApiKey {
    /// The new key's record.
    pub key: ApiKey,
    /// The API key itself; `None` when an `Idempotency-Key` replayed the create, since secrets
    /// are never stored.
    pub secret: Option<String>,
}
