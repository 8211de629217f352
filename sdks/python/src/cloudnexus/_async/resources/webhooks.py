"""Webhook endpoints: CRUD, their delivery attempts, and a test event. Verify deliveries with
`cloudnexus.webhooks.verify`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ..._generated.models import (
    CreatedWebhook,
    Webhook,
    WebhookDelivery,
    WebhookDeliveryList,
    WebhookList,
    WebhookTestAccepted,
)
from ..._request import without_none
from ..pagination import AsyncPager
from ._base import AsyncResource


class AsyncWebhooks(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[Webhook]:
        return AsyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> WebhookList:
        return await self._transport.op("listWebhooks", model=WebhookList, query={"limit": limit, "cursor": cursor})

    async def create(
        self,
        *,
        url: str,
        event_types: Sequence[str],
        description: Optional[str] = None,
        enabled: Optional[bool] = None,
        idempotency_key: Optional[str] = None,
    ) -> CreatedWebhook:
        """A new HTTPS endpoint for `event_types` (exact, `instance.*` or `*`); `secret` in the answer, used to
        verify deliveries, is shown only this once."""
        body = without_none(
            {"url": url, "event_types": list(event_types), "description": description, "enabled": enabled}
        )
        return await self._transport.op(
            "createWebhook", model=CreatedWebhook, json=body, idempotency_key=idempotency_key
        )

    async def retrieve(self, id: str) -> Webhook:
        return await self._transport.op("getWebhook", model=Webhook, path={"id": id})

    async def update(
        self,
        id: str,
        *,
        url: Optional[str] = None,
        event_types: Optional[Sequence[str]] = None,
        description: Optional[str] = None,
        enabled: Optional[bool] = None,
    ) -> Webhook:
        """Changes the given fields; `enabled=True` re-enables an endpoint CloudNexus disabled."""
        body = without_none(
            {
                "url": url,
                "event_types": list(event_types) if event_types is not None else None,
                "description": description,
                "enabled": enabled,
            }
        )
        return await self._transport.op("updateWebhook", model=Webhook, path={"id": id}, json=body)

    async def delete(self, id: str) -> None:
        await self._transport.op("deleteWebhook", path={"id": id})

    def deliveries(self, id: str, *, limit: Optional[int] = None) -> AsyncPager[WebhookDelivery]:
        """Every delivery attempt to this endpoint, newest first."""
        return AsyncPager(lambda cursor: self.deliveries_page(id, limit=limit, cursor=cursor))

    async def deliveries_page(
        self, id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> WebhookDeliveryList:
        return await self._transport.op(
            "listWebhookDeliveries",
            model=WebhookDeliveryList,
            path={"id": id},
            query={"limit": limit, "cursor": cursor},
        )

    async def test(self, id: str, *, idempotency_key: Optional[str] = None) -> WebhookTestAccepted:
        """Queues a `webhook.test` event for this endpoint alone; follow it in `deliveries`."""
        return await self._transport.op(
            "testWebhook", model=WebhookTestAccepted, path={"id": id}, idempotency_key=idempotency_key
        )
