# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Firewalls: inbound and outbound rules applied to instances by id or label selector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional, Union

from ..._generated.models import Firewall, FirewallInboundRule, FirewallList, FirewallOutboundRule
from ..._request import merge_patch_body, without_none
from ..pagination import SyncPager
from ._base import SyncResource

# Rules and targets are taken as generated models or as plain mappings of the same fields.
InboundRule = Union[FirewallInboundRule, Mapping[str, object]]
OutboundRule = Union[FirewallOutboundRule, Mapping[str, object]]


def _rules_body(
    name: str,
    inbound_rules: Sequence[InboundRule],
    outbound_rules: Optional[Sequence[OutboundRule]],
    apply_to: Mapping[str, object],
    labels: Optional[Mapping[str, str]],
) -> dict[str, object]:
    return without_none(
        {
            "name": name,
            "inbound_rules": list(inbound_rules),
            "outbound_rules": list(outbound_rules) if outbound_rules is not None else None,
            "apply_to": apply_to,
            "labels": labels,
        }
    )


class SyncFirewalls(SyncResource):
    def list(self, *, label_selector: Optional[str] = None, limit: Optional[int] = None) -> SyncPager[Firewall]:
        return SyncPager(lambda cursor: self.list_page(label_selector=label_selector, limit=limit, cursor=cursor))

    def list_page(
        self, *, label_selector: Optional[str] = None, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> FirewallList:
        return self._transport.op(
            "listFirewalls",
            model=FirewallList,
            query={"label_selector": label_selector, "limit": limit, "cursor": cursor},
        )

    def create(
        self,
        *,
        name: str,
        inbound_rules: Sequence[InboundRule],
        apply_to: Mapping[str, object],
        outbound_rules: Optional[Sequence[OutboundRule]] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Firewall:
        """A firewall allowing `inbound_rules` (e.g. `{"protocol": "tcp", "ports": "22", "sources":
        {"addresses": ["0.0.0.0/0"]}}`) to the instances of `apply_to` (`instance_ids` and/or `label_selector`).
        Outbound traffic is allowed by default."""
        body = _rules_body(name, inbound_rules, outbound_rules, apply_to, labels)
        return self._transport.op("createFirewall", model=Firewall, json=body, idempotency_key=idempotency_key)

    def retrieve(self, id: str) -> Firewall:
        return self._transport.op("getFirewall", model=Firewall, path={"id": id})

    def update(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> Firewall:
        """Renames the firewall or changes its labels, its rules staying (a merge-patch: only what is given
        changes; a label mapped to None is removed). A name in use is a ConflictError."""
        body = merge_patch_body(name=name, labels=labels)
        return self._transport.op("patchFirewall", model=Firewall, path={"id": id}, json=body)

    def replace(
        self,
        id: str,
        *,
        name: str,
        inbound_rules: Sequence[InboundRule],
        apply_to: Mapping[str, object],
        outbound_rules: Optional[Sequence[OutboundRule]] = None,
        labels: Optional[Mapping[str, str]] = None,
    ) -> Firewall:
        """Replaces the whole rule set (PUT): what is left out is gone, outbound rules back to allow-all."""
        body = _rules_body(name, inbound_rules, outbound_rules, apply_to, labels)
        return self._transport.op("replaceFirewall", model=Firewall, path={"id": id}, json=body)

    def delete(self, id: str) -> None:
        self._transport.op("deleteFirewall", path={"id": id})
