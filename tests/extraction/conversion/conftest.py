from __future__ import annotations

import pytest

from tests.extraction.conversion import samples


@pytest.fixture(scope="session")
def table_pdf() -> bytes:
    return samples.table_pdf()


@pytest.fixture(scope="session")
def prose_pdf() -> bytes:
    return samples.prose_pdf()


@pytest.fixture(scope="session")
def scanned_pdf() -> bytes:
    return samples.scanned_pdf()
