//! Request and response types, with the field names the API uses on the wire
//! (checked against `spec/openapi.json`). Timestamps are ISO-8601 UTC strings, as sent.

mod account;
mod actions;
mod catalog;
mod common;
mod databases;
mod events;
mod instances;
mod keys;

pub use account::{Account, Quota, Quotas};
pub use actions::{Action, ActionListParams, ActionStatus};
pub use catalog::{Image, Plan, Region};
pub use common::{ErrorDetail, ListParams, Pagination};
pub use databases::{
    BackupSettings, CreateDatabase, CreateDatabaseUser, Database, DatabaseActionAccepted,
    DatabaseBackup, DatabaseBackupSettings, DatabaseConnection, DatabaseEngine, DatabaseEngineId,
    DatabaseListParams, DatabaseMetricType, DatabaseMetrics, DatabaseMetricsParams,
    DatabasePasswordReset, DatabasePlan, DatabaseProtection, DatabaseStatus, DatabaseUser,
    DatabaseUserCreated, ResizeDatabase, RestoreFrom, UpdateDatabase,
};
pub use events::{Actor, ActorType, Event, EventListParams};
pub use instances::{
    CreateInstance, Instance, InstanceActionAccepted, InstanceListParams, InstanceMetrics,
    InstanceStatus, MetricPoint, MetricSeries, MetricType, MetricsParams, ResizeInstance,
};
pub use keys::{
    ApiKey, CreateApiKey, CreateSshKey, CreatedApiKey, GracePeriod, RotateApiKey, SshKey,
};
