//! The instance lifecycle and its actions against the real test server.

use std::collections::BTreeMap;

use cloudnexus::types::{
    ActionListParams, ActionStatus, CreateInstance, CreateInstanceProtection, CreateSshKey,
    ImageListParams, ImageStatus, ImageType, InstanceListParams, InstanceStatus, ListParams,
    MetricType, MetricsParams, RebuildInstance, ResizeInstance, SnapshotInstance, UpdateInstance,
};
use cloudnexus::Error;
use futures::TryStreamExt;

use crate::support::{client, error_name, SSH_KEY_B};

#[tokio::test]
async fn instance_lifecycle_with_waiting() {
    let client = client();
    let ssh_key = client
        .ssh_keys()
        .create(&CreateSshKey {
            name: "rust-sdk lifecycle".into(),
            public_key: SSH_KEY_B.into(),
        })
        .await
        .unwrap();
    let body = CreateInstance {
        name: "rust-life-1".into(),
        region: "eu-west-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        ssh_keys: Some(vec![ssh_key.id.clone()]),
        labels: Some(BTreeMap::from([
            ("suite".into(), "rust-sdk".into()),
            ("tier".into(), "web".into()),
        ])),
        ..CreateInstance::default()
    };

    let instance = client.instances().create_and_wait(&body).await.unwrap();
    assert!(instance.id.starts_with("inst_"));
    assert_eq!(instance.status, InstanceStatus::Running);
    assert!(instance.ipv4.is_some());
    assert_eq!(instance.ssh_keys, vec![ssh_key.id.clone()]);
    assert_eq!(instance.labels["tier"], "web");

    let by_filters = InstanceListParams {
        region: Some("eu-west-1".into()),
        status: Some(InstanceStatus::Running),
        name: Some("rust-life-1".into()),
        label_selector: Some("suite=rust-sdk,tier in (web,api)".into()),
        ..InstanceListParams::default()
    };
    let page = client.instances().list(&by_filters).await.unwrap();
    assert_eq!(
        page.data.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        vec![instance.id.as_str()]
    );
    let none = InstanceListParams {
        status: Some(InstanceStatus::Stopped),
        ..by_filters
    };
    assert!(client
        .instances()
        .list(&none)
        .await
        .unwrap()
        .data
        .is_empty());

    let stopped = client
        .instances()
        .stop_and_wait(&instance.id)
        .await
        .unwrap();
    assert_eq!(
        (stopped.r#type.as_str(), stopped.status),
        ("stop", ActionStatus::Completed)
    );
    assert_eq!(
        client
            .instances()
            .retrieve(&instance.id)
            .await
            .unwrap()
            .status,
        InstanceStatus::Stopped
    );

    let resized = client
        .instances()
        .resize_and_wait(
            &instance.id,
            &ResizeInstance {
                plan: "standard-2".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(resized.r#type, "resize");
    let after_resize = client.instances().retrieve(&instance.id).await.unwrap();
    assert_eq!(
        (
            after_resize.plan.as_str(),
            after_resize.cpu,
            after_resize.status
        ),
        ("standard-2", 2, InstanceStatus::Stopped)
    );

    client
        .instances()
        .start_and_wait(&instance.id)
        .await
        .unwrap();
    // Without waiting: the 202 names the action, which wait_for then follows.
    let accepted = client.instances().restart(&instance.id).await.unwrap();
    assert_eq!(accepted.status, InstanceStatus::Rebooting);
    let restarted = client
        .actions()
        .wait_for(&accepted.action_id)
        .await
        .unwrap();
    assert_eq!(
        (restarted.id.as_str(), restarted.r#type.as_str()),
        (accepted.action_id.as_str(), "restart")
    );
    assert!(restarted.completed_at.is_some());

    let metrics = client
        .instances()
        .metrics(
            &instance.id,
            &MetricsParams {
                step: Some(300),
                ..MetricsParams::new(MetricType::Memory)
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (metrics.r#type, metrics.step, metrics.instance_id.as_str()),
        (MetricType::Memory, 300, instance.id.as_str())
    );
    assert!(metrics.series.iter().all(|s| !s.points.is_empty()));

    let history: Vec<_> = client
        .instances()
        .actions_all(&instance.id, ListParams::limit(2))
        .try_collect()
        .await
        .unwrap();
    let types: Vec<_> = history.iter().map(|a| a.r#type.as_str()).collect();
    assert_eq!(
        types,
        vec!["restart", "start", "resize", "stop", "create"],
        "newest first, across pages of 2"
    );
    let completed = client
        .actions()
        .list(&ActionListParams {
            resource_id: Some(instance.id.clone()),
            status: Some(ActionStatus::Completed),
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(completed.data.len(), 5);
    assert_eq!(
        client.actions().retrieve(&restarted.id).await.unwrap(),
        restarted
    );

    let deleted = client
        .instances()
        .delete_and_wait(&instance.id)
        .await
        .unwrap();
    assert_eq!(deleted.r#type, "delete");
    let gone = client.instances().retrieve(&instance.id).await.unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
}

#[tokio::test]
async fn update_merges_labels_renames_and_lifts_protection() {
    let client = client();
    let body = CreateInstance {
        name: "rust-patch-1".into(),
        region: "eu-west-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        labels: Some(BTreeMap::from([
            ("env".into(), "dev".into()),
            ("owner".into(), "ann".into()),
        ])),
        ..CreateInstance::default()
    };
    let instance = client.instances().create_and_wait(&body).await.unwrap();
    let patch = UpdateInstance {
        name: Some("rust-patched-1".into()),
        labels: Some(Some(BTreeMap::from([
            ("env".into(), Some("prod".into())),
            ("owner".into(), None),
        ]))),
        protection: Some(CreateInstanceProtection {
            delete: Some(true),
            rebuild: None,
        }),
    };
    let patched = client
        .instances()
        .update(&instance.id, &patch)
        .await
        .unwrap();
    assert_eq!(patched.name, "rust-patched-1");
    assert_eq!(
        patched.labels,
        BTreeMap::from([("env".to_string(), "prod".to_string())])
    );
    assert!(patched.protection.delete && !patched.protection.rebuild);

    let refused = client.instances().delete(&instance.id).await.unwrap_err();
    assert_eq!(
        refused.api_error().and_then(|e| e.reason.as_deref()),
        Some("delete_protected")
    );
    let lift = UpdateInstance {
        protection: Some(CreateInstanceProtection {
            delete: Some(false),
            rebuild: None,
        }),
        ..UpdateInstance::default()
    };
    let lifted = client
        .instances()
        .update(&instance.id, &lift)
        .await
        .unwrap();
    assert!(!lifted.protection.delete);
    client
        .instances()
        .delete_and_wait(&instance.id)
        .await
        .unwrap();
}

#[tokio::test]
async fn power_cycle_and_graceful_shutdown() {
    let client = client();
    let body = CreateInstance {
        name: "rust-power-1".into(),
        region: "eu-west-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        ..CreateInstance::default()
    };
    let instance = client.instances().create_and_wait(&body).await.unwrap();

    let cycling = client.instances().power_cycle(&instance.id).await.unwrap();
    assert_eq!(cycling.status, InstanceStatus::Rebooting);
    let cycled = client.actions().wait_for(&cycling.action_id).await.unwrap();
    assert_eq!(cycled.r#type, "power_cycle");

    let shut = client
        .instances()
        .shutdown_and_wait(&instance.id)
        .await
        .unwrap();
    assert_eq!(shut.r#type, "shutdown");
    let stopped = client.instances().retrieve(&instance.id).await.unwrap();
    assert_eq!(stopped.status, InstanceStatus::Stopped);

    let again = client.instances().shutdown(&instance.id).await.unwrap_err();
    assert_eq!(error_name(&again), "ConflictError");
    assert_eq!(
        again.api_error().and_then(|e| e.reason.as_deref()),
        Some("already_in_state")
    );
    client
        .instances()
        .delete_and_wait(&instance.id)
        .await
        .unwrap();
}

#[tokio::test]
async fn snapshot_create_from_image_rebuild_and_delete() {
    let client = client();
    let create = |name: &str, image: &str| CreateInstance {
        name: name.into(),
        region: "eu-west-1".into(),
        plan: "micro".into(),
        image: image.into(),
        ..CreateInstance::default()
    };
    let source = client
        .instances()
        .create_and_wait(&create("rust-golden-1", "debian-12"))
        .await
        .unwrap();
    let snapshot = |crash_consistent| SnapshotInstance {
        name: "rust-golden-img".into(),
        crash_consistent,
    };
    let refused = client
        .instances()
        .snapshot(&source.id, &snapshot(None))
        .await
        .unwrap_err();
    assert_eq!(
        refused.api_error().and_then(|e| e.reason.as_deref()),
        Some("invalid_state")
    );
    let accepted = client
        .instances()
        .snapshot(&source.id, &snapshot(Some(true)))
        .await
        .unwrap();
    assert!(accepted.image_id.starts_with("img_"));
    let taken = client
        .actions()
        .wait_for(&accepted.action_id)
        .await
        .unwrap();
    assert_eq!(taken.r#type, "snapshot");
    let image = client.images().retrieve(&accepted.image_id).await.unwrap();
    assert_eq!(image.r#type, ImageType::Custom);
    assert_eq!(image.status, ImageStatus::Available);
    assert_eq!(
        image.source_instance_id.as_deref(),
        Some(source.id.as_str())
    );
    let custom = client
        .images()
        .list(&ImageListParams {
            r#type: Some(ImageType::Custom),
            limit: Some(100),
            ..ImageListParams::default()
        })
        .await
        .unwrap();
    assert!(custom.data.iter().all(|i| i.r#type == ImageType::Custom));
    assert!(custom.data.iter().any(|i| i.id == image.id));

    let copy = client
        .instances()
        .create_and_wait(&create("rust-from-image-1", &image.id))
        .await
        .unwrap();
    assert_eq!(copy.image, image.id);
    let rebuilt = client
        .instances()
        .rebuild_and_wait(
            &source.id,
            &RebuildInstance {
                image: "ubuntu-24-04".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(rebuilt.r#type, "rebuild");
    let after = client.instances().retrieve(&source.id).await.unwrap();
    assert_eq!(
        (after.image.as_str(), &after.ipv4),
        ("ubuntu-24-04", &source.ipv4)
    );

    let public = client.images().delete("debian-12").await.unwrap_err();
    assert_eq!(
        public.api_error().and_then(|e| e.reason.as_deref()),
        Some("public_image")
    );
    client.images().delete_and_wait(&image.id).await.unwrap();
    let gone = client.images().retrieve(&image.id).await.unwrap_err();
    assert_eq!(error_name(&gone), "NotFoundError");
    for id in [&source.id, &copy.id] {
        client.instances().delete_and_wait(id).await.unwrap();
    }
}

#[tokio::test]
async fn create_without_waiting_returns_a_provisioning_instance() {
    let client = client();
    let body = CreateInstance {
        name: "rust-nowait-1".into(),
        region: "us-east-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        ..CreateInstance::default()
    };

    let instance = client.instances().create(&body).await.unwrap();

    assert_eq!(instance.status, InstanceStatus::Provisioning);
    let create = client
        .instances()
        .actions(&instance.id, &ListParams::default())
        .await
        .unwrap();
    assert_eq!(create.data.len(), 1);
    assert_eq!(create.data[0].r#type, "create");
    client.actions().wait_for(&create.data[0].id).await.unwrap();
    client
        .instances()
        .delete_and_wait(&instance.id)
        .await
        .unwrap();
}
