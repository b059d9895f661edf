"""A small cluster for the browser: app processes behind a round-robin proxy, an S3 server
that can act when a file is stored, and a mail sink.

`Proxy` is the load balancer in front of the replicas: every request goes to the next backend
in turn (requests, not connections, so a browser's kept-alive connection is spread too), and to
the one after it when the connection is refused — the process is gone. A request that was sent
but got no answer is not sent again (a form post may have been carried out): the browser gets a
502, and the record says so. Every request carries an X-Request-ID the proxy made, so that the
backends' JSON log lines can be matched to it.

`S3Server` is moto's S3 server with a hook called as an object is about to be stored.
`SmtpSink` speaks just enough SMTP for Django's SMTP backend and keeps every message it gets.
`Processes` starts the app's processes with their output in files, and ends every one of them.
"""

import contextlib
import email
import email.policy
import http.client
import itertools
import json
import os
import signal
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Headers about one connection, not the request: never passed on (RFC 9110, 7.6.1).
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
}
GUNICORN = Path(sys.executable).with_name("gunicorn")


@dataclass
class Forwarded:
    """One request through the proxy: which backend answered it (None: none did) and how."""

    request_id: str
    method: str
    path: str
    backend: int | None
    status: int
    refused_by: list[int] = field(default_factory=list)


class Proxy:
    def __init__(self, backends: list[tuple[str, int]]) -> None:
        self.backends = backends
        self.forwarded: list[Forwarded] = []
        # Called with the request once it is sent to `backend`, before its answer is read.
        self.on_sent: Callable[[Forwarded, int], None] | None = None
        self._turn = itertools.count()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def served_by(self, backend: int) -> list[Forwarded]:
        return [f for f in self.forwarded if f.backend == backend]

    def forward(self, method: str, path: str, headers: list[tuple[str, str]], body: bytes):
        """Send the request to the backends in turn; the answer as (status, reason, headers,
        body)."""
        with self._lock:
            first = next(self._turn)
            record = Forwarded(f"cluster-{next(self._ids):05d}", method, path, None, 502)
            self.forwarded.append(record)
        headers = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP | {"x-request-id"}]
        headers.append(("X-Request-ID", record.request_id))
        for attempt in range(len(self.backends)):
            index = (first + attempt) % len(self.backends)
            answer = self._try(index, record, headers, body)
            if answer is not None:
                record.backend, record.status = index, answer[0]
                return answer
            if index not in record.refused_by:
                break
        return 502, "Bad Gateway", [], b"no backend answered\n"

    def _try(self, index: int, record: Forwarded, headers: list, body: bytes):
        host, port = self.backends[index]
        connection = http.client.HTTPConnection(host, port, timeout=60)
        try:
            try:
                connection.connect()
            except ConnectionRefusedError:
                record.refused_by.append(index)
                return None
            connection.putrequest(
                record.method, record.path, skip_host=True, skip_accept_encoding=True
            )
            for name, value in [*headers, ("Content-Length", str(len(body)))]:
                connection.putheader(name, value)
            connection.endheaders(body)
            if self.on_sent is not None:
                self.on_sent(record, index)
            response = connection.getresponse()
            content = response.read()
        except (ConnectionError, http.client.HTTPException, TimeoutError):
            return None  # sent, unanswered: a 502 for the browser
        finally:
            connection.close()
        return response.status, response.reason, response.getheaders(), content


def _handler(proxy: Proxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _relay(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, reason, headers, content = proxy.forward(
                self.command, self.path, list(self.headers.items()), body
            )
            self.send_response_only(status, reason)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)

        do_GET = do_POST = do_HEAD = do_PUT = do_PATCH = do_DELETE = _relay

        def log_message(self, format: str, *args: object) -> None:
            pass  # the proxy's own record is `forwarded`

    return Handler


class S3Server:
    """moto's S3 server on a free port. `on_put`, when set, is called with the path of each
    object about to be stored, in the thread that serves the storing request."""

    def __init__(self) -> None:
        from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
        from werkzeug.serving import make_server

        self.on_put: Callable[[str], None] | None = None
        moto = DomainDispatcherApplication(create_backend_app)

        def app(environ: dict, start_response: Callable) -> object:
            if environ["REQUEST_METHOD"] == "PUT" and self.on_put is not None:
                self.on_put(environ["PATH_INFO"])
            return moto(environ, start_response)

        self._server = make_server(
            "127.0.0.1", 0, app, threaded=True, request_handler=MotoRequestHandler
        )
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    message: Message


class SmtpSink:
    """An SMTP server on a free port that accepts every message and keeps it in `received`."""

    def __init__(self) -> None:
        self.received: list[Mail] = []
        sink = self

        class Session(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                sink._session(self.rfile, self.wfile)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _session(self, rfile, wfile) -> None:
        def say(line: str) -> None:
            wfile.write(line.encode() + b"\r\n")
            wfile.flush()

        say("220 sink ready")
        sender, recipients = "", []
        while line := rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                say("250 sink")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(" <>"), []
                say("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                say("250 OK")
            elif verb == "DATA":
                say("354 end with <CRLF>.<CRLF>")
                data = _data(rfile)
                message = email.message_from_bytes(data, policy=email.policy.default)
                self.received.append(Mail(sender, recipients, message))
                say("250 OK")
            elif verb == "QUIT":
                say("221 bye")
                return
            else:  # RSET, NOOP
                say("250 OK")


def _data(rfile) -> bytes:
    """The message after DATA, up to the line with a single dot, with dot-stuffing undone."""
    lines = []
    while (line := rfile.readline()) not in (b".\r\n", b""):
        lines.append(line[1:] if line.startswith(b"..") else line)
    return b"".join(lines)


class Processes:
    """The cluster's processes, each in a session of its own, so that ending one ends its
    children too (gunicorn's workers) and nothing outlives the test."""

    def __init__(self, env: dict[str, str], directory: Path) -> None:
        self.env = env
        self.directory = directory
        self.started: dict[str, subprocess.Popen] = {}

    def start(self, name: str, args: list[str], **env: str) -> subprocess.Popen:
        with (self.directory / f"{name}.log").open("w") as log:
            process = subprocess.Popen(  # noqa: S603 - our own commands
                args,
                env=self.env | env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started[name] = process
        return process

    def gunicorn(self, name: str, port: int) -> subprocess.Popen:
        """The product's gunicorn config, its metrics in a directory of its own, as in a pod."""
        metrics = self.directory / f"metrics-{name}"
        return self.start(
            name,
            [str(GUNICORN), "-c", "python:partnerskap.gunicorn_conf"],
            PORT=str(port),
            PROMETHEUS_MULTIPROC_DIR=str(metrics),
        )

    def worker(self) -> subprocess.Popen:
        args = [sys.executable, "-m", "partnerskap", "worker", "--interval", "0.2"]
        return self.start("worker", args)

    def log(self, name: str) -> list[dict]:
        """The process's output, one JSON object a line (a line that is not JSON fails)."""
        text = (self.directory / f"{name}.log").read_text()
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    def stop_all(self) -> None:
        for process in self.started.values():
            with contextlib.suppress(ProcessLookupError):  # the group outlives its leader
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
