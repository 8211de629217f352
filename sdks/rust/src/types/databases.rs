use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instances::{MetricSeries, MetricsParams};

/// A managed database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseEngineId {
    /// PostgreSQL.
    Postgres,
    /// MySQL.
    Mysql,
    /// Redis.
    Redis,
}

/// A plan of an engine (sizes are per node).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatabasePlan {
    /// Plan id, e.g. `db-s-1vcpu-1gb`.
    pub id: String,
    /// What it is for.
    pub description: String,
    /// vCPUs per node.
    pub cpu: u32,
    /// Memory per node in GB.
    pub memory_gb: f64,
    /// Storage per node in GB.
    pub storage_gb: u32,
    /// USD per hour, per node.
    pub price_hourly: f64,
    /// USD per month (730 hours), per node.
    pub price_monthly: f64,
}

/// An entry of `GET /v2/database_engines`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatabaseEngine {
    /// The engine slug.
    pub id: DatabaseEngineId,
    /// e.g. `PostgreSQL`.
    pub name: String,
    /// Versions a new database may run.
    pub versions: Vec<String>,
    /// Used when a create names no version.
    pub default_version: String,
    /// The port clients connect to.
    pub port: u16,
    /// The admin user a new database starts with.
    pub admin_user: String,
    /// The database a new database starts with.
    pub database_name: String,
    /// Its plans.
    pub plans: Vec<DatabasePlan>,
}

/// A database's lifecycle status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseStatus {
    /// Being created.
    Provisioning,
    /// Serving.
    Online,
    /// Changing plan or node count.
    Resizing,
    /// Being deleted.
    Deleting,
}

/// How clients reach a database, inside its private network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseConnection {
    /// Its private address.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// The admin user.
    pub user: String,
    /// The admin password: only in the answer to a create, `None` everywhere else.
    pub password: Option<String>,
    /// The database to connect to.
    pub database: String,
    /// A connection URI (with the password only where the password is shown).
    pub uri: String,
}

/// The daily backup schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseBackupSettings {
    /// Whether a backup is taken every day.
    pub enabled: bool,
    /// Days backups are kept.
    pub retention_days: u32,
    /// UTC hour of the daily backup.
    pub hour: u32,
    /// When the next one starts.
    pub next_backup_at: String,
}

/// Guards against accidental deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseProtection {
    /// While true, deleting the database is refused (409).
    pub delete: bool,
}

/// A managed database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Database {
    /// Database id, `db_…`.
    pub id: String,
    /// Unique per region.
    pub name: String,
    /// Region id.
    pub region: String,
    /// The engine.
    pub engine: DatabaseEngineId,
    /// The engine version.
    pub version: String,
    /// A plan of the engine.
    pub plan: String,
    /// A primary plus standbys, 1 to 3.
    pub node_count: u32,
    /// Lifecycle status.
    pub status: DatabaseStatus,
    /// The private network it is reachable in.
    pub network_id: String,
    /// How to connect.
    pub connection: DatabaseConnection,
    /// The daily backup schedule.
    pub backups: DatabaseBackupSettings,
    /// Delete protection.
    pub protection: DatabaseProtection,
    /// The backup it was restored from.
    pub restored_from: Option<String>,
    /// Key/value labels.
    pub labels: BTreeMap<String, String>,
    /// When it was created.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

/// Backup settings of a create or update; unset fields keep their defaults (or current values).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupSettings {
    /// Take a backup every day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Days backups are kept, 1 to 35.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u32>,
    /// UTC hour of the daily backup, 0 to 23.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u32>,
}

/// Where a restore starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreFrom {
    /// A backup of one of your databases.
    pub backup_id: String,
}

