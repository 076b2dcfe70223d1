"""Reviewer UI timing: keystrokes and UI wait per document, in Chromium, through a real server.

Run by `bench/__main__.py` as `python -m bench.review_ui` in a child process (so the environment
it sets never reaches the caller); prints one JSON object. It makes a throwaway SQLite database
and data directory, a reviewer and a purchase-order case type of 9 fields, and N documents read
by the engine (text-layer PDFs written here), each held with all 9 fields flagged (the case
type's threshold is 99 and the engine's confidences are lowered to 80 before the gate, so every
found field is held; values, boxes and words are the engine's). In one document
the engine's value of one field is replaced by a wrong one, as a misread would be, so the
reviewer must correct it. Then `manage.py runserver` serves the app and Playwright drives
Debian's Chromium (`/usr/bin/chromium`) by keyboard through the queue:

- clean documents: `a` on each of the 9 fields, then `Shift+A`;
- the document with a wrong value: `a` on the right fields, a click on the right word on the
  page image (capture fills the field), `Enter`, then `Shift+A`.

Per document it records the keys pressed (typed characters apart: there are none, values are
captured from the page), pointer clicks, and the UI wait: for every key, the time from the key
press until the page shows its effect and takes the next key (the next field selected; after
`Shift+A` the next document swapped in with its first page image drawn). Nothing is asserted;
the numbers are printed beside the issue's targets (at most 15 keystrokes and 2 s of UI wait
for a 9-field document).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "bench review 9 fields"
DOCUMENTS = 5
WRONG_DOCUMENT = 2
"""0-based index of the document whose order date the 'engine' misread."""
HELD_CONFIDENCE = 80
TARGET_KEYS = 15
TARGET_WAIT_S = 2.0

FIELDS: list[dict[str, Any]] = [
    {
        "key": "purchase_order_number",
        "label": "PO number",
        "type": "text",
        "required": True,
        "synonyms": ["PO Number", "Order number"],
    },
    {"key": "order_date", "label": "Order date", "type": "date", "synonyms": ["Order date"]},
    {
        "key": "delivery_date",
        "label": "Delivery date",
        "type": "date",
        "synonyms": ["Delivery date"],
    },
    {"key": "vendor_name", "label": "Vendor", "type": "text", "synonyms": ["Vendor", "Supplier"]},
    {"key": "company_name", "label": "Ship to", "type": "text", "synonyms": ["Ship to"]},
    {"key": "payment_terms", "label": "Terms", "type": "text", "synonyms": ["Payment terms"]},
    {"key": "subtotal_amount", "label": "Subtotal", "type": "money", "synonyms": ["Subtotal"]},
    {"key": "tax_amount", "label": "Tax", "type": "money", "synonyms": ["Tax", "VAT"]},
    {
        "key": "total_amount",
        "label": "Total",
        "type": "money",
        "required": True,
        "synonyms": ["Total"],
    },
]


def _lines(index: int) -> list[str]:
    subtotal = 100 + 10 * index
    tax = round(subtotal * 0.2, 2)
    return [
        "Harbour Tools Ltd",
        "PURCHASE ORDER",
        "",
        f"PO Number: PO-2024-{100 + index}",
        f"Order date: {10 + index} March 2024",
        f"Delivery date: {20 + index} March 2024",
        "Vendor: Harbour Tools Ltd",
        "Ship to: Acme Workshop",
        "Payment terms: Net 30",
        "",
        f"Subtotal: {subtotal:.2f} EUR",
        f"Tax: {tax:.2f} EUR",
        f"Total: {subtotal + tax:.2f} EUR",
    ]


def _pdf(lines: list[str]) -> bytes:
    import pymupdf

    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    y = 72.0
    for line in lines:
        page.insert_text((72, y), line, fontsize=11)
        y += 11 * 1.8
    data = document.tobytes()
    document.close()
    return data


def _setup(documents: int) -> dict[str, Any]:
    """Migrate, then make the reviewer, the case type and the held documents."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from cases import services
    from cases.actors import SYSTEM
    from cases.models import Document, Membership, User, Workspace
    from extraction.engine import run_engine
    from extraction.engine.types import EngineInput
    from extraction.models import DocumentField
    from extraction.pipeline import extraction_job_result_store
    from extraction.schemas import engine_schema_from_case_type
    from extraction.services import documents_extraction_queue

    workspace = Workspace.objects.create(name="Bench", slug="bench")
    user = User.objects.create_user(username="reviewer", password=PASSWORD)
    services.membership_set(user=user, workspace=workspace, role=Membership.Role.REVIEWER)
    case_type = services.case_type_create(
        workspace=workspace,
        name="Purchase order (bench)",
        slug="po-bench",
        field_schema=FIELDS,
        review_threshold=99,
    )
    made = []
    for index in range(documents):
        filename = f"po-{index + 1:02d}.pdf"
        content = _pdf(_lines(index))
        incoming = services.IncomingFile(
            filename=filename, content=content, media_type="application/pdf"
        )
        case = services.case_create(
            workspace=workspace, case_type=case_type, actor=SYSTEM, name=filename
        )
        (document,) = services.case_documents_add(case=case, files=[incoming], actor=SYSTEM)
        (job,) = documents_extraction_queue(documents=[document], actor=SYSTEM)
        result = run_engine(
            EngineInput(
                content=content,
                filename=filename,
                schemas=(engine_schema_from_case_type(case_type),),
                return_text=True,
            )
        )
        extraction_job_result_store(job_id=str(job.pk), engine_result=_held(result))
        document.refresh_from_db()
        fields = list(DocumentField.objects.filter(document=document))
        wrong = None
        if index == WRONG_DOCUMENT:
            field = next(f for f in fields if f.key == "order_date")
            right = field.value
            field.value, field.text = "2024-08-12", "12 Aug 2024"
            field.save(update_fields=["value", "text"])
            wrong = {"key": "order_date", "right": right, "word": f"{10 + index}"}
        flagged = DocumentField.objects.filter(document=document, flagged=True).count()
        assert document.status == Document.Status.REVIEW_REQUIRED, document.status
        made.append(
            {"id": document.public_id, "filename": filename, "flagged": flagged, "wrong": wrong}
        )
    return {"documents": made}


