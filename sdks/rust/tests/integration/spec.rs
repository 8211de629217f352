//! The SDK's types against `spec/openapi.json`: every field the spec names, no field it does not.
//! Responses are checked on real values from the test server, requests on fully filled values.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use cloudnexus::types::{
    ActionListParams, ActionStatus, ActorType, CreateApiKey, CreateInstance,
    CreateInstanceProtection, CreateSshKey, EventListParams, ImageListParams, ImageType,
    InstanceListParams, InstanceStatus, ListParams, MetricType, MetricsParams, ResizeInstance,
};
use serde::Serialize;
use serde_json::Value;

use crate::support::{client, SSH_KEY_C};

fn openapi() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/openapi.json");
        serde_json::from_slice(&std::fs::read(path).expect("read spec/openapi.json")).unwrap()
    })
}

/// Asserts that `value` serializes with exactly the properties of schema `name`, and so on down
/// into nested objects and the first item of arrays.
fn assert_schema(name: &str, value: &impl Serialize) {
    let schema = &openapi()["components"]["schemas"][name];
    assert!(schema.is_object(), "no schema {name}");
    assert_matches(name, schema, &serde_json::to_value(value).unwrap());
}

fn assert_matches(at: &str, schema: &Value, value: &Value) {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return assert_matches(at, &openapi()["components"]["schemas"][name], value);
    }
    if let (Some(properties), Some(object)) = (schema["properties"].as_object(), value.as_object())
    {
        let spec: BTreeSet<&String> = properties.keys().collect();
        assert_eq!(object.keys().collect::<BTreeSet<_>>(), spec, "{at}");
        for (key, property) in properties {
            assert_matches(&format!("{at}.{key}"), property, &object[key]);
        }
    }
    if let (Some(items), Some(first)) = (
        schema.get("items"),
        value.as_array().and_then(|a| a.first()),
    ) {
        assert_matches(&format!("{at}[0]"), items, first);
    }
}

/// Asserts that `value` serializes with exactly the query parameters of `GET path`.
fn assert_query(path: &str, value: &impl Serialize) {
    let parameters = openapi()["paths"][path]["get"]["parameters"]
        .as_array()
        .unwrap_or_else(|| panic!("no GET {path}"));
    let spec: BTreeSet<String> = parameters
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    let value = serde_json::to_value(value).unwrap();
    let keys: BTreeSet<String> = value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, spec, "GET {path}");
}

#[test]
fn request_types_have_the_specs_fields() {
    assert_schema(
        "CreateInstance",
        &CreateInstance {
            ssh_keys: Some(vec![]),
            user_data: Some(String::new()),
            labels: Some(BTreeMap::new()),
            network_id: Some(String::new()),
            public_ip: Some(true),
            protection: Some(CreateInstanceProtection {
                delete: Some(false),
                rebuild: Some(false),
            }),
            ..CreateInstance::default()
        },
    );
    assert_schema("CreateSshKey", &CreateSshKey::default());
    assert_schema(
        "CreateApiKey",
        &CreateApiKey {
            scopes: Some(vec![]),
            regions: Some(vec![]),
            expires_at: Some(String::new()),
            ..Default::default()
        },
    );
    assert_schema(
        "ResizeInstance",
        &ResizeInstance {
            plan: String::new(),
        },
    );

    let page = ListParams {
        limit: Some(1),
        cursor: Some("c".into()),
    };
    for path in [
        "/v2/regions",
        "/v2/plans",
        "/v2/ssh_keys",
        "/v2/api_keys",
        "/v2/instances/{id}/actions",
    ] {
        assert_query(path, &page);
    }
    assert_query(
        "/v2/images",
        &ImageListParams {
            r#type: Some(ImageType::Custom),
            limit: Some(1),
            cursor: Some("c".into()),
        },
    );
    assert_query(
        "/v2/instances",
        &InstanceListParams {
            region: Some("r".into()),
            status: Some(InstanceStatus::Running),
            name: Some("n".into()),
            label_selector: Some("l".into()),
            limit: Some(1),
            cursor: Some("c".into()),
        },
    );
    assert_query(
        "/v2/events",
        &EventListParams {
            r#type: Some("instance.*".into()),
            resource_id: Some("i".into()),
            since: Some("s".into()),
            until: Some("u".into()),
            limit: Some(1),
            cursor: Some("c".into()),
        },
    );
    assert_query(
        "/v2/actions",
        &ActionListParams {
            resource_id: Some("i".into()),
            status: Some(ActionStatus::Completed),
            limit: Some(1),
            cursor: Some("c".into()),
        },
    );
    assert_query(
        "/v2/instances/{id}/metrics",
        &MetricsParams {
            start: Some("s".into()),
            end: Some("e".into()),
            step: Some(60),
            ..MetricsParams::new(MetricType::Cpu)
        },
    );
}

#[tokio::test]
async fn response_types_have_the_specs_fields() {
    let client = client();
    assert_schema("Account", &client.account().retrieve().await.unwrap());
    assert_schema(
        "Region",
        &client.regions().retrieve("us-east-1").await.unwrap(),
    );
    assert_schema("Plan", &client.plans().retrieve("micro").await.unwrap());
    assert_schema(
        "Image",
        &client.images().retrieve("debian-12").await.unwrap(),
    );
    assert_schema(
        "Pagination",
        &client
            .images()
            .list(&ImageListParams {
                limit: Some(1),
                ..ImageListParams::default()
            })
            .await
            .unwrap()
            .pagination,
    );

    let ssh_key = client
        .ssh_keys()
        .create(&CreateSshKey {
            name: "rust-sdk spec".into(),
            public_key: SSH_KEY_C.into(),
        })
        .await
        .unwrap();
    assert_schema("SshKey", &ssh_key);
    let events = client
        .events()
        .list(&EventListParams {
            resource_id: Some(ssh_key.id.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(events.data.len(), 1);
    assert_eq!(events.data[0].r#type, "ssh_key.created");
    assert_eq!(events.data[0].actor.r#type, ActorType::ApiKey);
    assert_schema("Event", &events.data[0]);
    let api_key = client
        .api_keys()
        .create(&CreateApiKey {
            name: "rust-sdk spec".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_schema("CreatedApiKey", &api_key);
    assert_schema("ApiKey", &api_key.key);

    let body = CreateInstance {
        name: "rust-spec-1".into(),
        region: "ap-south-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        ..Default::default()
    };
    let instance = client.instances().create_and_wait(&body).await.unwrap();
    assert_schema("Instance", &instance);
    assert_schema(
        "InstanceMetrics",
        &client
            .instances()
            .metrics(&instance.id, &MetricsParams::new(MetricType::Network))
            .await
            .unwrap(),
    );
    let accepted = client.instances().delete(&instance.id).await.unwrap();
    assert_schema("InstanceActionAccepted", &accepted);
    assert_schema(
        "Action",
        &client
            .actions()
            .wait_for(&accepted.action_id)
            .await
            .unwrap(),
    );
}
