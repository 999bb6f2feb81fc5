"""Firefox ESR with the real extension: a test certificate, an HTTPS site server, Marionette."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import ssl
import subprocess
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

with warnings.catch_warnings():
    # marionette-driver's helpers (mozinfo, mozrunner) import distro and telnetlib the old way
    warnings.simplefilter("ignore", DeprecationWarning)
    from marionette_driver import errors
    from marionette_driver.addons import Addons
    from marionette_driver.by import By
    from marionette_driver.marionette import Marionette
    from marionette_driver.wait import Wait

__all__ = ["By", "Marionette", "Wait", "errors"]


def find_firefox() -> str | None:
    """Debian's firefox-esr, or the binary named by GRACIOUS_FIREFOX."""
    explicit = os.environ.get("GRACIOUS_FIREFOX")
    if explicit:
        return explicit
    for candidate in ("/usr/bin/firefox-esr", shutil.which("firefox-esr"), shutil.which("firefox")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def write_certificate(hosts: list[str], directory: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for the sites' real names; returns (cert, key)."""
    # cryptography rather than the openssl cli: it is already a dependency of our test tools
    # and needs no config file for subject alternative names
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "gracious firefox fixtures")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host) for host in hosts]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "sites.crt", directory / "sites.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    return cert_path, key_path


Route = tuple[str, str, str, dict[str, str]]

# the sites' own editor libraries (tests/package.json), under this path on every host
LIBRARY_PREFIX = "/__fixtures__/lib/"
LIBRARY_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css"}


class SiteServer:
    """Answers the sites' real https URLs with our fixture pages, chosen by host and path."""

    def __init__(self, routes: list[Route], pages: Path, cert: Path, key: Path,
                 libraries: Path | None = None):
        self.routes = routes
        self.pages = pages
        self.libraries = libraries
        self.served: list[str] = []
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def library_file(self, path: str) -> Path | None:
        """A file of tests/node_modules named by a library URL, and nothing outside it."""
        if self.libraries is None or not path.startswith(LIBRARY_PREFIX):
            return None
        name = path[len(LIBRARY_PREFIX):].split("?", 1)[0]
        file = (self.libraries / name).resolve()
        inside = self.libraries.resolve() in file.parents
        return file if inside and file.is_file() else None

    def page_for(self, host: str, path: str) -> tuple[str, dict[str, str]] | None:
        """The fixture page and extra headers for a URL, or None."""
        for route_host, prefix, name, headers in self.routes:
            if host == route_host and path.startswith(prefix):
                return name, headers
        return None

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                host = self.headers.get("Host", "").split(":")[0]
                if self.path.startswith(LIBRARY_PREFIX):
                    self.send_library()
                    return
                found = server.page_for(host, self.path)
                if found is None:
                    self.send_error(404)
                    return
                name, headers = found
                body = (server.pages / name).read_bytes()
                server.served.append(f"{host}{self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for header, value in headers.items():
                    self.send_header(header, value)
                self.end_headers()
                self.wfile.write(body)

            def send_library(self):
                file = server.library_file(self.path)
                if file is None:
                    self.send_error(404, "not installed: run `npm ci --prefix tests`")
                    return
                body = file.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", LIBRARY_TYPES.get(
                    file.suffix, "application/octet-stream"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def start(self) -> SiteServer:
        """Serve in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()


def profile_prefs(marionette_port: int, hosts: list[str], https_port: int) -> dict:
    """The prefs of a quiet test profile whose sites resolve to our local HTTPS server."""
    return {
        "marionette.port": marionette_port,
        # the sites' names resolve to 127.0.0.1, and their port 443 goes to our server's port,
        # so no root is needed to bind 443
        "network.dns.localDomains": ",".join(hosts),
        "network.socket.forcePort": f"443={https_port}",
        "network.proxy.type": 0,
        # the test certificate is self-signed: no preloaded HSTS or pins may refuse it
        "network.stricttransportsecurity.preloadlist": False,
        "security.cert_pinning.enforcement_level": 0,
        "browser.shell.checkDefaultBrowser": False,
        "browser.startup.homepage_override.mstone": "ignore",
        "browser.startup.page": 0,
        "browser.aboutwelcome.enabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "app.update.disabledForTesting": True,
        "extensions.update.enabled": False,
        "extensions.getAddons.cache.enabled": False,
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        "network.connectivity-service.enabled": False,
        "network.captive-portal-service.enabled": False,
        "browser.newtabpage.enabled": False,
        "dom.disable_open_during_load": False,
    }


class Firefox:
    """A headless firefox-esr process on its own profile, driven through Marionette."""

    def __init__(self, binary: str, profile: Path, prefs: dict, log_path: Path):
        self.binary = binary
        self.profile = profile
        self.port = prefs["marionette.port"]
        self.log_path = log_path
        profile.mkdir(parents=True, exist_ok=True)
        lines = [f"user_pref({json.dumps(name)}, {json.dumps(value)});"
                 for name, value in prefs.items()]
        (profile / "user.js").write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.process: subprocess.Popen | None = None
        self.client: Marionette | None = None

    def start(self, timeout: float = 60) -> Marionette:
        """Start Firefox and open a Marionette session that accepts the test certificate."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [self.binary, "-marionette", "-headless", "-remote-allow-system-access",
                 "-no-remote", "-profile", str(self.profile)],
                stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "MOZ_HEADLESS": "1", "MOZ_CRASHREPORTER_DISABLE": "1"},
            )
        self.client = Marionette(host="127.0.0.1", port=self.port, startup_timeout=int(timeout))
        self.client.start_session({"acceptInsecureCerts": True}, timeout=timeout)
        return self.client

    def install(self, extension: Path) -> str:
        """Install the unpacked extension as a temporary add-on; returns its gecko id."""
        return Addons(self.client).install(str(extension), temp=True)

    def extension_uuid(self, addon_id: str, timeout: float = 10) -> str:
        """The moz-extension:// host Firefox gave the add-on."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            uuids = json.loads(self.client.get_pref("extensions.webextensions.uuids") or "{}")
            if addon_id in uuids:
                return uuids[addon_id]
            time.sleep(0.1)
        raise TimeoutError(f"{addon_id} has no moz-extension uuid")

    def extension_report(self, addon_id: str) -> dict:
        """What Firefox made of the add-on: manifest warnings and errors, its background state."""
        with self.client.using_context("chrome"):
            # the parent process's own record of the extension (needs -remote-allow-system-access)
            return self.client.execute_script("""
              const { ExtensionParent } = ChromeUtils.importESModule(
                "resource://gre/modules/ExtensionParent.sys.mjs");
              const extension = ExtensionParent.GlobalManager.extensionMap.get(arguments[0]);
              return {
                warnings: extension.warnings, errors: extension.errors,
                background: extension.backgroundState, manifest: extension.manifest,
              };
            """, script_args=[addon_id])

    def log_tail(self, size: int = 4000) -> str:
        """The end of Firefox's own output, for failure messages."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-size:]

    def stop(self) -> None:
        """End the session and the process."""
        if self.client is not None:
            # a crashed browser has no session left to end
            with contextlib.suppress(Exception):
                self.client.delete_session()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
