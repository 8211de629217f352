//! Checks a step's outcome against its `expect` block; panics naming the step on a mismatch.

use std::collections::{BTreeSet, HashMap};

use cloudnexus::Error;
use serde_json::Value;

use crate::support::error_name;

/// Checks `outcome` and returns the result to remember for later steps (null for an error).
pub fn check(
    step: &str,
    expect: &Value,
    outcome: Result<Value, Error>,
    earlier: &HashMap<String, Value>,
) -> Value {
    if let Some(name) = expect.get("error") {
        let err = match outcome {
            Ok(result) => panic!("{step}: expected {name}, got success {result}"),
            Err(err) => err,
        };
        assert_eq!(error_name(&err), name.as_str().unwrap(), "{step}: {err:?}");
        assert_eq!(
            err.status().map(u64::from),
            expect["status"].as_u64(),
            "{step}: status"
        );
        let details = &err.api_error().expect("an API error").details;
        for field in expect
            .get("detail_fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(
                details
                    .iter()
                    .any(|d| Some(d.field.as_str()) == field.as_str()),
                "{step}: no detail for {field} in {details:?}"
            );
        }
        return Value::Null;
    }
    let result = outcome.unwrap_or_else(|err| panic!("{step}: expected success, got {err:?}"));
    let ids = |items: &[Value]| {
        items
            .iter()
            .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    for (key, want) in expect.as_object().expect("expect is an object") {
        match key.as_str() {
            "fields" => {
                for (field, want) in want.as_object().unwrap() {
                    assert!(
                        same(&result[field], want),
                        "{step}: {field} is {}, expected {want}",
                        result[field]
                    );
                }
            }
            "not_null" => {
                for field in want.as_array().unwrap() {
                    assert!(
                        !result[field.as_str().unwrap()].is_null(),
                        "{step}: {field} is null"
                    );
                }
            }
            "id_prefix" => assert!(
                result["id"]
                    .as_str()
                    .unwrap()
                    .starts_with(want.as_str().unwrap()),
                "{step}: id {}",
                result["id"]
            ),
            "count" => assert_eq!(
                items(&result).len() as u64,
                want.as_u64().unwrap(),
                "{step}: count"
            ),
            "min_count" => assert!(
                items(&result).len() as u64 >= want.as_u64().unwrap(),
                "{step}: only {} items",
                items(&result).len()
            ),
            "has_more" => assert_eq!(&result["pagination"]["has_more"], want, "{step}: has_more"),
            "contains_id" => assert!(
                ids(items(&result))
                    .iter()
                    .any(|id| Some(id.as_str()) == want.as_str()),
                "{step}: no {want}"
            ),
            "ids" => {
                let got: BTreeSet<_> = ids(items(&result)).into_iter().collect();
                let wanted: BTreeSet<_> = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect();
                assert_eq!(got, wanted, "{step}: ids");
            }
            "every_fields" => {
                let listed = items(&result);
                assert!(!listed.is_empty(), "{step}: no items to check");
                for item in listed {
                    for (field, want) in want.as_object().unwrap() {
                        assert!(
                            same(&item[field], want),
                            "{step}: {} has {field} {}, expected {want}",
                            item["id"],
                            item[field]
                        );
                    }
                }
            }
            "same_id_as" => {
                let other = &earlier[want.as_str().unwrap()];
                assert_eq!(
                    result["id"], other["id"],
                    "{step}: not the same id as {want}"
                );
            }
            other => panic!("{step}: the runner does not know expectation {other}"),
        }
    }
    result
}

/// The items of a `list_all` (an array) or a `list_page` (a page's `data`).
fn items(result: &Value) -> &[Value] {
    result
        .as_array()
        .or_else(|| result["data"].as_array())
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// JSON equality where `16` and `16.0` are the same number.
fn same(got: &Value, want: &Value) -> bool {
    match (got.as_f64(), want.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => got == want,
    }
}
