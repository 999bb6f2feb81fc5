"""`gracious serve`: run the API and the guide on loopback with waitress."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import os
import signal
import socket
import sys
import threading
from pathlib import Path
from types import FrameType

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8787
THREADS = 8
# drop idle keep-alive connections after this many seconds so a stuck client can't pin a thread
CHANNEL_TIMEOUT = 30
# waitress buffers a whole body before the app sees it; bodies over 64 KiB get the app's own
# 413, and this cap keeps a hostile page from making it spool huge uploads to disk
MAX_BUFFERED_BODY = 1024 * 1024


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious serve`."""
    parser = subcommands.add_parser(
        "serve", help="run the local server for the extension and the guide",
        description="Run the Gracious API and guide. Flags win over GRACIOUS_* variables.",
    )
    parser.add_argument("--host", help=f"address to bind (GRACIOUS_HOST, default {DEFAULT_HOST})")
    parser.add_argument("--port", type=port_number,
                        help=f"port to listen on (GRACIOUS_PORT, default {DEFAULT_PORT})")
    parser.add_argument("--data-dir", type=Path,
                        help="where your data lives (GRACIOUS_DATA_DIR, default: the platform's "
                             "user data directory)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a non-loopback --host; requires GRACIOUS_TOKEN")
    parser.set_defaults(run=run)


def port_number(value: str) -> int:
    """Parse a TCP port number."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not between 0 and 65535")
    return port


def is_loopback(host: str) -> bool:
    """Whether binding to this host keeps the server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def fail(message: str, code: int) -> int:
    """Print a one-line error for the user and return the exit code."""
    print(f"gracious serve: {message}", file=sys.stderr)
    return code


def stop(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM and Ctrl-C into one clean shutdown."""
    # a second signal must not interrupt the shutdown already under way
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(0)


def choose_address(args: argparse.Namespace, values: dict[str, str]) -> tuple[str, int]:
    """The host and port from the flags, else GRACIOUS_HOST and GRACIOUS_PORT, else defaults."""
    host = args.host or values.get("HOST") or DEFAULT_HOST
    if args.port is not None:
        return host, args.port
    try:
        return host, port_number(values.get("PORT") or str(DEFAULT_PORT))
    except argparse.ArgumentTypeError as error:
        raise Refusal(f"GRACIOUS_PORT: {error}", 2) from None


class Refusal(Exception):
    """Why the server will not start, for the user, with the exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def check_exposure(host: str, allow_remote: bool, token: str | None) -> bool:
    """Refuse a reachable bind without --allow-remote and a token; True when remote."""
    from gracious.pairing import TokenError, check_token_strength

    remote = not is_loopback(host)
    if remote and not (allow_remote and token):
        raise Refusal(
            f"refusing to listen on {host}, which other machines can reach. Gracious binds "
            "127.0.0.1 by default; to serve remotely pass --allow-remote and set GRACIOUS_TOKEN "
            "(clients then send 'Authorization: Bearer <token>').", 2)
    if token:
        try:
            check_token_strength(token)
        except TokenError as error:
            raise Refusal(str(error), 2) from None
    if remote:
        logging.getLogger("gracious.serve").warning(
            "listening on %s in plain HTTP: the pairing code and your notes cross the network "
            "unencrypted. Prefer an SSH tunnel (ssh -L 8787:127.0.0.1:8787 host) or a TLS "
            "reverse proxy such as Caddy in front of a loopback bind.", host)
    return remote


def data_dir_of(args: argparse.Namespace, values: dict[str, str]) -> Path:
    """The data dir, refused when it names a file."""
    from gracious.settings import default_settings

    data_dir = Path(args.data_dir or default_settings(
        {f"GRACIOUS_{k}": v for k, v in values.items()})["DATA_DIR"]).expanduser()
    if data_dir.exists() and not data_dir.is_dir():
        raise Refusal(f"the data dir {data_dir} is a file, not a directory; choose another "
                      "with --data-dir or GRACIOUS_DATA_DIR", 1)
    return data_dir


def run(args: argparse.Namespace) -> int:
    """Start waitress and serve until Ctrl-C or SIGTERM."""
    from gracious.settings import SettingError, environment

    values = environment()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        host, port = choose_address(args, values)
        remote = check_exposure(host, args.allow_remote, values.get("TOKEN"))
        data_dir = data_dir_of(args, values)
        from gracious.app import create_app

        app = create_app({"DATA_DIR": str(data_dir), "ALLOW_REMOTE": remote})
        # bind before touching the data dir: a second start must change nothing
        server = bind(app, host, port)
        prepare(app, data_dir)
    except SettingError as error:
        return fail(str(error), 2)
    except Refusal as error:
        return fail(str(error), error.code) if error.code else already_running(str(error))
    url = server_url(host, getattr(server, "effective_port", port))
    print(f"Gracious is running at {url} (guide: {url}/guide/)", flush=True)
    print_next_steps(url, data_dir, bool(values.get("TOKEN")))
    print(f"Data: {data_dir}. Press Ctrl-C to stop.", flush=True)
    # explicit handlers: a shell's "&" starts us with SIGINT ignored, and Ctrl-C must still work
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        # waitress stops its loop on KeyboardInterrupt/SystemExit and drains its worker threads
        server.run()
    finally:
        server.close()
    print("Gracious stopped.", flush=True)
    return 0


def already_running(url: str) -> int:
    """Another Gracious answers on this port: say where, and succeed (make run is done)."""
    print(f"Gracious is already running at {url} (guide: {url}/guide/).", flush=True)
    return 0


def bind(app, host: str, port: int):
    """Listen on host:port, or explain why not (naming a Gracious server already there)."""
    from waitress.server import create_server

    from gracious.protocol_errors import answer_errors_as_problems

    try:
        server = create_server(app, host=host, port=port, threads=THREADS,
                               channel_timeout=CHANNEL_TIMEOUT, ident="gracious",
                               max_request_body_size=MAX_BUFFERED_BODY)
    except socket.gaierror:
        raise Refusal(f"cannot resolve the host {host!r}", 2) from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            url = server_url(host, port)
            if is_gracious(url):
                raise Refusal(url, 0) from None
            raise Refusal(f"port {port} is already in use by another program; stop it or choose "
                          "another port with --port or GRACIOUS_PORT", 1) from None
        raise Refusal(f"cannot listen on {host}:{port}: {error.strerror or error}", 1) from None
    answer_errors_as_problems(server)
    return server


def is_gracious(url: str) -> bool:
    """Whether a Gracious server answers its health check at url."""
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2) as response:  # noqa: S310
            return json.loads(response.read()).get("status") == "ok" and (
                response.headers.get("Server") == "gracious")
    except (OSError, ValueError):
        return False


