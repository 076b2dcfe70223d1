"""Hostile inputs to the browser UI (the `review` app's pages and forms, not `/api/`).

Each test posts (or opens) what a careless file, a hand-edited form or a crafted link can hold
and asserts what a demanding user expects: a 400 page (or a redirect with a message) naming
what is wrong, and nothing half-saved. Clients here do not re-raise the view's exception, so a
server error shows as the status it answers (500). Run on SQLite and on PostgreSQL
(`DATABASE_URL=postgres://...`): PostgreSQL refuses NUL in text and over-long varchar values
that SQLite stores.
"""

from __future__ import annotations

import json

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cases.models import CaseType, Stage
from tests.factories import held_document, simple_case_type
from webhooks.models import WebhookEndpoint

IMPORT = "/settings/case-types/import/"
FIELDS = [{"key": "reference", "label": "Reference", "type": "text"}]


def _client(user) -> Client:
    """Signed in as `user`; a view's exception comes back as the 500 it answers."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def admin(tenant) -> Client:
    return _client(tenant.admin)


def _upload(client: Client, filename: str, text: str | bytes):
    content = text.encode() if isinstance(text, str) else text
    return client.post(IMPORT, {"file": SimpleUploadedFile(filename, content)})


def _yaml(**definition) -> str:
    return yaml.safe_dump({"name": "New", "slug": "new", "fields": FIELDS, **definition})


def _created(tenant, slug: str = "new") -> bool:
    return CaseType.objects.filter(workspace=tenant.workspace, slug=slug).exists()


# --- Case type import: stages of the wrong shape --------------------------------------------


@pytest.mark.parametrize(
    "stages_yaml",
    [
        "stages:\n- Inbox\n- Done\n",  # names only, no mappings: TypeError
        "stages:\n- system_role: review\n",  # a stage without a name: KeyError
        "stages:\n- name: 2024\n",  # an unquoted year is a number: AttributeError (.strip)
        "stages:\n  name: Inbox\n",  # one mapping, not a list of them: TypeError
    ],
    ids=["plain-names", "no-name", "numeric-name", "mapping-not-list"],
)
def test_import_with_stages_of_the_wrong_shape_is_refused_naming_stages(tenant, admin, stages_yaml):
    """cases/casetype_files.py builds `(stage["name"], stage.get(...))` before any check."""
    text = f"name: New\nslug: new\nfields:\n- key: reference\n  type: text\n{stages_yaml}"

    answer = _upload(admin, "new.yaml", text)

    assert answer.status_code == 400
    assert "stages" in answer.content.decode()
    assert not _created(tenant)


def test_import_with_a_stage_name_longer_than_its_column_is_refused(tenant, admin):
    """Stage.name is max_length=100; the import creates stages without full_clean (PostgreSQL:
    DataError, a 500; SQLite: stored, a row the model refuses)."""
    stages = [{"name": "S" * 101, "system_role": "review"}]

    answer = _upload(admin, "new.yaml", _yaml(stages=stages))

    assert answer.status_code == 400
    assert "stages" in answer.content.decode()
    assert not _created(tenant)
    assert not Stage.objects.filter(name="S" * 101).exists()


# --- Case type import: optional keys left empty --------------------------------------------


@pytest.mark.parametrize("key", ["description", "keywords", "validation_rules"])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "update"])
def test_import_with_an_optional_key_left_empty_is_not_a_server_error(tenant, admin, key, existing):
    """`description:` with nothing after it is None in YAML: `list(None)` in case_type_create,
    or NOT NULL (IntegrityError) on save. Either take it as empty or refuse naming the key."""
    if existing:
        simple_case_type(tenant.workspace, slug="new", name="Old")
    text = _yaml() + f"{key}:\n"

    answer = _upload(admin, "new.yaml", text)

    assert answer.status_code in (302, 400), answer.status_code
    if answer.status_code == 400:
        assert key in answer.content.decode()
        assert _created(tenant) == existing
    else:
        stored = CaseType.objects.get(workspace=tenant.workspace, slug="new")
        assert getattr(stored, key) in ("", [])


@pytest.mark.parametrize("key", ["review_threshold", "qa_sample_percent"])
def test_import_of_an_infinite_number_is_refused_naming_the_key(tenant, admin, key):
    """YAML `.inf` (JSON `Infinity` too) is a float: Django's IntegerField.to_python calls
    int(inf), whose OverflowError it does not catch, inside full_clean (500)."""
    answer = _upload(admin, "new.yaml", _yaml() + f"{key}: .inf\n")

    assert answer.status_code == 400
    assert key in answer.content.decode()
    assert not _created(tenant)


def test_import_with_keywords_as_one_word_keeps_the_word(tenant, admin):
    """`keywords: invoice` (no list) is split into letters by `list(keywords)`."""
    answer = _upload(admin, "new.yaml", _yaml(keywords="invoice"))

    if answer.status_code == 400:
        assert "keywords" in answer.content.decode()
        assert not _created(tenant)
    else:
        assert answer.status_code == 302
        stored = CaseType.objects.get(workspace=tenant.workspace, slug="new")
        assert stored.keywords == ["invoice"]


# --- Case type import: values that are not text, accepted, then break the editor ------------


@pytest.mark.parametrize(
    "definition",
    [
        {"keywords": [2024, 7]},
        {"fields": [{"key": "size", "type": "enum", "choices": [1, 2]}]},
        {
            "fields": [
                {"key": "lines", "type": "table", "columns": [{"key": "qty", "label": 5}]},
            ]
        },
        {
            "fields": [
                {"key": "lines", "type": "table", "columns": [{"key": "qty", "synonyms": [1]}]},
            ]
        },
    ],
    ids=["keyword-numbers", "enum-choice-numbers", "column-label-number", "column-synonym-number"],
)
def test_an_imported_case_type_opens_in_the_editor_or_is_refused(tenant, admin, definition):
    """The schema checks field labels and synonyms are text, not enum choices, column labels
    or column synonyms, and nothing checks keywords: the import is taken, then the editor's
    `", ".join(...)` (review/casetype_forms.py, editor_initial/_field_initial) is a 500."""
    answer = _upload(admin, "new.yaml", _yaml(**definition))

    if answer.status_code == 400:
        assert not _created(tenant)
        return
    assert answer.status_code == 302
    stored = CaseType.objects.get(workspace=tenant.workspace, slug="new")
    editor = admin.get(f"/settings/case-types/{stored.public_id}/")
    assert editor.status_code == 200


# --- Case type import: characters no text column can hold -----------------------------------


@pytest.mark.parametrize(
    ("where", "escaped"),
    [
        ("description", "\\u0000"),
        ("label", "\\u0000"),
        ("name", "\\ud800"),
        ("description", "\\ud800"),
    ],
    ids=["nul-description", "nul-field-label", "surrogate-name", "surrogate-description"],
)
def test_import_of_a_character_no_column_can_hold_is_refused_naming_the_file(
    tenant, admin, where, escaped
):
    """The API refuses these in JSON bodies with a 400 (cases/apikit/parsers.py); the import
    parses the file with json.loads and stores them: NUL is a DataError on PostgreSQL (SQLite
    stores it); a lone surrogate's UnicodeEncodeError (a ValueError) is swallowed by the view's
    `except ValueError: pass`, which then reads the unbound `created` (UnboundLocalError, 500,
    both databases)."""
    fields = [{"key": "reference", "label": "Reference", "type": "text"}]
    definition = {"name": "New", "slug": "new", "fields": fields, "description": "d"}
    text = json.dumps(definition)
    marker = {"name": '"New"', "description": '"d"', "label": '"Reference"'}[where]
    text = text.replace(marker, marker[:-1] + escaped + '"', 1)
    assert escaped in text

    answer = _upload(admin, "new.json", text)

    assert answer.status_code == 400
    assert "file" in answer.content.decode()
    assert not _created(tenant)


# --- Review queue: bulk action with a forged id ---------------------------------------------


def test_a_bulk_action_on_an_id_holding_nul_redirects_with_a_message(tenant):
    """`IdListField` is a plain Field (no ProhibitNullCharactersValidator): on PostgreSQL the
    lookup `public_id__in=["doc__\\x00"]` raises (500); SQLite says "not found"."""
    document = held_document(tenant.case_type)
    client = _client(tenant.admin)

    answer = client.post(
        "/review/bulk/",
        {"action": "assign", "assignee": "me", "documents": ["doc__\x00", document.public_id]},
    )

    assert answer.status_code == 302
    assert answer["Location"].startswith("/review/")


# --- NUL in a link: the 404 page or an empty search, never a 500 ---------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/cases/case__%00/",
        "/review/doc__%00/",
        "/settings/case-types/casetype__%00/",
        "/settings/api/webhooks/whk__%00/",
        "/settings/learning/casetype__%00/",
    ],
)
def test_an_id_holding_nul_in_a_link_is_the_404_page(tenant, path):
    """The id reaches `filter(public_id=...)`: PostgreSQL refuses NUL in the parameter."""
    answer = _client(tenant.admin).get(path)
    assert answer.status_code == 404


def test_a_case_file_search_holding_nul_answers_the_list(tenant):
    """`?q=` goes unchecked into `icontains` (cases/selectors.py, case_file_list)."""
    document = held_document(tenant.case_type)
    answer = _client(tenant.admin).get(f"/cases/{document.case.public_id}/files/?q=a%00b")
    assert answer.status_code == 400


def test_the_review_page_with_nul_in_its_done_list_is_a_bad_request(tenant):
    """`?done=`/`?skipped=` went unchecked into `exclude(public_id__in=...)` (review/views.py):
    no id holds a NUL, so the link is refused before the view (cases/apikit/nulchars.py)."""
    document = held_document(tenant.case_type)
    answer = _client(tenant.admin).get(f"/review/{document.public_id}/?done=doc__%00")
    assert answer.status_code == 400


# --- Webhooks: a URL the model refuses -----------------------------------------------------


def test_a_webhook_url_with_a_space_in_its_host_is_refused_on_the_form(tenant):
    """The form takes any text and `endpoint_url_check` only splits it: `https://exa mple.com`
    is stored though `WebhookEndpoint.url` (a URLField) refuses it in full_clean (the admin),
    and no delivery to it can ever succeed."""
    answer = _client(tenant.admin).post(
        "/settings/api/webhooks/", {"url": "https://exa mple.com/hook"}
    )

    assert answer.status_code in (200, 400)
    assert not WebhookEndpoint.objects.filter(workspace=tenant.workspace).exists()


# --- Inputs that are handled well (these pass) ---------------------------------------------


def test_import_of_a_name_longer_than_its_column_is_refused(tenant, admin):
    answer = _upload(admin, "new.yaml", _yaml(name="N" * 201))
    assert answer.status_code == 400
    assert not _created(tenant)


def test_restoring_a_version_number_past_any_integer_column_says_there_is_none(tenant, admin):
    path = f"/settings/case-types/{tenant.case_type.public_id}/versions/{10**20}/restore/"
    answer = admin.post(path, follow=True)
    assert answer.status_code == 200
    assert f"No version {10**20}" in answer.content.decode()
    assert tenant.case_type.versions.count() == 1


def test_an_import_file_that_is_not_utf8_is_refused(tenant, admin):
    answer = _upload(admin, "new.yaml", b"name: \xff\xfe\n")
    assert answer.status_code == 400
    assert not _created(tenant)


def test_a_filter_named_like_an_existing_one_is_refused_with_a_message(tenant, admin):
    case_type = tenant.case_type
    admin.post("/settings/filters/", {"name": "inbox", "case_types": [case_type.public_id]})
    answer = admin.post(
        "/settings/filters/", {"name": "INBOX", "case_types": [case_type.public_id]}, follow=True
    )
    assert answer.status_code == 200
    assert "exists already" in answer.content.decode()


@pytest.mark.parametrize("start", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("period", ["day", "week", "month", "year", "none"])
def test_credit_periods_starting_at_the_ends_of_the_calendar_are_saved(tenant, start, period):
    client = _client(tenant.admin)
    answer = client.post(
        "/settings/credits/settings/",
        {"credits_limit": "1000000000", "period": period, "period_start": start},
    )
    assert answer.status_code == 302
    assert client.get("/settings/credits/").status_code == 200


# --- The same links on the API: refused in its JSON envelope -------------------------------


def test_an_api_link_holding_nul_is_refused_in_the_envelope(tenant):
    in_path = tenant.client.get("/api/v1/extraction-jobs/job%00")
    in_query = tenant.client.get("/api/v1/extraction-jobs?status=queued%00")

    assert (in_path.status_code, in_path.json()["error"]["code"]) == (404, "NOT_FOUND")
    assert (in_query.status_code, in_query.json()["error"]["code"]) == (400, "BAD_REQUEST")
