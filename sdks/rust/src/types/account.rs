use serde::{Deserialize, Serialize};

/// The account the API key belongs to (`GET /v2/account`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// Account id, `acc_…`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `free`, `pro` or `enterprise`.
    pub tier: String,
    /// Requests allowed per minute.
    pub rate_limit: u64,
    /// Limits and current usage.
    pub quotas: Quotas,
    /// When the account was created.
    pub created_at: String,
}

/// The account's quotas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    /// Instances the account may have at once.
    pub instances: Quota,
    /// vCPUs across all instances.
    pub vcpus: Quota,
    /// Volumes the account may have at once.
    pub volumes: Quota,
    /// GB across all volumes.
    pub volume_gb: Quota,
    /// VPCs the account made (per-region defaults are free).
    pub vpcs: Quota,
    /// Networks the account made (per-region defaults are free).
    pub networks: Quota,
    /// Firewalls.
    pub firewalls: Quota,
    /// Load balancers.
    pub load_balancers: Quota,
    /// Managed databases.
    pub databases: Quota,
}

/// One quota: its limit and how much of it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    /// The most allowed.
    pub limit: u64,
    /// In use now.
    pub used: u64,
}
