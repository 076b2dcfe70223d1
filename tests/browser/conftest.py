"""Playwright against Debian's Chromium and pytest-django's live server.

Browser tests are marked `browser` and run with `make test-browser` (no xdist). Screenshots go
to `test-artifacts/screenshots/` (gitignored) so a person can look at what the reviewer saw.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, sync_playwright

from cases.models import Document
from tests import factories
from tests.review.samples import ITEMS_TEXT, items_pdf, upload_held

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On SQLite, the test database is a file (in WAL mode, as Casefile runs), not memory.

    The live server answers the page's requests in threads. Django shares an in-memory
    database's one connection between all of them, so two requests at once (a decision while
    the page checks the document's state) failed with "cannot open savepoint - SQL statements
    in progress"; with a file each thread has its own connection and SQLite orders the writes.
    """
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test = database.setdefault("TEST", {})
        test["NAME"] = str(tmp_path_factory.mktemp("database") / "browser-tests.sqlite3")


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker) -> Iterator[Browser]:
    """One Chromium for the session, started after the test database exists.

    Playwright's sync API keeps an event loop in this thread, which Django takes for an async
    context; the ORM calls the tests make (fixtures, assertions) are synchronous and safe, so
    the guard is lifted while the browser runs.
    """
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 768})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    # Stop the page's timers (state checks, claim renewals) and let requests already sent finish
    # before the test database is flushed: a write landing during the flush breaks its foreign keys.
    page.goto("about:blank")
    page.wait_for_timeout(500)
    context.close()


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if full_page:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=full_page)
    return path


def sign_in(page: Page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def wait_for_page_images(page: Page) -> None:
    """Until every page image shows the source the browser picked for the current zoom."""
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.page img'))"
        ".every(i => i.complete && i.naturalWidth > 0 && i.currentSrc)"
    )


def review_open(page: Page, username: str, document: Document) -> None:
    """Sign in and open the document's review page with its page images drawn."""
    sign_in(page, username)
    page.goto(f"/review/{document.public_id}/")
    wait_for_page_images(page)


@pytest.fixture
def held_table_document(tenant, invoice_type) -> Document:
    """A held invoice with a line-items table, from a fixed engine result (as in tests/review)."""
    return factories.held_document(
        invoice_type, factories.ITEMS_VALUES, content=items_pdf(), page_text=ITEMS_TEXT
    )


@dataclass(frozen=True)
class CaptureTarget:
    """A held invoice open for capture: its due date's word on page 1 (`[x0, y0, x1, y1,
    text]` in PDF points) and the middle of that word on the screen."""

    document: Document
    word: list
    point: tuple[float, float]


@pytest.fixture
def due_date_capture(page: Page, tenant, run_on_commit) -> CaptureTarget:
    """The real path (upload, worker, engine) to a held invoice, opened by the reviewer with
    the invoice date's field selected and left (Esc), so a click on the page's words captures
    into it; the target is the "13" of "Due date: 13 April 2024"."""
    document = upload_held(tenant.client, run_on_commit, tenant.case_type)
    review_open(page, tenant.reviewer.username, document)
    page.locator("#field-invoice_date .field-label").click()
    page.keyboard.press("Escape")
    words = page.evaluate(
        "async () => (await fetch(document.querySelector('#pages .page').dataset.wordsUrl)).json()"
    )
    word = next(w for w in words["words"] if w[4] == "13")
    figure = page.locator("#pages .page").first.bounding_box()
    assert figure is not None
    point = (
        figure["x"] + figure["width"] * (word[0] + word[2]) / 2 / words["width"],
        figure["y"] + figure["height"] * (word[1] + word[3]) / 2 / words["height"],
    )
    return CaptureTarget(document=document, word=word, point=point)
