//! VPCs, networks and volumes against the real test server: pages, waiting, and typed errors
//! matched on their `reason`.

use std::collections::BTreeMap;

use cloudnexus::types::{
    CreateNetwork, CreateSnapshot, CreateVolume, CreateVpc, NetworkEnvironment, ResizeVolume,
    VolumeListParams, VolumeStatus, VpcListParams,
};
use cloudnexus::Error;
use futures::TryStreamExt;

use crate::support::{client, error_name};

const REGION: &str = "ap-southeast-1";

/// The failed call's error name (as the conformance scenario spells it) and its `reason`.
fn reason(result: Result<impl std::fmt::Debug, Error>) -> (&'static str, String) {
    let err = result.expect_err("the call should have failed");
    let reason = err
        .api_error()
        .and_then(|api| api.reason.clone())
        .unwrap_or_default();
    (error_name(&err), reason)
}

fn labels(suite: &str) -> Option<BTreeMap<String, String>> {
    Some(BTreeMap::from([("suite".to_owned(), suite.to_owned())]))
}

#[tokio::test]
async fn vpcs_page_conflict_on_a_taken_name_and_refuse_deleting_while_networks_remain() {
    let client = client();
    let vpcs = client.vpcs();
    let mut created = Vec::new();
    for n in 0..3 {
        let body = CreateVpc {
            name: format!("rust-vpc-{n}"),
            region: REGION.into(),
            ip_range: format!("10.{}.0.0/16", 150 + n),
            labels: labels("rust-vpcs"),
            ..CreateVpc::default()
        };
        created.push(vpcs.create(&body).await.unwrap());
    }
    let params = VpcListParams {
        label_selector: Some("suite=rust-vpcs".into()),
        limit: Some(2),
        ..VpcListParams::default()
    };
    let first = vpcs.list(&params).await.unwrap();
    assert_eq!(first.data.len(), 2);
    assert!(first.pagination.has_more);
    let every: Vec<_> = vpcs.list_all(params).try_collect().await.unwrap();
    let mut ids: Vec<_> = every.iter().map(|v| v.id.clone()).collect();
    let mut wanted: Vec<_> = created.iter().map(|v| v.id.clone()).collect();
    ids.sort();
    wanted.sort();
    assert_eq!(ids, wanted);

    let taken = CreateVpc {
        name: "rust-vpc-0".into(),
        region: REGION.into(),
        ip_range: "10.160.0.0/16".into(),
        ..CreateVpc::default()
    };
    assert_eq!(
        reason(vpcs.create(&taken).await),
        ("ConflictError", "name_taken".into())
    );

    let vpc = &created[0];
    let network = client
        .networks()
        .create(&CreateNetwork {
            name: "rust-net".into(),
            vpc_id: vpc.id.clone(),
            ip_range: "10.150.1.0/24".into(),
            environment: NetworkEnvironment::Staging,
            labels: None,
        })
        .await
        .unwrap();
    assert_eq!(
        reason(vpcs.delete(&vpc.id).await),
        ("ConflictError", "has_dependents".into())
    );
    client.networks().delete(&network.id).await.unwrap();
    for each in &created {
        vpcs.delete(&each.id).await.unwrap();
    }
    assert_eq!(
        reason(vpcs.retrieve(&vpc.id).await),
        ("NotFoundError", "not_found".into())
    );
}

#[tokio::test]
async fn volumes_wait_for_create_refuse_shrinking_and_snapshot() {
    let client = client();
    let volumes = client.volumes();
    let volume = volumes
        .create_and_wait(&CreateVolume {
            name: "rust-vol".into(),
            region: Some(REGION.into()),
            size_gb: Some(10),
            labels: labels("rust-volumes"),
            ..CreateVolume::default()
        })
        .await
        .unwrap();
    assert!(volume.id.starts_with("vol_"));
    assert_eq!(volume.status, VolumeStatus::Available);

    let shrink = volumes
        .resize(&volume.id, &ResizeVolume { size_gb: 5 })
        .await;
    assert_eq!(
        reason(shrink),
        ("UnprocessableEntityError", "validation_failed".into())
    );
    let grown = volumes
        .resize_and_wait(&volume.id, &ResizeVolume { size_gb: 20 })
        .await
        .unwrap();
    assert_eq!(grown.r#type, "resize");

    let snapshot = volumes
        .snapshot_and_wait(
            &volume.id,
            &CreateSnapshot {
                name: "rust-snap".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(snapshot.size_gb, 20);
    let listed = volumes
        .list(&VolumeListParams {
            label_selector: Some("suite=rust-volumes".into()),
            ..VolumeListParams::default()
        })
        .await
        .unwrap();
    assert_eq!(
        listed.data.iter().map(|v| &v.id).collect::<Vec<_>>(),
        [&volume.id]
    );

    client
        .snapshots()
        .delete_and_wait(&snapshot.id)
        .await
        .unwrap();
    assert_eq!(
        volumes.delete_and_wait(&volume.id).await.unwrap().r#type,
        "delete"
    );
    assert_eq!(
        reason(volumes.retrieve(&volume.id).await),
        ("NotFoundError", "not_found".into())
    );
}
