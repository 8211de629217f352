//! Runs the conformance scenario every official SDK runs, step by step
//! (see `sdks/conformance/README.md` for the format).

mod dispatch;
mod expect;

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::support::{client, client_with_key};

#[tokio::test]
async fn conformance_scenario() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/scenario.json");
    let scenario: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read scenario.json")).unwrap();
    let vars = &scenario["vars"];
    let steps = scenario["steps"].as_array().expect("steps");
    let default_client = client();
    let mut results: HashMap<String, Value> = HashMap::new();

    for step in steps {
        let id = step["id"].as_str().expect("step id");
        let resolve = |v: &Value| resolve(v, vars, &results);
        let args = resolve(step.get("args").unwrap_or(&Value::Null));
        let step_client = match step.get("client").and_then(|c| c.get("api_key")) {
            Some(key) => client_with_key(resolve(key).as_str().expect("client.api_key")),
            None => default_client.clone(),
        };
        let call = dispatch::Call {
            name: step["call"].as_str().expect("call"),
            args: &args,
            wait: step["wait"].as_bool().unwrap_or(false),
            idempotency_key: step["idempotency_key"].as_str(),
        };
        let outcome = dispatch::run(&step_client, call).await;
        let expect = resolve(&step["expect"]);
        let result = expect::check(id, &expect, outcome, &results);
        results.insert(id.to_owned(), result);
    }
}

/// Replaces `$vars.NAME` and `$STEP.FIELD` strings, anywhere in `value`, by what they name.
fn resolve(value: &Value, vars: &Value, results: &HashMap<String, Value>) -> Value {
    match value {
        Value::String(s) if s.starts_with('$') => {
            let (head, field) = s[1..]
                .split_once('.')
                .unwrap_or_else(|| panic!("bad reference {s}"));
            let source = if head == "vars" {
                vars
            } else {
                results
                    .get(head)
                    .unwrap_or_else(|| panic!("{s}: no step {head} yet"))
            };
            field.split('.').fold(source, |v, key| &v[key]).clone()
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| resolve(v, vars, results)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), resolve(v, vars, results)))
                .collect(),
        ),
        other => other.clone(),
    }
}
