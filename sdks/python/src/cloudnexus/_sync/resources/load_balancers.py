# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Load balancers: forward ports to instances of one VPC, picked by id or label selector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Optional, Union, overload

from ..._generated.models import (
    Action,
    CreateLoadBalancerAlgorithm,
    ForwardingRule,
    HealthCheck,
    LoadBalancer,
    LoadBalancerAccepted,
    LoadBalancerList,
    UpdateLoadBalancerAlgorithm,
)
from ..._request import merge_patch_body, without_none
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[LoadBalancerAccepted, Action]
# Rules and the health check are taken as generated models or as plain mappings of the same fields.
Rule = Union[ForwardingRule, Mapping[str, object]]
Check = Union[HealthCheck, Mapping[str, object]]


class SyncLoadBalancers(SyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        vpc_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> SyncPager[LoadBalancer]:
        return SyncPager(
            lambda cursor: self.list_page(
                region=region, vpc_id=vpc_id, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        vpc_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> LoadBalancerList:
        return self._transport.op(
            "listLoadBalancers",
            model=LoadBalancerList,
            query={
                "region": region,
                "vpc_id": vpc_id,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    def create(
        self,
        *,
        name: str,
        vpc_id: str,
        forwarding_rules: Sequence[Rule],
        targets: Mapping[str, object],
        algorithm: Optional[CreateLoadBalancerAlgorithm] = None,
        health_check: Optional[Check] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> LoadBalancer:
        """A new load balancer, `provisioning`; with `wait=True`, re-read once it is `active`.
        `targets` names instances of the VPC by `instance_ids` and/or `label_selector`."""
        body = without_none(
            {
                "name": name,
                "vpc_id": vpc_id,
                "algorithm": algorithm,
                "forwarding_rules": list(forwarding_rules),
                "health_check": health_check,
                "targets": targets,
                "labels": labels,
            }
        )
        balancer = self._transport.op(
            "createLoadBalancer", model=LoadBalancer, json=body, idempotency_key=idempotency_key
        )
        if not wait:
            return balancer
        self._actions.wait_for_create(balancer.id)
        return self.retrieve(balancer.id)

    def retrieve(self, id: str) -> LoadBalancer:
        return self._transport.op("getLoadBalancer", model=LoadBalancer, path={"id": id})

    def patch(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> LoadBalancer:
        """Renames the load balancer or changes its labels at once, with no action (a merge-patch; a label
        mapped to None is removed), where `update` replaces its rules and targets. A name in use in the region is a
        ConflictError."""
        body = merge_patch_body(name=name, labels=labels)
        return self._transport.op("patchLoadBalancer", model=LoadBalancer, path={"id": id}, json=body)

    @overload
    def update(
        self,
        id: str,
        *,
        forwarding_rules: Sequence[Rule],
        targets: Mapping[str, object],
        algorithm: Optional[UpdateLoadBalancerAlgorithm] = None,
        health_check: Optional[Check] = None,
        wait: Literal[False] = False,
    ) -> LoadBalancerAccepted: ...

    @overload
    def update(
        self,
        id: str,
        *,
        forwarding_rules: Sequence[Rule],
        targets: Mapping[str, object],
        algorithm: Optional[UpdateLoadBalancerAlgorithm] = None,
        health_check: Optional[Check] = None,
        wait: Literal[True],
    ) -> Action: ...

    @overload
    def update(
        self,
        id: str,
        *,
        forwarding_rules: Sequence[Rule],
        targets: Mapping[str, object],
        algorithm: Optional[UpdateLoadBalancerAlgorithm] = None,
        health_check: Optional[Check] = None,
        wait: bool,
    ) -> OperationResult: ...

    def update(
        self,
        id: str,
        *,
        forwarding_rules: Sequence[Rule],
        targets: Mapping[str, object],
        algorithm: Optional[UpdateLoadBalancerAlgorithm] = None,
        health_check: Optional[Check] = None,
        wait: bool = False,
    ) -> OperationResult:
        """New rules, targets, algorithm or health check, applied as an action."""
        body = without_none(
            {
                "algorithm": algorithm,
                "forwarding_rules": list(forwarding_rules),
                "health_check": health_check,
                "targets": targets,
            }
        )
        accepted = self._transport.op("updateLoadBalancer", model=LoadBalancerAccepted, path={"id": id}, json=body)
        return self._finish(accepted, wait)

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> LoadBalancerAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the load balancer; it is gone (404) once the action completed."""
        accepted = self._transport.op("deleteLoadBalancer", model=LoadBalancerAccepted, path={"id": id})
        return self._finish(accepted, wait)
