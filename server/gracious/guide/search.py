"""Full-text search: Pagefind's service indexes pages while the rest are still rendering."""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import tempfile
import threading
from pathlib import Path, PurePosixPath

from gracious.guide.problems import BuildError, Problem

# the longest a build waits for Pagefind to finish its index once every page is in
FINISH_SECONDS = 300


# the service handles requests in the order they arrive, so pages added in the same order give
# the same index; it queues what it has not read yet, so adding never waits for indexing
class SearchIndex:
    """One `pagefind --service` process, fed built pages one by one, writing its index last."""

    def __init__(self, where: Path):
        self.where = where
        self.sent = 0
        # the service's error stream, kept as long as the service runs and read only on failure
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        try:
            self.process = subprocess.Popen(
                [str(pagefind_executable()), "--service"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=self.errors)
        except (ImportError, OSError) as error:
            self.errors.close()
            raise self.failure(f"pagefind could not run: {error}") from None
        try:
            self.send({"type": "NewIndex", "config": None})
            # render workers fork after this, so nothing may wait in the buffer for them to copy
            self.flush()
        except BuildError:
            self.close()
            raise

    def failure(self, message: str) -> BuildError:
        """A build error about Pagefind, located at the output folder."""
        return BuildError([Problem(str(self.where), 1, message)])

    def send(self, payload: dict) -> None:
        """Queue one request; the service answers them in order, read all at once by `wait`."""
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode("utf-8")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
        except OSError:
            raise self.failure(f"pagefind stopped: {self.stderr_text()}") from None

    def flush(self) -> None:
        """Hand every queued request to the service."""
        try:
            self.process.stdin.flush()
        except OSError:
            raise self.failure(f"pagefind stopped: {self.stderr_text()}") from None

    def add(self, path: str, html: str) -> None:
        """Index one built page, named by its path in the output as Pagefind's own walk would."""
        self.send({"type": "AddFile", "index_id": 0, "file_path": path, "url": None,
                   "file_contents": html})

    def request_files(self) -> None:
        """Ask for the index and its scripts as bytes, once every page queued is indexed."""
        # not WriteFiles: Pagefind 1.5 answers it before its last writes land (tokio files are
        # dropped unflushed) and its exit on end of input then cuts files short (Pagefind #1271)
        self.send({"type": "GetFiles", "index_id": 0})
        self.flush()

    def wait(self) -> list[tuple[str, bytes]]:
        """Wait until the service has answered everything; its files, or fail on any error."""
        # a stuck service is stopped, which ends the read below
        watchdog = threading.Timer(FINISH_SECONDS, self.process.kill)
        watchdog.start()
        try:
            answers = self.read_answers()
        finally:
            watchdog.cancel()
            # gone before the next build asks whether it is alone and may fork render workers
            watchdog.join()
        payloads = [a.get("payload", {}) for a in answers]
        problems = [p.get("message", "") for p in payloads if p.get("type") == "Error"]
        if len(answers) < self.sent:
            problems.append(f"pagefind stopped: {self.stderr_text()}")
        if problems:
            raise self.failure(f"pagefind failed: {'; '.join(problems)}")
        files = next((p.get("files") for p in payloads if p.get("type") == "GetFiles"), None)
        if files is None:
            raise self.failure("pagefind answered without its files")
        return sorted((f["path"], base64.b64decode(f["content"])) for f in files)

    def write_files(self, folder: Path, files: list[tuple[str, bytes]]) -> None:
        """Write the service's files into `folder`, each whole before the build goes on."""
        for name, _ in files:
            if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
                raise self.failure(f"pagefind named a file outside its folder: {name}")
        for parent in sorted({(folder / name).parent for name, _ in files}):
            parent.mkdir(parents=True, exist_ok=True)
        for name, content in files:
            (folder / name).write_bytes(content)

    def read_answers(self) -> list[dict]:
        """Read one answer for every request sent, or as many as arrive before the service ends."""
        # the files' answer runs to megabytes: its pieces are joined once, when its end arrives
        answers, pieces = [], []
        while len(answers) < self.sent:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                break
            if b"," not in chunk:
                pieces.append(chunk)
                continue
            *complete, rest = (b"".join(pieces) + chunk).split(b",")
            pieces = [rest]
            answers += [json.loads(base64.b64decode(message)) for message in complete]
        return answers

    def stderr_text(self) -> str:
        """What the service wrote to its error stream, or its exit status."""
        self.errors.seek(0)
        text = self.errors.read().decode("utf-8", "replace").strip()
        return text or f"exit status {self.process.poll()}"

    def close(self, finished: bool = False) -> None:
        """Stop the service: a finished one ends when its input does, any other at once."""
        if not finished:
            self.process.kill()
        # a service that already stopped cannot take the end of its input; its exit is below
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.errors.close()


def pagefind_executable() -> Path:
    """The Pagefind binary the `pagefind` package would run."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise FileNotFoundError("no pagefind binary: install pagefind[bin]")
    return found
