"""Malware scanning of stored files through ClamAV's daemon, when CLAMAV_URL names one.

clamd's INSTREAM command: the file goes over the socket in chunks, each prefixed by its length
as four big-endian bytes, a zero length ends it, and clamd answers "stream: OK" or
"stream: <signature> FOUND".
"""

import socket
import struct
from typing import IO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK = 64 * 1024


class ScannerUnavailable(ValidationError):
    pass


def _connect(url: str, timeout: float) -> socket.socket:
    parts = urlsplit(url)
    if parts.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(parts.path)
        return sock
    return socket.create_connection((parts.hostname, parts.port or 3310), timeout=timeout)


def clamd_verdict(url: str, stream: IO[bytes], timeout: float = 30) -> str:
    """clamd's answer for the stream's content, e.g. "stream: OK"."""
    with _connect(url, timeout) as sock:
        sock.sendall(b"zINSTREAM\0")
        while chunk := stream.read(CHUNK):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        answer = b""
        while not answer.endswith(b"\0") and (data := sock.recv(4096)):
            answer += data
    return answer.rstrip(b"\0").decode("utf-8", "replace").strip()


def scan(content: IO[bytes], name: str) -> None:
    """Refuse the file if the scanner finds malware; refuse it too if the scanner cannot be
    asked (a file that was not scanned is not stored). Nothing happens without CLAMAV_URL."""
    url = settings.CLAMAV_URL
    if not url:
        return
    content.seek(0)
    try:
        verdict = clamd_verdict(url, content)
    except OSError:
        raise ScannerUnavailable(
            _("The file %(name)s could not be checked for malware. Try again later.")
            % {"name": name}
        ) from None
    finally:
        content.seek(0)
    if verdict.endswith("FOUND"):
        raise ValidationError(
            _("The file %(name)s contains malware (%(signature)s) and was not saved.")
            % {"name": name, "signature": verdict.removeprefix("stream: ").removesuffix(" FOUND")}
        )
    if not verdict.endswith("OK"):
        raise ScannerUnavailable(
            _("The file %(name)s could not be checked for malware. Try again later.")
            % {"name": name}
        )
