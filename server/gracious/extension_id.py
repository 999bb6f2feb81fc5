"""The extension's pinned id, derived from the public key in extension/manifest.json."""

# chrome derives the id from the manifest's "key"; tests check the two agree
EXTENSION_ID = "pdfhkgbiejamemnelgcdpeggehcffafd"
