"""Chromium's own EventSource against the realtime stream (seed 002), served by the real ASGI
app under uvicorn: a document's events arrive through to completion, and when the stream ends
(its lifetime) the browser reconnects by itself with Last-Event-ID and loses nothing."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser

from cases.models import ApiKey
from extraction.pipeline import extraction_job_run
from extraction.realtime.models import StatusEvent
from extraction.realtime.tokens import realtime_token_mint
from tests.browser.conftest import screenshot
from tests.extraction.realtime.conftest import (  # noqa: F401 - fixtures used below
    concurrent_sqlite,
    no_enqueue,
)
from tests.extraction.realtime.server import asgi_server
from tests.factories import uploaded_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("no_enqueue", "concurrent_sqlite"),
]

LISTEN = """
([url, documentId]) => {
  window.received = [];
  window.opens = 0;
  window.drops = 0;
  const log = document.createElement("pre");
  log.id = "events";
  document.body.replaceChildren(log);
  const stream = new URL(url);
  stream.searchParams.append("document_id", documentId);
  const source = new EventSource(stream);
  source.onopen = () => { window.opens += 1; };
  source.onerror = () => { window.drops += 1; };
  source.onmessage = (event) => {
    const message = JSON.parse(event.data);
    window.received.push({lastEventId: event.lastEventId, message});
    log.textContent += `#${event.lastEventId} ${message.data.status} ` +
      `${message.data.progress_percent}%\\n`;
  };
  window.source = source;
}
"""


def test_event_source_receives_a_document_through_completion_across_a_reconnect(
    browser: Browser, tenant, settings
):
    settings.REALTIME_POLL_MS = 100
    settings.REALTIME_STREAM_SECONDS = 2  # the stream ends; EventSource reconnects by itself
    settings.EXTRACTION_ISOLATION = False
    document, job = uploaded_document(tenant.case_type)
    token = realtime_token_mint(api_key=ApiKey.objects.get(workspace=tenant.workspace))
    with asgi_server() as server:
        context = browser.new_context(base_url=server)
        context.set_default_timeout(20_000)
        page = context.new_page()
        try:
            page.goto("/login/")
            sse_url = f"{server}/api/v1/events?token={token.token}"
            page.evaluate(LISTEN, [sse_url, document.public_id])
            page.wait_for_function("window.received.length >= 1")
            # The first stream reaches its lifetime; while the browser waits to reconnect, a
            # worker runs the whole job.
            page.wait_for_function("window.drops >= 1")
            extraction_job_run(job_id=str(job.pk))
            page.wait_for_function("window.received.some(r => r.message.data.workflow_complete)")
            received = page.evaluate("window.received")
            opens = page.evaluate("window.opens")
            screenshot(page, "realtime-event-source")
        finally:
            page.evaluate("window.source && window.source.close()")
            context.close()
    ids = [int(item["lastEventId"]) for item in received]
    assert opens >= 2
    assert [item["message"]["id"] for item in received] == ids
    logged = StatusEvent.objects.filter(document=document, pk__gte=ids[0]).order_by("pk")
    assert ids == list(logged.values_list("pk", flat=True)), json.dumps(received)[:500]
    statuses = [item["message"]["data"]["status"] for item in received]
    assert statuses[0] == "queued"
    assert "processing" in statuses
    assert received[-1]["message"]["data"]["workflow_complete"] is True
