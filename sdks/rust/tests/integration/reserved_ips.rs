//! Reserved IPs against the real test server: reserve, label, assign, move, unassign, release.

use std::collections::BTreeMap;

use cloudnexus::types::{
    AssignReservedIp, CreateInstance, CreateReservedIp, ReservedIpListParams, ReservedIpStatus,
    UpdateReservedIp,
};

use futures::TryStreamExt;

use crate::support::client;

const REGION: &str = "sa-east-1";

#[tokio::test]
async fn reserved_ips_assign_move_unassign_and_release() {
    let client = client();
    let mut hosts = Vec::new();
    for n in 0..2 {
        let body = CreateInstance {
            name: format!("rust-rip-{n}"),
            region: REGION.into(),
            plan: "micro".into(),
            image: "debian-12".into(),
            ..CreateInstance::default()
        };
        hosts.push(client.instances().create_and_wait(&body).await.unwrap());
    }
    let rips = client.reserved_ips();
    let create = CreateReservedIp {
        region: REGION.into(),
        labels: None,
    };
    let rip = rips.create(&create).await.unwrap();
    assert!(rip.id.starts_with("rip_"));
    assert_eq!(
        (rip.status, rip.instance_id.clone()),
        (ReservedIpStatus::Unassigned, None)
    );
    let patch = UpdateReservedIp {
        labels: Some(Some(BTreeMap::from([("tier".into(), Some("edge".into()))]))),
    };
    assert_eq!(
        rips.update(&rip.id, &patch).await.unwrap().labels["tier"],
        "edge"
    );

    let to = |instance: &str| AssignReservedIp {
        instance_id: instance.into(),
    };
    rips.assign_and_wait(&rip.id, &to(&hosts[0].id))
        .await
        .unwrap();
    let first = client.instances().retrieve(&hosts[0].id).await.unwrap();
    assert_eq!(first.public_ipv4.as_deref(), Some(rip.ip.as_str()));
    let refused = rips.delete(&rip.id).await.expect_err("assigned");
    assert_eq!(
        refused
            .api_error()
            .and_then(|e| e.reason.clone())
            .as_deref(),
        Some("has_dependents")
    );

    let accepted = rips.assign(&rip.id, &to(&hosts[1].id)).await.unwrap();
    client
        .actions()
        .wait_for(&accepted.action_id)
        .await
        .unwrap();
    let on_second = ReservedIpListParams {
        instance_id: Some(hosts[1].id.clone()),
        ..Default::default()
    };
    let listed = rips.list(&on_second).await.unwrap();
    assert_eq!(
        listed
            .data
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        vec![rip.id.as_str()]
    );
    let mut every = rips.list_all(ReservedIpListParams {
        region: Some(REGION.into()),
        limit: Some(1),
        ..Default::default()
    });
    let mut seen = Vec::new();
    while let Some(each) = every.try_next().await.unwrap() {
        seen.push(each.id);
    }
    assert!(seen.contains(&rip.id));

    rips.unassign_and_wait(&rip.id).await.unwrap();
    assert_eq!(
        rips.retrieve(&rip.id).await.unwrap().status,
        ReservedIpStatus::Unassigned
    );
    rips.delete(&rip.id).await.unwrap();
    for host in hosts {
        client.instances().delete_and_wait(&host.id).await.unwrap();
    }
}
