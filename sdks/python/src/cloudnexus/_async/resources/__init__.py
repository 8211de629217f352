"""One module per API resource family, each built on `_base.AsyncResource`."""
