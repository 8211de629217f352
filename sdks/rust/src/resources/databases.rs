use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    Action, CreateDatabase, CreateDatabaseUser, Database, DatabaseActionAccepted, DatabaseBackup,
    DatabaseListParams, DatabaseMetrics, DatabaseMetricsParams, DatabasePasswordReset,
    DatabaseUser, DatabaseUserCreated, ListParams, ResizeDatabase, UpdateDatabase,
};
use crate::Client;
use futures::stream::BoxStream;

/// Managed databases (PostgreSQL, MySQL, Redis) reachable only inside their private network.
/// Changes run asynchronously: each operation returns as soon as the server accepted it, and its
/// `*_and_wait` twin returns once the work is done. Passwords are shown only where they are made.
#[derive(Debug, Clone, Copy)]
pub struct DatabasesResource<'a> {
    client: &'a Client,
}

impl<'a> DatabasesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        DatabasesResource { client }
    }

    /// The users of one database.
    pub fn users(&self) -> DatabaseUsersResource<'a> {
        DatabaseUsersResource {
            client: self.client,
        }
    }

    /// One page of databases, newest first, filtered by region, engine, network or labels.
    pub async fn list(&self, params: &DatabaseListParams) -> Result<Page<Database>> {
        page(
            &self.client.transport,
            self.client.op("listDatabases", &[]),
            params,
        )
        .await
    }

    /// Every matching database, fetching further pages as the stream is read.
    pub fn list_all(&self, params: DatabaseListParams) -> BoxStream<'static, Result<Database>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listDatabases", &[]),
            params,
        )
    }

    /// `POST /v2/databases`: the new database, still `provisioning`, with the admin password
    /// (`connection.password`), which is shown nowhere else.
    pub async fn create(&self, body: &CreateDatabase) -> Result<Database> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateDatabase,
        options: RequestOptions,
    ) -> Result<Database> {
        self.client
            .transport
            .json(self.client.op("createDatabase", &[]).body(body, options))
            .await
    }

    /// Creates a database, waits for its create action, and returns it as it is then (`online`),
    /// keeping the one-time password. A failed create is [`Error::ActionFailed`].
    pub async fn create_and_wait(&self, body: &CreateDatabase) -> Result<Database> {
        let created = self.create(body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        let mut online = self.retrieve(&created.id).await?;
        online.connection = created.connection;
        Ok(online)
    }

    /// One database by id.
    pub async fn retrieve(&self, id: &str) -> Result<Database> {
        self.client
            .transport
            .json(self.client.op("getDatabase", &[("id", id)]))
            .await
    }

    /// `PATCH /v2/databases/{id}`: backup schedule, delete protection or labels, at once.
    pub async fn update(&self, id: &str, body: &UpdateDatabase) -> Result<Database> {
        let call = self.client.op("updateDatabase", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts deleting the database and its backups (a conflict while delete protection is on).
    pub async fn delete(&self, id: &str) -> Result<DatabaseActionAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteDatabase", &[("id", id)]))
            .await
    }

    /// Deletes the database and returns the completed delete action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(&self.delete(id).await?.action_id).await
    }

    /// Starts a change of plan and/or node count.
    pub async fn resize(&self, id: &str, body: &ResizeDatabase) -> Result<DatabaseActionAccepted> {
        let call = self.client.op("resizeDatabase", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Resizes the database and returns the completed resize action.
    pub async fn resize_and_wait(&self, id: &str, body: &ResizeDatabase) -> Result<Action> {
        self.finish(&self.resize(id, body).await?.action_id).await
    }

    /// A new admin password, shown in this answer only; it works once the action completes.
    pub async fn reset_password(&self, id: &str) -> Result<DatabasePasswordReset> {
        self.client
            .transport
            .json(self.client.op("resetDatabasePassword", &[("id", id)]))
            .await
    }

    /// [`Self::reset_password`], returning once the new password works.
    pub async fn reset_password_and_wait(&self, id: &str) -> Result<DatabasePasswordReset> {
        let reset = self.reset_password(id).await?;
        self.finish(&reset.action_id).await?;
        Ok(reset)
    }

    /// `GET /v2/databases/{id}/metrics`: connections, CPU or storage over a time range.
    pub async fn metrics(
        &self,
        id: &str,
        params: &DatabaseMetricsParams,
    ) -> Result<DatabaseMetrics> {
        let call = self.client.op("getDatabaseMetrics", &[("id", id)]);
        self.client.transport.json(call.query(params)).await
    }

    /// One page of the database's daily backups, newest first. Restore one by creating a
    /// database with `restore_from`.
    pub async fn backups(&self, id: &str, params: &ListParams) -> Result<Page<DatabaseBackup>> {
        let call = self.client.op("listDatabaseBackups", &[("id", id)]);
        page(&self.client.transport, call, params).await
    }

    async fn finish(&self, action_id: &str) -> Result<Action> {
        self.client.actions().wait_for(action_id).await
    }
}

/// The users of a database. A password is shown only in the answer to its create.
#[derive(Debug, Clone, Copy)]
pub struct DatabaseUsersResource<'a> {
    client: &'a Client,
}

impl DatabaseUsersResource<'_> {
    /// One page of the database's users, newest first.
    pub async fn list(&self, database_id: &str, params: &ListParams) -> Result<Page<DatabaseUser>> {
        let call = self.client.op("listDatabaseUsers", &[("id", database_id)]);
        page(&self.client.transport, call, params).await
    }

    /// Starts creating a user; the answer carries its password.
    pub async fn create(
        &self,
        database_id: &str,
        body: &CreateDatabaseUser,
    ) -> Result<DatabaseUserCreated> {
        let call = self.client.op("createDatabaseUser", &[("id", database_id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// [`Self::create`], returning once the user can log in.
    pub async fn create_and_wait(
        &self,
        database_id: &str,
        body: &CreateDatabaseUser,
    ) -> Result<DatabaseUserCreated> {
        let created = self.create(database_id, body).await?;
        self.client.actions().wait_for(&created.action_id).await?;
        Ok(created)
    }

    /// Starts dropping a user (the admin user cannot be deleted).
    pub async fn delete(&self, database_id: &str, name: &str) -> Result<DatabaseActionAccepted> {
        let params = [("id", database_id), ("name", name)];
        self.client
            .transport
            .json(self.client.op("deleteDatabaseUser", &params))
            .await
    }

    /// Drops the user and returns the completed action.
    pub async fn delete_and_wait(&self, database_id: &str, name: &str) -> Result<Action> {
        let accepted = self.delete(database_id, name).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
