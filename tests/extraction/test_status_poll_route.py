"""`GET /api/v1/extraction-jobs/{id}` (`extraction.polling.job_status_route`): a plain poll is
answered by the shortcut with the DRF view's exact answer; anything else goes to the DRF view.
`?wait=0` takes a request to the DRF view without changing its answer, so each pair below is
the same request answered both ways."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from extraction.api import ExtractionJobDetailApi
from extraction.models import ExtractionJob
from tests.factories import processed_job, uploaded_document

JOBS = "/api/v1/extraction-jobs"
SAME_HEADERS = ("Content-Type", "Allow", "X-Frame-Options", "Retry-After", "WWW-Authenticate")


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def _both(client, path: str, **headers):
    """The answer of the shortcut, then the DRF view's (each counted from zero)."""
    plain = client.get(path, **headers)
    cache.clear()
    drf = client.get(f"{path}?wait=0", **headers)
    return plain, drf


def _same(plain, drf) -> None:
    assert plain.status_code == drf.status_code
    assert plain.content == drf.content
    assert {name: plain.get(name) for name in SAME_HEADERS} == {
        name: drf.get(name) for name in SAME_HEADERS
    }


@pytest.fixture
def no_drf(monkeypatch):
    """The DRF view fails if it is reached."""

    def refuse(*args, **kwargs):
        raise AssertionError("the DRF view answered")

    monkeypatch.setattr(ExtractionJobDetailApi, "dispatch", refuse)


def test_a_plain_poll_is_answered_without_the_drf_view(tenant, no_drf):
    job = processed_job(tenant.case_type)
    response = tenant.client.get(f"{JOBS}/{job.pk}")
    assert response.status_code == 200
    assert response.json()["job"]["status"] == ExtractionJob.Status.COMPLETED
    assert tenant.client.get(f"{JOBS}/{job.pk}?wait=0").status_code == 500  # the DRF view


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
def test_a_plain_poll_answers_as_the_drf_view(tenant, accept):
    job = processed_job(tenant.case_type)
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    plain, drf = _both(tenant.client, f"{JOBS}/{job.pk}", **headers)
    assert plain.status_code == 200
    _same(plain, drf)


def test_a_queued_job_with_documents_answers_as_the_drf_view(tenant, monkeypatch):
    from extraction import services

    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # stays queued
    _, job = uploaded_document(tenant.case_type)
    plain, drf = _both(tenant.client, f"{JOBS}/{job.pk}")
    assert plain.json()["job"]["queuePosition"] == 1
    _same(plain, drf)


def test_over_the_keys_budget_both_answer_the_same_429(tenant, settings):
    settings.API_RATE_LIMIT = "2/min"
    job = processed_job(tenant.case_type)
    answers = []
    for query in ("", "?wait=0"):
        cache.clear()
        answers.append([tenant.client.get(f"{JOBS}/{job.pk}{query}") for _ in range(3)])
    plain, drf = answers
    assert [r.status_code for r in plain] == [200, 200, 429]
    assert [r.status_code for r in drf] == [200, 200, 429]
    assert plain[2].json()["error"]["code"] == drf[2].json()["error"]["code"]
    assert int(plain[2]["Retry-After"]) >= 1
    assert plain[2]["Allow"] == drf[2]["Allow"]


def test_over_the_jobs_poll_limit_both_answer_the_same_429(tenant, settings):
    settings.JOB_STATUS_POLLS_PER_MINUTE = 2
    job = processed_job(tenant.case_type)
    answers = []
    for query in ("", "?wait=0"):
        cache.clear()
        answers.append([tenant.client.get(f"{JOBS}/{job.pk}{query}") for _ in range(3)])
    plain, drf = answers
    assert [r.status_code for r in plain] == [200, 200, 429]
    assert [r.status_code for r in drf] == [200, 200, 429]
    assert plain[2].json()["error"]["message"] == drf[2].json()["error"]["message"]
    assert "polled more than 2 times a minute" in plain[2].json()["error"]["message"]
    assert plain[2]["Retry-After"] == drf[2]["Retry-After"]


def test_a_refused_poll_does_not_spend_the_keys_budget(tenant, settings):
    settings.API_RATE_LIMIT = "3/min"
    job = processed_job(tenant.case_type)
    statuses = [tenant.client.get(f"{JOBS}/{job.pk}").status_code for _ in range(6)]
    assert statuses == [200, 200, 200, 429, 429, 429]
    settings.API_RATE_LIMIT = "4/min"  # room for one more: the refused ones did not count
    assert tenant.client.get(f"{JOBS}/{job.pk}").status_code == 200


def test_refusals_and_unknown_jobs_are_the_drf_views(tenant, outsider):
    job = processed_job(tenant.case_type)
    path = f"{JOBS}/{job.pk}"
    anonymous = tenant.client.__class__()
    _same(*_both(anonymous, path))  # no key: 401
    _same(*_both(anonymous, path, HTTP_X_API_KEY="cf_live_nothing"))  # unknown key: 401
    two = {"HTTP_X_API_KEY": tenant.raw_key, "HTTP_APIKEY": outsider.raw_key}
    _same(*_both(anonymous, path, **two))  # two keys: 401
    _same(*_both(outsider.client, path))  # another workspace's job: 404
    _same(*_both(tenant.client, f"{JOBS}/not-a-job"))
    assert anonymous.get(path).status_code == 401
    assert outsider.client.get(path).status_code == 404


def test_other_methods_and_accepts_go_to_the_drf_view(tenant):
    job = processed_job(tenant.case_type)
    path = f"{JOBS}/{job.pk}"
    assert tenant.client.get(path, HTTP_ACCEPT="text/html").status_code == 406
    assert tenant.client.head(path).status_code == 200
    assert tenant.client.post(path).status_code == 405
    assert tenant.client.get(f"{path}?wait=nope").status_code == 400


def test_the_schema_still_documents_the_route(tenant):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/v1/extraction-jobs/{job_id}"]["get"]
    assert operation["operationId"] == "extraction_jobs_get"
