"""The open-loop status poll measurement (`bench/load.py`), against a tiny HTTP server on
loopback whose answers take a known time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bench.load import _poll_at_rate, _read_response

SERVICE_SECONDS = 0.02


@asynccontextmanager
async def _one_at_a_time_server(status: int = 200) -> AsyncIterator[str]:
    """A keep-alive HTTP server answering one request at a time in SERVICE_SECONDS; its URL."""
    busy = asyncio.Lock()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                async with busy:
                    await asyncio.sleep(SERVICE_SECONDS)
                writer.write(f"HTTP/1.1 {status} X\r\nContent-Length: 2\r\n\r\n{{}}".encode())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/api/v1/extraction-jobs/x"
    finally:
        server.close()


def test_latency_counts_from_when_a_request_fell_due_so_queueing_shows():
    """100 requests/s at a server that answers 50/s: the half-second schedule takes a second
    to answer, and the last requests wait about half a second. Timed from sending, each would
    take about SERVICE_SECONDS (the closed-loop view)."""

    async def run() -> dict:
        async with _one_at_a_time_server() as url:
            return await _poll_at_rate(url, {}, rate=100, seconds=0.5, connections=8)

    result = asyncio.run(run())
    assert result["requests"] == 50
    assert result["unanswered"] == 0
    assert result["p99_ms"] > 300
    assert result["requests_per_second"] < 70


def test_a_rate_the_server_keeps_up_with_answers_in_about_its_service_time():
    async def run() -> dict:
        async with _one_at_a_time_server() as url:
            return await _poll_at_rate(url, {}, rate=20, seconds=0.5, connections=4)

    result = asyncio.run(run())
    assert result["requests"] == 10
    assert result["p99_ms"] < 1000 * SERVICE_SECONDS + 150


def test_an_answer_other_than_200_aborts_the_run():
    async def run() -> dict:
        async with _one_at_a_time_server(status=503) as url:
            return await _poll_at_rate(url, {}, rate=20, seconds=0.2, connections=2)

    with pytest.raises(SystemExit, match="503"):
        asyncio.run(run())


def test_a_response_is_read_to_the_end_of_its_body():
    async def run() -> tuple[int, bytes]:
        reader = asyncio.StreamReader()
        reader.feed_data(b"HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabcNEXT")
        reader.feed_eof()
        status = await _read_response(reader)
        return status, await reader.read()

    assert asyncio.run(run()) == (201, b"NEXT")
