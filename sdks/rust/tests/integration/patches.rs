//! PATCH (a JSON merge-patch) on the named and labelled resources beyond instances and volumes: a
//! rename, and a label set and one removed where the resource has labels. The server's suite
//! covers the edge cases; these pin down that each method reaches its operation.

use std::collections::BTreeMap;

use cloudnexus::types::{
    CreateApiKey, CreateBackupPolicy, CreateFirewall, CreateLoadBalancer, CreateNetwork,
    CreateSnapshot, CreateSshKey, CreateVolume, CreateVpc, FirewallApplyTo, ForwardingProtocol,
    ForwardingRule, LoadBalancerStatus, LoadBalancerTargets, NetworkEnvironment, PatchApiKey,
    PatchBackupPolicy, PatchFirewall, PatchLoadBalancer, PatchNetwork, PatchSnapshot, PatchSshKey,
    PatchVpc,
};

use crate::support::{client, SSH_KEY_D};

const REGION: &str = "ap-southeast-1";

/// A labels merge-patch: `Some(v)` sets a label, `None` removes it.
fn labels_patch(
    pairs: &[(&str, Option<&str>)],
) -> Option<Option<BTreeMap<String, Option<String>>>> {
    Some(Some(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
            .collect(),
    ))
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn labelled_resources_rename_and_merge_labels() {
    let client = client();
    let vpc = client
        .vpcs()
        .create(&CreateVpc {
            name: "rust-patch-vpc".into(),
            region: REGION.into(),
            ip_range: "10.174.0.0/16".into(),
            labels: Some(labels(&[("env", "dev"), ("owner", "ann")])),
            ..CreateVpc::default()
        })
        .await
        .unwrap();
    let patch = PatchVpc {
        name: Some("rust-patched-vpc".into()),
        labels: labels_patch(&[("env", Some("prod")), ("owner", None)]),
    };
    let vpc = client.vpcs().patch(&vpc.id, &patch).await.unwrap();
    assert_eq!(
        (vpc.name.as_str(), vpc.labels.clone()),
        ("rust-patched-vpc", labels(&[("env", "prod")]))
    );

    let network = client
        .networks()
        .create(&CreateNetwork {
            name: "rust-patch-net".into(),
            vpc_id: vpc.id.clone(),
            ip_range: "10.174.1.0/24".into(),
            environment: NetworkEnvironment::Staging,
            labels: Some(labels(&[("tier", "db")])),
        })
        .await
        .unwrap();
    let patch = PatchNetwork {
        labels: labels_patch(&[("tier", None), ("team", Some("core"))]),
        ..PatchNetwork::default()
    };
    let network = client.networks().update(&network.id, &patch).await.unwrap();
    assert_eq!(
        (network.name.as_str(), network.labels.clone()),
        ("rust-patch-net", labels(&[("team", "core")]))
    );

    let firewall = client
        .firewalls()
        .create(&CreateFirewall {
            name: "rust-patch-fw".into(),
            apply_to: FirewallApplyTo {
                label_selector: Some("role=none".into()),
                ..FirewallApplyTo::default()
            },
            labels: Some(labels(&[("a", "1")])),
            ..CreateFirewall::default()
        })
        .await
        .unwrap();
    let patch = PatchFirewall {
        name: Some("rust-patched-fw".into()),
        labels: Some(None),
    };
    let firewall = client
        .firewalls()
        .update(&firewall.id, &patch)
        .await
        .unwrap();
    assert_eq!(
        (firewall.name.as_str(), firewall.labels.len()),
        ("rust-patched-fw", 0)
    );

    let rule = ForwardingRule {
        entry_protocol: ForwardingProtocol::Http,
        entry_port: 80,
        target_protocol: ForwardingProtocol::Http,
        target_port: 8080,
    };
    let balancer = client
        .load_balancers()
        .create_and_wait(&CreateLoadBalancer {
            name: "rust-patch-lb".into(),
            vpc_id: vpc.id.clone(),
            forwarding_rules: vec![rule],
            targets: LoadBalancerTargets {
                label_selector: Some("role=none".into()),
                ..LoadBalancerTargets::default()
            },
            ..CreateLoadBalancer::default()
        })
        .await
        .unwrap();
    let patch = PatchLoadBalancer {
        name: Some("rust-patched-lb".into()),
        labels: labels_patch(&[("edge", Some("yes"))]),
    };
    let balancer = client
        .load_balancers()
        .patch(&balancer.id, &patch)
        .await
        .unwrap();
    assert_eq!(
        (
            balancer.name.as_str(),
            balancer.labels.clone(),
            balancer.status
        ),
        (
            "rust-patched-lb",
            labels(&[("edge", "yes")]),
            LoadBalancerStatus::Active
        )
    );

    client
        .load_balancers()
        .delete_and_wait(&balancer.id)
        .await
        .unwrap();
    client.firewalls().delete(&firewall.id).await.unwrap();
    client.networks().delete(&network.id).await.unwrap();
    client.vpcs().delete(&vpc.id).await.unwrap();
}

#[tokio::test]
async fn named_resources_rename() {
    let client = client();
    let volume = client
        .volumes()
        .create_and_wait(&CreateVolume {
            name: "rust-patch-src".into(),
            region: Some(REGION.into()),
            size_gb: Some(1),
            ..CreateVolume::default()
        })
        .await
        .unwrap();
    let snapshot = client
        .volumes()
        .snapshot_and_wait(
            &volume.id,
            &CreateSnapshot {
                name: "rust-snap".into(),
            },
        )
        .await
        .unwrap();
    let rename = |name: &str| Some(name.to_string());
    let renamed = client
        .snapshots()
        .update(
            &snapshot.id,
            &PatchSnapshot {
                name: rename("rust-snap-renamed"),
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "rust-snap-renamed");

    let key = client
        .ssh_keys()
        .create(&CreateSshKey {
            name: "rust-patch-key".into(),
            public_key: SSH_KEY_D.into(),
        })
        .await
        .unwrap();
    let renamed = client
        .ssh_keys()
        .update(
            &key.id,
            &PatchSshKey {
                name: rename("rust renamed key"),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.fingerprint.as_str()),
        ("rust renamed key", key.fingerprint.as_str())
    );

    let policy = client
        .backup_policies()
        .create(&CreateBackupPolicy {
            name: "rust-patch-policy".into(),
            schedule: "0 3 * * *".into(),
            retention_count: 2,
            label_selector: Some("backup=none".into()),
            ..CreateBackupPolicy::default()
        })
        .await
        .unwrap();
    let renamed = client
        .backup_policies()
        .patch(
            &policy.id,
            &PatchBackupPolicy {
                name: rename("rust renamed policy"),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.schedule.as_str()),
        ("rust renamed policy", "0 3 * * *")
    );

    let api_key = client
        .api_keys()
        .create(&CreateApiKey {
            name: "rust-patch-api-key".into(),
            scopes: Some(vec!["instances:read".into()]),
            ..CreateApiKey::default()
        })
        .await
        .unwrap()
        .key;
    let renamed = client
        .api_keys()
        .update(
            &api_key.id,
            &PatchApiKey {
                name: rename("rust renamed api key"),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.scopes.clone()),
        ("rust renamed api key", vec!["instances:read".to_string()])
    );

    client.api_keys().revoke(&api_key.id).await.unwrap();
    client.backup_policies().delete(&policy.id).await.unwrap();
    client.ssh_keys().delete(&key.id).await.unwrap();
    client
        .snapshots()
        .delete_and_wait(&snapshot.id)
        .await
        .unwrap();
    client.volumes().delete_and_wait(&volume.id).await.unwrap();
}
