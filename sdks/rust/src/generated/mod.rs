//! Code generated from `spec/openapi.json` by `scripts/generate.mjs` (committed; the
//! run-tests staleness check fails when it drifts), and the lookups SDK methods make in it.

pub(crate) mod models;
mod operations;

use percent_encoding::utf8_percent_encode;
use reqwest::Method;

use crate::resources::SEGMENT;
use operations::OPERATIONS;

/// One API operation as the spec declares it.
#[derive(Debug)]
pub(crate) struct Operation {
    pub(crate) id: &'static str,
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
}

/// The operation named `id`. An unknown id is an SDK bug, not a user error, hence the panic:
/// the SDK's tests exercise every method, so a wrong literal cannot ship.
pub(crate) fn operation(id: &str) -> &'static Operation {
    OPERATIONS
        .binary_search_by(|op| op.id.cmp(id))
        .map(|i| &OPERATIONS[i])
        .unwrap_or_else(|_| panic!("{id} is not an operationId of spec/openapi.json"))
}

impl Operation {
    /// The HTTP method as reqwest spells it.
    pub(crate) fn http_method(&self) -> Method {
        Method::from_bytes(self.method.as_bytes()).expect("the spec's methods are valid")
    }

    /// The path relative to the `/v2` API root, each `{name}` replaced by its escaped value.
    pub(crate) fn relative_path(&self, params: &[(&str, &str)]) -> String {
        let mut path = self.path.trim_start_matches("/v2/").to_owned();
        for (name, value) in params {
            let placeholder = format!("{{{name}}}");
            assert!(
                path.contains(&placeholder),
                "{} has no {placeholder}",
                self.id
            );
            path = path.replace(
                &placeholder,
                &utf8_percent_encode(value, SEGMENT).to_string(),
            );
        }
        assert!(
            !path.contains('{'),
            "{} is missing a path parameter",
            self.id
        );
        path
    }
}

#[cfg(test)]
mod tests {
    use super::{operation, OPERATIONS};

    #[test]
    fn the_table_is_sorted_so_lookups_can_bisect() {
        assert!(OPERATIONS.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn an_operation_fills_its_path_with_escaped_ids() {
        let op = operation("attachVolume");
        assert_eq!(op.http_method(), reqwest::Method::PUT);
        assert_eq!(
            op.relative_path(&[("id", "vol/1")]),
            "volumes/vol%2F1/attach"
        );
    }

    #[test]
    #[should_panic(expected = "is not an operationId")]
    fn an_unknown_operation_is_refused() {
        operation("noSuchOperation");
    }
}
