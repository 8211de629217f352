//! Container images and containers against the real test server: upload an OCI image layout built
//! here, a refused archive, and a container's lifecycle, logs and metrics.

use cloudnexus::types::{
    ContainerImageListParams, ContainerListParams, ContainerLogsParams, ContainerPort,
    ContainerPortProtocol, CreateContainer, MetricType, MetricsParams, UpdateContainer,
};
use cloudnexus::Error;
use futures::TryStreamExt;

use crate::support::client;

const REGION: &str = "eu-west-1";

/// One ustar member: a 512-byte header, then the data padded to 512 bytes.
fn tar_member(out: &mut Vec<u8>, name: &str, data: &[u8]) {
    let mut header = [0u8; 512];
    header[..name.len()].copy_from_slice(name.as_bytes());
    header[100..107].copy_from_slice(b"0000755");
    header[108..115].copy_from_slice(b"0000000");
    header[116..123].copy_from_slice(b"0000000");
    header[124..135].copy_from_slice(format!("{:011o}", data.len()).as_bytes());
    header[136..147].copy_from_slice(b"00000000000");
    header[156] = b'0';
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    header[148..156].copy_from_slice(b"        ");
    let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
    header[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512, 0);
}

fn tar_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in members {
        tar_member(&mut out, name, data);
    }
    out.resize(out.len() + 1024, 0);
    out
}

fn sha256(data: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, data)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A one-layer OCI image layout whose layer holds `files`, with `cmd` as its Cmd.
fn oci_archive(files: &[(&str, &[u8])], cmd: &str) -> Vec<u8> {
    let layer = tar_of(files);
    let config = serde_json::json!({"os": "linux", "config": {"Cmd": [cmd]}, "rootfs": {"type": "layers", "diff_ids": [format!("sha256:{}", sha256(&layer))]}}).to_string();
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "config": {"digest": format!("sha256:{}", sha256(config.as_bytes())), "size": config.len()},
        "layers": [{"digest": format!("sha256:{}", sha256(&layer)), "size": layer.len()}],
    })
    .to_string();
    let index = serde_json::json!({"schemaVersion": 2, "manifests": [{"digest": format!("sha256:{}", sha256(manifest.as_bytes())), "size": manifest.len()}]}).to_string();
    let blob = |data: &[u8]| format!("blobs/sha256/{}", sha256(data));
    let (m, c, l) = (
        blob(manifest.as_bytes()),
        blob(config.as_bytes()),
        blob(&layer),
    );
    tar_of(&[
        ("oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#),
        ("index.json", index.as_bytes()),
        (&m, manifest.as_bytes()),
        (&c, config.as_bytes()),
        (&l, &layer),
    ])
}

#[tokio::test]
async fn container_image_upload_list_delete_and_a_refused_archive() {
    let client = client();
    let archive = oci_archive(&[("bin/app", b"#!/bin/sh\n")], "/bin/app");
    let image = client
        .container_images()
        .upload("rust-img", REGION, archive.clone())
        .await
        .unwrap();
    assert!(image.id.starts_with("cimg_"));
    assert_eq!(
        (image.cmd.clone(), image.size_bytes, image.layers),
        (vec!["/bin/app".to_string()], archive.len() as i64, 1)
    );
    assert_eq!(
        client.container_images().retrieve(&image.id).await.unwrap(),
        image
    );
    let params = ContainerImageListParams {
        region: Some(REGION.into()),
        ..Default::default()
    };
    let listed: Vec<_> = client
        .container_images()
        .list_all(params)
        .try_collect()
        .await
        .unwrap();
    assert!(listed.iter().any(|i| i.id == image.id));
    client.container_images().delete(&image.id).await.unwrap();
    assert!(matches!(
        client.container_images().retrieve(&image.id).await,
        Err(Error::NotFound(_))
    ));

    let hostile = oci_archive(&[("../escape", b"x")], "/x");
    match client
        .container_images()
        .upload("rust-bad", REGION, hostile)
        .await
    {
        Err(Error::UnprocessableEntity(e)) => {
            assert_eq!(e.reason.as_deref(), Some("unsafe_layer_entry"));
            assert!(e.message.contains("../escape"), "{}", e.message);
        }
        other => panic!("expected a 422, got {other:?}"),
    }
}

#[tokio::test]
async fn container_lifecycle_logs_and_metrics() {
    let client = client();
    let archive = oci_archive(&[("bin/app", b"#!/bin/sh\n")], "/bin/app");
    let image = client
        .container_images()
        .upload("rust-run", REGION, archive)
        .await
        .unwrap();
    let body = CreateContainer {
        name: "rust-ctr".into(),
        region: REGION.into(),
        image_id: image.id.clone(),
        command: None,
        environment: None,
        ports: Some(vec![ContainerPort {
            container_port: 8080,
            protocol: ContainerPortProtocol::Tcp,
        }]),
        memory_mb: 64,
        cpu: 0.5,
        replicas: None,
        network_id: None,
        labels: None,
    };
    let container = client.containers().create_and_wait(&body).await.unwrap();
    assert_eq!(container.status, "running");
    assert!(container.ipv4.is_some());
    let logs = client
        .containers()
        .logs(&container.id, &ContainerLogsParams { tail: Some(1) })
        .await
        .unwrap();
    assert_eq!(logs.stdout.len(), 1);
    let metrics = client
        .containers()
        .metrics(&container.id, &MetricsParams::new(MetricType::Cpu))
        .await
        .unwrap();
    assert_eq!(metrics.container_id, container.id);
    assert_eq!(
        client
            .containers()
            .stop_and_wait(&container.id)
            .await
            .unwrap()
            .status,
        "completed"
    );
    assert!(matches!(
        client.containers().stop(&container.id).await,
        Err(Error::Conflict(_))
    ));
    assert_eq!(
        client
            .containers()
            .start_and_wait(&container.id)
            .await
            .unwrap()
            .status,
        "completed"
    );
    assert_eq!(
        client
            .containers()
            .restart_and_wait(&container.id)
            .await
            .unwrap()
            .status,
        "completed"
    );
    let renamed = client
        .containers()
        .update(
            &container.id,
            &UpdateContainer {
                name: Some("rust-ctr-2".into()),
                labels: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "rust-ctr-2");
    let page = client
        .containers()
        .list(&ContainerListParams {
            region: Some(REGION.into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(page.data.iter().any(|c| c.id == container.id));
    let all: Vec<_> = client
        .containers()
        .list_all(ContainerListParams::default())
        .try_collect()
        .await
        .unwrap();
    assert!(all.iter().any(|c| c.id == container.id));
    assert!(matches!(
        client.container_images().delete(&image.id).await,
        Err(Error::Conflict(_))
    ));
    assert_eq!(
        client
            .containers()
            .delete_and_wait(&container.id)
            .await
            .unwrap()
            .status,
        "completed"
    );
    assert!(matches!(
        client.containers().retrieve(&container.id).await,
        Err(Error::NotFound(_))
    ));
    client.container_images().delete(&image.id).await.unwrap();
}