def prepare(app, data_dir: Path) -> None:
    """Create the private data dir and the database, and warm up extraction."""
    from gracious.storage import StorageError, prepare_storage

    # a burst of requests larger than the thread pool queues as designed; waitress warns on
    # every queued request, which floods the log without telling the user anything
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    # everything the server writes (database, its wal and shm, backups, the token) is private
    os.umask(0o077)
    # set up the file (and recover it after a crash) before waitress starts its threads,
    # so they only connect and never race each other for the write lock
    try:
        prepare_storage(app)
    except StorageError as error:
        raise Refusal(f"{error}. Check the data dir (--data-dir or GRACIOUS_DATA_DIR).",
                      1) from None
    # loading the public-suffix list takes a quarter of a second; do it while nobody waits
    from gracious.extraction import prepare_extraction

    threading.Thread(target=prepare_extraction, name="prepare-extraction", daemon=True).start()


def print_next_steps(url: str, data_dir: Path, token_from_env: bool) -> None:
    """Say what to do next, with the extension's folder and, on first start, the pairing code."""
    from gracious import resources
    from gracious.landing import next_steps
    from gracious.pairing import ensure_token

    extension = resources.extension_dir()
    print(f"Next steps (also at {url}/):", flush=True)
    for number, step in enumerate(next_steps(str(extension) if extension else None), 1):
        print(f"  {number}. {step}", flush=True)
    if token_from_env:
        print("Pairing code: the value of GRACIOUS_TOKEN.", flush=True)
        return
    token, created = ensure_token(data_dir)
    if created:
        print(f"Pairing code (first start): {token}", flush=True)
    else:
        print("Pairing code: run 'gracious token' to see it.", flush=True)


def server_url(host: str, port: int) -> str:
    """The URL a browser on this machine should open."""
    if host in {"0.0.0.0", "::", ""}:  # noqa: S104 - only to display a reachable address
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
