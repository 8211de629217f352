"""One module per API resource family, each built on the resource bases of `_base`."""
