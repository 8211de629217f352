"""The client, written once for asyncio in `_async/`; scripts/generate_sync.py makes the blocking `_sync/` from it."""
