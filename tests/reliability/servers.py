"""How long the reliability runs go: a fast slice by default, full length in make test-all."""

from __future__ import annotations

import os

# the full-length runs of `make test-all`
FULL = os.environ.get("GRACIOUS_FULL") == "1"
