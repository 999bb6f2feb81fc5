"""The ids a stored row may have, for every table and the export that carries them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

# sqlite integers are 64-bit and signed
MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
# an imported id must leave room for the next insert: after the largest id, every new
# row would fail
ImportedId = Annotated[int, Field(ge=1, le=MAX_ROW_ID - 1)]
