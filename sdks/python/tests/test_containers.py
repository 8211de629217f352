"""Container images and containers against the real server: upload (bytes or a path), a refused archive,
run a container and drive its lifecycle, logs and metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from factories import oci_image_archive, unique_name

REGION = "eu-central-1"


def test_container_image_upload_list_delete(client: CloudNexus, tmp_path: Path) -> None:
    archive = oci_image_archive({"bin/app": b"#!/bin/sh\n"}, ["/bin/app"])
    path = tmp_path / "image.tar"
    path.write_bytes(archive)
    from_path = client.container_images.upload(name=unique_name("img"), region=REGION, archive=path.read_bytes())
    assert from_path.id.startswith("cimg_")
    assert (from_path.cmd, from_path.size_bytes, from_path.layers) == (["/bin/app"], len(archive), 1)
    from_bytes = client.container_images.upload(name=unique_name("img"), region=REGION, archive=archive)
    assert client.container_images.retrieve(from_bytes.id) == from_bytes
    assert {from_path.id, from_bytes.id} <= {i.id for i in client.container_images.list(region=REGION)}
    client.container_images.delete(from_bytes.id)
    with pytest.raises(NotFoundError):
        client.container_images.retrieve(from_bytes.id)


def test_an_archive_escaping_the_rootfs_is_refused_naming_the_entry(client: CloudNexus) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        client.container_images.upload(
            name=unique_name("bad"), region=REGION, archive=oci_image_archive({"../escape": b"x"}, ["/x"])
        )
    assert info.value.reason == "unsafe_layer_entry"
    assert "../escape" in str(info.value)


def test_container_lifecycle(client: CloudNexus) -> None:
    image = client.container_images.upload(
        name=unique_name("run"), region=REGION, archive=oci_image_archive({"bin/app": b"#!/bin/sh\n"}, ["/bin/app"])
    )
    container = client.containers.create(
        name=unique_name("ctr"),
        region=REGION,
        image_id=image.id,
        memory_mb=64,
        cpu=0.5,
        environment={"MODE": "test"},
        ports=[{"container_port": 8080, "protocol": "tcp"}],
        labels={"suite": "py"},
        wait=True,
    )
    assert container.status == "running"
    assert container.ipv4 is not None
    assert len(client.containers.logs(container.id, tail=1).stdout) == 1
    assert client.containers.metrics(container.id, type="memory").container_id == container.id
    assert client.containers.stop(container.id, wait=True).status == "completed"
    assert client.containers.retrieve(container.id).status == "stopped"
    with pytest.raises(ConflictError):
        client.containers.stop(container.id)
    assert client.containers.start(container.id, wait=True).status == "completed"
    restarting = client.containers.restart(container.id)
    assert restarting.status == "restarting"
    assert client.actions.wait_for(restarting.action_id).status == "completed"
    renamed = client.containers.update(container.id, name=unique_name("renamed"), labels={"suite": None})
    assert renamed.labels == {}
    assert container.id in {c.id for c in client.containers.list(region=REGION)}
    with pytest.raises(ConflictError):
        client.container_images.delete(image.id)
    assert client.containers.delete(container.id, wait=True).status == "completed"
    with pytest.raises(NotFoundError):
        client.containers.retrieve(container.id)


async def test_async_containers(async_client: AsyncCloudNexus) -> None:
    image = await async_client.container_images.upload(
        name=unique_name("async"), region=REGION, archive=oci_image_archive({"bin/app": b"#!/bin/sh\n"}, ["/bin/app"])
    )
    assert image.id in [i.id async for i in async_client.container_images.list()]
    container = await async_client.containers.create(
        name=unique_name("actr"), region=REGION, image_id=image.id, memory_mb=32, cpu=0.1, wait=True
    )
    assert (await async_client.containers.retrieve(container.id)).status == "running"
    assert container.id in {c.id for c in (await async_client.containers.list_page(limit=100)).data}
    assert (await async_client.containers.delete(container.id, wait=True)).status == "completed"
    await async_client.container_images.delete(image.id)
