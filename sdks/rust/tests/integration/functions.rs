//! Functions against the real test server (sim driver, real code): deploy, invoke, rename
//! and relabel (PATCH, no new version), redeploy, delete.

use std::collections::BTreeMap;

use cloudnexus::types::{
    CreateFunction, FunctionInvocationStatus, FunctionListParams, FunctionStatus, ListParams,
    PatchFunction, UpdateFunction,
};
use serde_json::json;

use crate::support::client;

const SOURCE: &str = "exports.handler = async (e) => { console.log('hi'); if (e.fail) throw new Error('bad'); return { sum: e.a + e.b }; };";

#[tokio::test]
async fn functions_deploy_invoke_redeploy_and_delete() {
    let client = client();
    let functions = client.functions();
    let runtimes = functions.runtimes(&ListParams::default()).await.unwrap();
    let node = runtimes
        .data
        .iter()
        .find(|r| r.id.starts_with("nodejs"))
        .expect("a node runtime")
        .id
        .clone();
    let body = CreateFunction {
        name: "rust-fn".into(),
        region: "us-east-1".into(),
        runtime: node.clone(),
        handler: "index.handler".into(),
        files: Some(BTreeMap::from([("index.js".into(), SOURCE.into())])),
        ..CreateFunction::default()
    };
    let created = functions.create_and_wait(&body).await.unwrap();
    assert_eq!(
        (created.status, created.version),
        (FunctionStatus::Active, 1)
    );

    let answer = functions
        .invoke(&created.id, &json!({"a": 2, "b": 3}))
        .await
        .unwrap();
    assert_eq!(answer.status, FunctionInvocationStatus::Success);
    assert_eq!(
        (answer.result, answer.logs.as_str()),
        (json!({"sum": 5}), "hi\n")
    );
    let failed = functions
        .invoke(&created.id, &json!({"fail": true}))
        .await
        .unwrap();
    assert_eq!(failed.status, FunctionInvocationStatus::Error);
    assert_eq!(failed.error.unwrap().message, "Error: bad");

    let started = functions
        .invoke_async(&created.id, &json!({"a": 1, "b": 1}))
        .await
        .unwrap();
    let mut seen = functions
        .retrieve_invocation(&created.id, &started.invocation)
        .await
        .unwrap();
    for _ in 0..100 {
        if seen.status != FunctionInvocationStatus::Running {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        seen = functions
            .retrieve_invocation(&created.id, &started.invocation)
            .await
            .unwrap();
    }
    assert_eq!(seen.result, json!({"sum": 2}));
    let listed = functions
        .invocations(&created.id, &ListParams::limit(3))
        .await
        .unwrap();
    let ids: Vec<_> = listed.data.iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids, vec![started.invocation, failed.id, answer.id]);

    let patch = PatchFunction {
        name: Some("rust-fn-renamed".into()),
        labels: Some(Some(BTreeMap::from([("team".into(), Some("core".into()))]))),
    };
    let patched = functions.patch(&created.id, &patch).await.unwrap();
    assert_eq!(
        (
            patched.name.as_str(),
            patched.labels.clone(),
            patched.version
        ),
        (
            "rust-fn-renamed",
            BTreeMap::from([("team".to_string(), "core".to_string())]),
            1
        )
    );

    let update = UpdateFunction {
        runtime: node,
        handler: "index.handler".into(),
        files: Some(BTreeMap::from([(
            "index.js".into(),
            "exports.handler = async () => 7;".into(),
        )])),
        ..UpdateFunction::default()
    };
    functions
        .update_and_wait(&created.id, &update)
        .await
        .unwrap();
    assert_eq!(functions.retrieve(&created.id).await.unwrap().version, 2);
    assert_eq!(
        functions
            .invoke(&created.id, &json!({}))
            .await
            .unwrap()
            .result,
        json!(7)
    );
    let params = FunctionListParams {
        region: Some("us-east-1".into()),
        ..FunctionListParams::default()
    };
    assert!(functions
        .list(&params)
        .await
        .unwrap()
        .data
        .iter()
        .any(|f| f.id == created.id));
    functions.delete_and_wait(&created.id).await.unwrap();
}
