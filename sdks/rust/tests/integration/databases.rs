//! Managed databases against the real test server: engines, the lifecycle, users and settings.

use std::collections::BTreeMap;

use cloudnexus::types::{
    BackupSettings, CreateDatabase, CreateDatabaseUser, DatabaseEngineId, DatabaseListParams,
    DatabaseMetricType, DatabaseMetricsParams, DatabaseProtection, DatabaseStatus, ListParams,
    ResizeDatabase, UpdateDatabase,
};
use cloudnexus::Error;

use crate::support::client;

#[tokio::test]
async fn database_engines_are_a_catalog() {
    let client = client();
    let engines = client
        .database_engines()
        .list(&ListParams::default())
        .await
        .unwrap();
    let ids: Vec<DatabaseEngineId> = engines.data.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        vec![
            DatabaseEngineId::Mysql,
            DatabaseEngineId::Postgres,
            DatabaseEngineId::Redis
        ]
    );
    let postgres = client
        .database_engines()
        .retrieve("postgres")
        .await
        .unwrap();
    assert_eq!(postgres.port, 5432);
    let missing = client.database_engines().retrieve("oracle").await;
    assert!(matches!(missing, Err(Error::NotFound(_))));
}

#[tokio::test]
async fn database_lifecycle_with_waiting() {
    let client = client();
    let databases = client.databases();
    let body = CreateDatabase {
        name: "rust-db-1".into(),
        engine: Some(DatabaseEngineId::Postgres),
        plan: "db-s-1vcpu-1gb".into(),
        region: Some("eu-west-1".into()),
        backups: Some(BackupSettings {
            hour: Some(7),
            ..BackupSettings::default()
        }),
        protection: Some(DatabaseProtection { delete: true }),
        labels: Some(BTreeMap::from([("suite".into(), "rust-db".into())])),
        ..CreateDatabase::default()
    };
    let database = databases.create_and_wait(&body).await.unwrap();
    assert!(database.id.starts_with("db_"));
    assert_eq!(database.status, DatabaseStatus::Online);
    let password = database.connection.password.clone().unwrap();
    assert_eq!(password.len(), 32);
    assert!(database.connection.uri.contains(&password));
    assert_eq!(database.backups.hour, 7);
    assert_eq!(
        databases
            .retrieve(&database.id)
            .await
            .unwrap()
            .connection
            .password,
        None
    );
    let listed = databases
        .list(&DatabaseListParams {
            label_selector: Some("suite=rust-db".into()),
            ..DatabaseListParams::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.data.len(), 1);
    let duplicate = databases.create(&body).await;
    assert!(matches!(duplicate, Err(Error::Conflict(_))));

    let resize = ResizeDatabase {
        plan: Some("db-s-2vcpu-4gb".into()),
        node_count: Some(2),
    };
    let resized = databases
        .resize_and_wait(&database.id, &resize)
        .await
        .unwrap();
    assert_eq!(resized.r#type, "resize");
    let after = databases.retrieve(&database.id).await.unwrap();
    assert_eq!(
        (after.plan.as_str(), after.node_count),
        ("db-s-2vcpu-4gb", 2)
    );

    let reset = databases
        .reset_password_and_wait(&database.id)
        .await
        .unwrap();
    assert_eq!(reset.user, "cnxadmin");
    assert_ne!(reset.password, password);

    let users = databases.users();
    let created = users
        .create_and_wait(&database.id, &CreateDatabaseUser { name: "app".into() })
        .await
        .unwrap();
    assert!(created.user.password.is_some());
    let mut names: Vec<String> = users
        .list(&database.id, &ListParams::default())
        .await
        .unwrap()
        .data
        .into_iter()
        .map(|u| u.name)
        .collect();
    names.sort();
    assert_eq!(names, vec!["app", "cnxadmin"]);
    let admin = users.delete(&database.id, "cnxadmin").await;
    assert!(matches!(admin, Err(Error::Conflict(_))));
    assert_eq!(
        users
            .delete_and_wait(&database.id, "app")
            .await
            .unwrap()
            .r#type,
        "delete_user"
    );

    let metrics = databases
        .metrics(
            &database.id,
            &DatabaseMetricsParams::new(DatabaseMetricType::Storage),
        )
        .await
        .unwrap();
    assert_eq!(metrics.series[0].name, "storage_used");
    assert!(databases
        .backups(&database.id, &ListParams::default())
        .await
        .unwrap()
        .data
        .is_empty());

    let protected = databases.delete(&database.id).await;
    assert!(matches!(protected, Err(Error::Conflict(_))));
    let unprotected = UpdateDatabase {
        protection: Some(DatabaseProtection { delete: false }),
        ..UpdateDatabase::default()
    };
    assert!(
        !databases
            .update(&database.id, &unprotected)
            .await
            .unwrap()
            .protection
            .delete
    );
    let deleted = databases.delete_and_wait(&database.id).await.unwrap();
    assert_eq!(deleted.r#type, "delete");
    let gone = databases.retrieve(&database.id).await;
    assert!(matches!(gone, Err(Error::NotFound(_))));
}
