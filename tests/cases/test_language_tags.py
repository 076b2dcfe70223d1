"""A case type's locale: a well-formed BCP 47 language tag, checked wherever one is set."""

from __future__ import annotations

import pytest

from cases import services
from cases.casetype_definitions import CaseTypeFileError, case_type_definition_read
from cases.errors import ValidationFailed
from cases.language_tags import is_language_tag


@pytest.mark.parametrize(
    "tag",
    [
        "de-DE",
        "en-US",
        "fr-CH",
        "de",
        "en-us",
        "zh-Hant-TW",
        "es-419",
        "de-CH-1996",
        "sl-rozaj",
        "zh-yue-HK",
        "en-US-u-ca-gregory",
        "de-DE-x-casefile",
    ],
)
def test_well_formed_language_tags_are_accepted(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize(
    "tag",
    [
        "",
        "en_US",
        "english",
        "de-",
        "-DE",
        "de--DE",
        "de-DEU1",
        "en-US-u",
        "x-casefile",
        "i-klingon",
        "de DE",
        "de-DE.UTF-8",
        "e-US",
        "en-" + "-".join(["abcdefgh"] * 4),
    ],
)
def test_malformed_language_tags_are_refused(tag):
    assert not is_language_tag(tag)


def test_a_case_type_refuses_a_malformed_locale_and_keeps_a_good_one(tenant):
    with pytest.raises(ValidationFailed) as refused:
        services.case_type_update(case_type=tenant.case_type, locale="en_US")
    assert "locale" in refused.value.details["fields"]
    services.case_type_update(case_type=tenant.case_type, locale="en-US")
    tenant.case_type.refresh_from_db()
    assert tenant.case_type.locale == "en-US"


def test_a_case_type_file_may_name_its_locale_and_must_name_a_tag(tmp_path):
    path = tmp_path / "receipt.yaml"
    path.write_text("name: Receipt\nslug: receipt\nlocale: de-DE\nfields: []\n")
    assert case_type_definition_read(path)["locale"] == "de-DE"
    path.write_text("name: Receipt\nslug: receipt\nlocale: German\nfields: []\n")
    with pytest.raises(CaseTypeFileError, match="BCP 47"):
        case_type_definition_read(path)
