use serde::{Deserialize, Serialize};

/// A region instances can run in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Region id, e.g. `us-east-1`.
    pub id: String,
    /// Display name, e.g. `US East (N. Virginia)`.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// False when the region takes no new resources.
    pub available: bool,
}

/// An instance size and its price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Plan id, e.g. `standard-4`.
    pub id: String,
    /// What the plan is for.
    pub description: String,
    /// vCPUs.
    pub cpu: u32,
    /// Memory in GB.
    pub memory_gb: f64,
    /// Disk in GB.
    pub disk_gb: u32,
    /// USD per hour.
    pub price_hourly: f64,
    /// USD per month (730 hours).
    pub price_monthly: f64,
}

/// An operating system image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// The image slug, e.g. `debian-12`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// e.g. `debian`.
    pub distribution: String,
    /// Distribution version.
    pub version: String,
    /// CPU architecture (`x86_64`).
    pub architecture: String,
}
