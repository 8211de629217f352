"""Schemathesis hooks: how to make a request body of the media types JSON Schema cannot describe."""

from hypothesis import strategies as st

import schemathesis

# Container image uploads are raw tar archives: random bytes (empty included), which the server must
# refuse with a 4xx (422 `invalid_image_archive`), never a 5xx.
schemathesis.openapi.media_type("application/x-tar", st.binary(max_size=4096))
