"""A loopback HTTP server for tests of outbound requests: each path is answered by a handler
that writes raw bytes, so a test can lie about Content-Length, drip, redirect or stall as it
likes. It listens on 127.0.0.1 only; every handler's loop is bounded."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Handler = Callable[[socket.socket, str], None]


@dataclass
class RawServer:
    """A loopback HTTP server answering each path with a handler that writes raw bytes, so a
    test can lie about Content-Length, drip, or redirect as it likes."""

    routes: dict[str, Handler] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    host_headers: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, listener: socket.socket, stop: threading.Event) -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    head += chunk
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                host = next(
                    (
                        line.split(":", 1)[1].strip()
                        for line in lines
                        if line.lower().startswith("host:")
                    ),
                    "",
                )
                self.paths.append(path)
                self.host_headers.append(host)
                handler = self.routes.get(path, _not_found)
                handler(conn, path)
            except OSError:
                return


def _not_found(conn: socket.socket, _path: str) -> None:
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def ok(body: bytes, *, extra: str = "") -> Handler:
    def handler(conn: socket.socket, _path: str) -> None:
        conn.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {len(body)}\r\n"
            f"{extra}Connection: close\r\n\r\n".encode()
            + body
        )

    return handler


def redirect(location: str, status: int = 302) -> Handler:
    def handler(conn: socket.socket, _path: str) -> None:
        conn.sendall(
            f"HTTP/1.1 {status} Found\r\nLocation: {location}\r\nContent-Length: 0\r\n"
            "Connection: close\r\n\r\n".encode()
        )

    return handler


@contextmanager
def raw_server() -> Iterator[RawServer]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    raw = RawServer(port=listener.getsockname()[1])
    stop = threading.Event()
    thread = threading.Thread(target=raw.serve, args=(listener, stop), daemon=True)
    thread.start()
    try:
        yield raw
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
