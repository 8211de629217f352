//! One accessor per API resource; each borrows the [`crate::Client`] it came from.

pub(crate) mod account;
pub(crate) mod actions;
pub(crate) mod api_keys;
pub(crate) mod catalog;
pub(crate) mod databases;
pub(crate) mod events;
pub(crate) mod instances;
pub(crate) mod ssh_keys;

use percent_encoding::{AsciiSet, CONTROLS};

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
