"""The Python SDK from its wheel (see README.md)."""

import json
import sys

from cloudnexus import CloudNexus

with CloudNexus() as client:
    regions = list(client.regions.list())
    instance = client.instances.create(name=sys.argv[1], region="eu-central-1", plan="micro", image="debian-12", wait=True)
    print(json.dumps({"regions": len(regions), "status": str(getattr(instance.status, "value", instance.status))}))