def _held(result: Any) -> Any:
    """The engine's result with every found field's confidence at HELD_CONFIDENCE, so the gate
    (threshold 99) holds all of them; values, texts, boxes and words are the engine's."""
    from dataclasses import replace

    documents = tuple(
        replace(
            document,
            fields=tuple(
                replace(field, confidence=min(field.confidence, HELD_CONFIDENCE))
                for field in document.fields
            ),
        )
        for document in result.documents
    )
    return replace(result, documents=documents)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("runserver did not start within 60 s")


class Recorder:
    """Keys, clicks and the UI wait of one document."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.keys = 0
        self.typed = 0
        self.clicks = 0
        self.wait = 0.0
        self.waits: list[tuple[str, float]] = []

    def press(self, key: str, ready: str, arg: Any = None) -> None:
        """Press `key`, then wait until the JavaScript predicate `ready` holds."""
        started = time.perf_counter()
        self.page.keyboard.press(key)
        self.page.wait_for_function(ready, arg=arg, timeout=20_000, polling="raf")
        took = time.perf_counter() - started
        self.wait += took
        self.waits.append((key, took))
        self.keys += 1


SELECTED = "k => !!document.getElementById('field-' + k)?.classList.contains('is-selected')"
REVIEWED = "k => document.getElementById('field-' + k)?.dataset.state === 'reviewed'"
APPROVED_AND_MOVED = (
    "([k, n]) => document.getElementById('field-' + k)?.dataset.state === 'reviewed'"
    " && !!document.getElementById('field-' + n)?.classList.contains('is-selected')"
)
NEXT_READY = """f => {
  const h = document.querySelector('h1');
  const img = document.querySelector('.page img');
  return h && h.textContent.trim() === f
    && document.querySelector('#field-list > li.field.is-selected')
    && img && img.complete && img.naturalWidth > 0;
}"""
CLEARED = "() => !!document.querySelector('.queue-clear') || location.pathname === '/review/'"


def _review_document(page: Any, document: dict[str, Any], following: str | None) -> dict[str, Any]:
    record = Recorder(page)
    keys = page.eval_on_selector_all(
        "#field-list > li.field", "rows => rows.map(r => [r.dataset.field, r.dataset.state])"
    )
    pending = [key for key, state in keys if state == "pending"]
    wrong = document["wrong"]
    for index, key in enumerate(pending):
        following_key = pending[index + 1] if index + 1 < len(pending) else key
        if wrong and key == wrong["key"]:
            # Capture the right value: click its word on the page image, Enter saves.
            word = _word_box(page, wrong["word"])
            if word is None:
                raise RuntimeError(f"No stored word {wrong['word']!r} on the page to capture.")
            _click_word(record, page.locator("#pages .page").first, word, key)
            record.press("Enter", APPROVED_AND_MOVED, [key, following_key])
            continue
        record.press("a", APPROVED_AND_MOVED, [key, following_key])
    ready = NEXT_READY if following else CLEARED
    record.press("Shift+A", ready, following)
    return {
        "document": document["filename"],
        "flagged_fields": document["flagged"],
        "corrected": 1 if wrong else 0,
        "keystrokes": record.keys,
        "typed_characters": record.typed,
        "clicks": record.clicks,
        "ui_wait_s": round(record.wait, 3),
        "slowest": sorted(
            ((key, round(took, 3)) for key, took in record.waits), key=lambda kv: -kv[1]
        )[:3],
    }


def _word_box(page: Any, text: str) -> list[float] | None:
    """The first stored word `text` of page 1, as fractions of the page."""
    return page.evaluate(
        """async (text) => {
          const figure = document.querySelector('#pages .page');
          const data = await (await fetch(figure.dataset.wordsUrl)).json();
          const word = data.words.find(w => w[4] === text);
          if (!word) return null;
          const [x0, y0, x1, y1] = word;
          return [x0 / data.width, y0 / data.height, x1 / data.width, y1 / data.height];
        }""",
        text,
    )


def _click_word(record: Recorder, figure: Any, word: list[float], key: str) -> None:
    box = figure.bounding_box()
    x = box["x"] + box["width"] * (word[0] + word[2]) / 2
    y = box["y"] + box["height"] * (word[1] + word[3]) / 2
    viewer = record.page.locator("#viewer-scroll").bounding_box()
    inside = viewer["x"] < x < viewer["x"] + viewer["width"]
    if not (inside and viewer["y"] < y < viewer["y"] + viewer["height"]):
        raise RuntimeError("The word to capture is not in view.")
    started = time.perf_counter()
    record.page.mouse.click(x, y)
    record.page.wait_for_function(
        "k => document.activeElement?.id === 'input-' + k", arg=key, timeout=20_000
    )
    record.wait += time.perf_counter() - started
    record.clicks += 1


def _drive(base_url: str, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        context = browser.new_context(base_url=base_url, viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.goto("/login/")
        page.get_by_label("Username").fill("reviewer")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")
        page.goto(f"/review/{documents[0]['id']}/")
        page.wait_for_function(NEXT_READY, arg=documents[0]["filename"])
        for index, document in enumerate(documents):
            following = documents[index + 1]["filename"] if index + 1 < len(documents) else None
            try:
                results.append(_review_document(page, document, following))
            except Exception:
                page.screenshot(path=str(Path(tempfile.gettempdir()) / "review-ui-failure.png"))
                notices = page.locator("#review-notices").inner_text() + page.evaluate(
                    "JSON.stringify({ls: localStorage.getItem('casefile.review.view'),"
                    " scroll: [document.scrollingElement.scrollTop,"
                    " document.querySelector('main').scrollTop],"
                    " active: document.activeElement.id || document.activeElement.tagName})"
                )
                print(f"[review_ui] stuck on {document['filename']}: {notices}", file=sys.stderr)
                raise
        page.wait_for_url("**/review/", timeout=30_000)
        context.close()
        browser.close()
    return results


def measure(documents: int = DOCUMENTS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="casefile-bench-ui-") as data_dir:
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "CASEFILE_DATA_DIR": data_dir,
                "CASEFILE_MEDIA_ROOT": str(Path(data_dir) / "files"),
                "CASEFILE_DEBUG": "true",
            }
        )
        for name in ("DATABASE_URL", "REDIS_URL"):
            os.environ.pop(name, None)
        made = _setup(documents)
        from django.db import connections

        connections.close_all()
        port = _free_port()
        server = _server(port)
        try:
            rows = _drive(f"http://127.0.0.1:{port}", made["documents"])
        finally:
            server.terminate()
            server.wait(timeout=10)
        from cases.models import Document

        processed = Document.objects.filter(status=Document.Status.PROCESSED).count()
    return {
        "documents": rows,
        "processed": processed,
        "target_keystrokes": TARGET_KEYS,
        "target_ui_wait_s": TARGET_WAIT_S,
    }


def render(result: dict[str, Any]) -> list[str]:
    """The report's section: one row per document."""
    lines = [
        "## Review UI: keystrokes and UI wait per document",
        "",
        f"Chromium (Playwright) against `runserver`; each document has 9 fields, all flagged. "
        f"Target: at most {result['target_keystrokes']} keystrokes and "
        f"{result['target_ui_wait_s']:.0f} s of UI wait for a 9-field document. "
        f"{result['processed']} of {len(result['documents'])} documents approved in the "
        "database at the end.",
        "",
        "| document | flagged fields | corrected | keystrokes | typed chars | clicks | UI wait s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["documents"]:
        lines.append(
            f"| {row['document']} | {row['flagged_fields']} | {row['corrected']} | "
            f"{row['keystrokes']} | {row['typed_characters']} | {row['clicks']} | "
            f"{row['ui_wait_s']:.2f} |"
        )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.review_ui")
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(json.dumps({"error": f"{CHROMIUM} is not installed"}))
        return 0
    print(json.dumps(measure(args.documents)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
