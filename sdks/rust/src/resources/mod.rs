//! One accessor per API resource; each borrows the [`crate::Client`] it came from.

pub(crate) mod account;
pub(crate) mod actions;
pub(crate) mod api_keys;
pub(crate) mod backup_policies;
pub(crate) mod catalog;
pub(crate) mod container_images;
pub(crate) mod containers;
pub(crate) mod databases;
pub(crate) mod events;
pub(crate) mod firewalls;
pub(crate) mod functions;
pub(crate) mod images;
pub(crate) mod instances;
pub(crate) mod load_balancers;
pub(crate) mod networks;
pub(crate) mod reserved_ips;
pub(crate) mod snapshots;
pub(crate) mod ssh_keys;
pub(crate) mod volumes;
pub(crate) mod vpcs;
pub(crate) mod webhooks;

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