/// Body of `POST /v2/databases`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateDatabase {
    /// Unique per region.
    pub name: String,
    /// Required unless restoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<DatabaseEngineId>,
    /// Default: the engine's default version (a restore: the backup's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A plan of the engine.
    pub plan: String,
    /// Required unless restoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// A network in the region; by default the region's default network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// 1 to 3 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_count: Option<u32>,
    /// The daily backup schedule (default: enabled, 7 days, 02:00 UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backups: Option<BackupSettings>,
    /// Delete protection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection: Option<DatabaseProtection>,
    /// Start from this backup's data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore_from: Option<RestoreFrom>,
    /// Up to 64 key/value labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

/// Body of `PATCH /v2/databases/{id}`: settings that apply at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateDatabase {
    /// Changes to the backup schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backups: Option<BackupSettings>,
    /// Delete protection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection: Option<DatabaseProtection>,
    /// Replaces the labels whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

/// Body of `PUT /v2/databases/{id}/resize`: at least one of the two.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeDatabase {
    /// The new plan (storage only grows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The new node count, 1 to 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_count: Option<u32>,
}

/// The 202 answer to resize, delete and user deletion: the work runs as an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseActionAccepted {
    /// The database id.
    pub id: String,
    /// The database's status now.
    pub status: DatabaseStatus,
    /// e.g. `Resize initiated successfully`.
    pub message: String,
    /// The action to follow.
    pub action_id: String,
}

/// The answer to a password reset: the new password, shown only here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabasePasswordReset {
    /// The database id.
    pub id: String,
    /// The database's status now.
    pub status: DatabaseStatus,
    /// What was started.
    pub message: String,
    /// The new password works once this action completes.
    pub action_id: String,
    /// The admin user.
    pub user: String,
    /// The new password.
    pub password: String,
    /// The connection URI with the new password.
    pub uri: String,
}

/// A database user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseUser {
    /// Its name.
    pub name: String,
    /// `admin` (comes with the database, cannot be deleted) or `normal`.
    pub role: String,
    /// `creating`, `active` or `deleting`.
    pub status: String,
    /// Only in the answer to its create.
    pub password: Option<String>,
    /// When it was created.
    pub created_at: String,
}

/// Body of `POST /v2/databases/{id}/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateDatabaseUser {
    /// Lower-case letters, digits and underscores; a letter or underscore first.
    pub name: String,
}

/// The answer to a user create: the user with its password, and the action that makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseUserCreated {
    /// The new user.
    pub user: DatabaseUser,
    /// The user can log in once this action completes.
    pub action_id: String,
}

/// A daily backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseBackup {
    /// Backup id, `dbb_…`.
    pub id: String,
    /// The database it is of.
    pub database_id: String,
    /// Its region.
    pub region: String,
    /// The engine.
    pub engine: DatabaseEngineId,
    /// The engine version.
    pub version: String,
    /// The database's plan when it was taken.
    pub plan: String,
    /// What it holds; `None` until taken.
    pub size_mb: Option<u64>,
    /// `creating`, `available` or `deleting`.
    pub status: String,
    /// When it started.
    pub created_at: String,
}

/// Filters and paging for `GET /v2/databases`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseListParams {
    /// Only databases in this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Only databases of this engine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<DatabaseEngineId>,
    /// Only databases in this network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// Kubernetes-style selector, e.g. `env=prod,!legacy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<String>,
    /// Results per page, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Which database metric to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseMetricType {
    /// Open client connections.
    Connections,
    /// CPU utilisation.
    Cpu,
    /// Storage used.
    Storage,
}

/// Query of `GET /v2/databases/{id}/metrics`.
pub type DatabaseMetricsParams = MetricsParams<DatabaseMetricType>;

/// Answer to `GET /v2/databases/{id}/metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatabaseMetrics {
    /// The database.
    pub database_id: String,
    /// Which metric.
    #[serde(rename = "type")]
    pub r#type: DatabaseMetricType,
    /// Start of the range.
    pub start: String,
    /// End of the range.
    pub end: String,
    /// Seconds between points.
    pub step: u32,
    /// One series per measured quantity.
    pub series: Vec<MetricSeries>,
}
