//! One accessor per API resource; each borrows the [`crate::Client`] it came from.

pub(crate) mod account;
pub(crate) mod actions;
pub(crate) mod api_keys;
pub(crate) mod catalog;
pub(crate) mod databases;
pub(crate) mod events;
pub(crate) mod instances;
pub(crate) mod ssh_keys;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// Characters that would end or split a path segment, or read as a query or fragment.
pub(crate) const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'?')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// `{collection}/{id}` with the id escaped, so an id can never reach another route.
pub(crate) fn item_path(collection: &str, id: &str) -> String {
    format!("{collection}/{}", utf8_percent_encode(id, SEGMENT))
}

#[cfg(test)]
mod tests {
    use super::item_path;

    #[test]
    fn ids_stay_inside_their_path_segment() {
        assert_eq!(item_path("instances", "inst_1"), "instances/inst_1");
        assert_eq!(
            item_path("instances", "../account?x#y"),
            "instances/..%2Faccount%3Fx%23y"
        );
    }
}
