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
    """Turn SIGTERM into the same clean shutdown as Ctrl-C."""
    # a second signal must not interrupt the shutdown already under way
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(0)


def run(args: argparse.Namespace) -> int:
    """Start waitress and serve until Ctrl-C or SIGTERM."""
    host = args.host or os.environ.get("GRACIOUS_HOST") or DEFAULT_HOST
    if args.port is not None:
        port = args.port
    else:
        try:
            port = port_number(os.environ.get("GRACIOUS_PORT") or str(DEFAULT_PORT))
        except argparse.ArgumentTypeError as error:
            return fail(f"GRACIOUS_PORT: {error}", 2)
    remote = not is_loopback(host)
    if remote and not (args.allow_remote and os.environ.get("GRACIOUS_TOKEN")):
        return fail(
            f"refusing to listen on {host}, which other machines can reach. Gracious binds "
            "127.0.0.1 by default; to serve remotely pass --allow-remote and set GRACIOUS_TOKEN "
            "(clients then send 'Authorization: Bearer <token>').", 2)

    from gracious.pairing import TokenError, check_token_strength

    configured_token = os.environ.get("GRACIOUS_TOKEN")
    if configured_token:
        try:
            check_token_strength(configured_token)
        except TokenError as error:
            return fail(str(error), 2)

    from gracious.app import create_app
    from gracious.settings import default_settings

    data_dir = Path(args.data_dir or default_settings()["DATA_DIR"]).expanduser()
    # everything the server writes (database, its wal and shm, backups, the token) is private
    os.umask(0o077)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        return fail(f"cannot create the data directory {data_dir}: {error.strerror}", 1)
    app = create_app({"DATA_DIR": str(data_dir), "ALLOW_REMOTE": remote})
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # a burst of requests larger than the thread pool queues as designed; waitress warns on
    # every queued request, which floods the log without telling the user anything
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    from gracious.storage import StorageError, prepare_storage

    # set up the file (and recover it after a crash) before waitress starts its threads,
    # so they only connect and never race each other for the write lock
    try:
        prepare_storage(app)
    except StorageError as error:
        return fail(f"{error}. Check the data dir (--data-dir or GRACIOUS_DATA_DIR).", 1)

    # loading the public-suffix list takes a quarter of a second; do it while nobody waits
    from gracious.extraction import prepare_extraction

    threading.Thread(target=prepare_extraction, name="prepare-extraction", daemon=True).start()

    from waitress.server import create_server

    from gracious.protocol_errors import answer_errors_as_problems

    try:
        server = create_server(app, host=host, port=port, threads=THREADS,
                               channel_timeout=CHANNEL_TIMEOUT, ident="gracious",
                               max_request_body_size=MAX_BUFFERED_BODY)
    except socket.gaierror:
        return fail(f"cannot resolve the host {host!r}", 2)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return fail(f"port {port} is already in use; stop the other server or choose "
                        "another port with --port", 1)
        return fail(f"cannot listen on {host}:{port}: {error.strerror or error}", 1)
    answer_errors_as_problems(server)

    url = server_url(host, getattr(server, "effective_port", port))
    print(f"Gracious is running at {url} (guide: {url}/guide/)", flush=True)
    if not configured_token:
        print_pairing(data_dir)
    print(f"Data: {data_dir}. Press Ctrl-C to stop.", flush=True)
    signal.signal(signal.SIGTERM, stop)
    try:
        # waitress stops its loop on KeyboardInterrupt/SystemExit and drains its worker threads
        server.run()
    finally:
        server.close()
    print("Gracious stopped.", flush=True)
    return 0


def print_pairing(data_dir: Path) -> None:
    """Create the pairing code on first start, and show it then."""
    from gracious.pairing import ensure_token

    token, created = ensure_token(data_dir)
    if created:
        print(f"Pairing code (paste it into the extension's options page): {token}", flush=True)
    else:
        print("Pairing code: run 'gracious token' to see it.", flush=True)


def server_url(host: str, port: int) -> str:
    """The URL a browser on this machine should open."""
    if host in {"0.0.0.0", "::", ""}:  # noqa: S104 - only to display a reachable address
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
