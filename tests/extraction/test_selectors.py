"""`extraction.selectors.case_document_list`: a case's documents with their jobs, for the case
page."""

from __future__ import annotations

import pytest

from cases import services
from cases.actors import SYSTEM
from extraction import selectors
from extraction.services import job_create

pytestmark = pytest.mark.django_db


def test_case_document_list_is_the_cases_documents_with_jobs_newest_first(tenant, outsider):
    case = services.case_create(
        workspace=tenant.workspace, case_type=tenant.case_type, actor=SYSTEM
    )
    first, second = services.case_documents_add(
        case=case,
        files=[
            services.IncomingFile(filename="a.pdf", content=b"a"),
            services.IncomingFile(filename="b.pdf", content=b"b"),
        ],
        actor=SYSTEM,
    )
    other = services.case_create(
        workspace=outsider.workspace, case_type=outsider.case_type, actor=SYSTEM
    )
    services.case_documents_add(
        case=other, files=[services.IncomingFile(filename="c.pdf", content=b"c")], actor=SYSTEM
    )
    jobs = [
        job_create(
            workspace=tenant.workspace,
            actor=SYSTEM,
            source_file=first.file,
            filename=first.filename,
            source="test",
            documents=[first],
        )
        for _ in range(2)
    ]

    documents = list(selectors.case_document_list(case=case))

    assert documents == [first, second]
    # `job_list` is the selector's `Prefetch(to_attr=...)`, unknown to the model's type.
    assert documents[0].job_list == [jobs[1], jobs[0]]  # type: ignore[attr-defined]
    assert documents[1].job_list == []  # type: ignore[attr-defined]
