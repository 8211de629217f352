# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""The asyncio client, the one hand-written implementation; scripts/generate_sync.py makes `_sync/` from it."""
