"""The pinned extension id matches the public key in extension/manifest.json."""

import base64
import hashlib
import json
from pathlib import Path

from gracious.extension_id import EXTENSION_ID

MANIFEST = Path(__file__).resolve().parents[1] / "extension" / "manifest.json"


def chrome_extension_id(key: str) -> str:
    """Derive an id the way Chrome does: sha256 of the key's DER, first 32 hex digits as a-p."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(digit, 16)) for digit in digest)


def test_extension_id_is_derived_from_the_manifest_key():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert chrome_extension_id(manifest["key"]) == EXTENSION_ID


def test_manifest_key_is_a_public_key_only():
    # a private key in the repo would let anyone sign an impostor extension with our id
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    der = base64.b64decode(manifest["key"])
    assert der[:2] == b"\x30\x82"  # a DER SEQUENCE, i.e. SubjectPublicKeyInfo
    assert b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01" in der  # rsaEncryption OID
    assert len(der) < 600  # a 2048-bit public key is 294 bytes; a private key is over 1000
    assert "PRIVATE" not in MANIFEST.read_text(encoding="utf-8")
