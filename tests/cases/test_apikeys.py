"""`cases.apikeys`: key material and reading keys from every header form of SPEC §5."""

from __future__ import annotations

import re

import pytest
from django.http import HttpRequest
from django.test import RequestFactory

from cases.apikeys import (
    DISPLAY_PREFIX_LENGTH,
    KEY_PREFIX,
    display_prefix,
    generate_raw_key,
    keys_from_request,
)


def _request(**headers: str) -> HttpRequest:
    request = RequestFactory().get("/api/v1/cases")
    request.META.update(headers)
    return request


def test_a_generated_key_is_the_prefix_and_43_url_safe_characters():
    key = generate_raw_key()

    assert re.fullmatch(re.escape(KEY_PREFIX) + r"[A-Za-z0-9_-]{43}", key)
    assert generate_raw_key() != key


def test_the_display_prefix_is_the_recognisable_part_only():
    key = generate_raw_key()

    assert display_prefix(key) == key[:DISPLAY_PREFIX_LENGTH]
    assert display_prefix(key).startswith(KEY_PREFIX)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_API_KEY": "k1"},
        {"HTTP_APIKEY": "k1"},
        {"HTTP_CAPOUT_API_KEY": "k1"},
        {"HTTP_AUTHORIZATION": "api-key k1"},
        {"HTTP_AUTHORIZATION": "Bearer k1"},
        {"HTTP_AUTHORIZATION": "BEARER   k1  "},
    ],
)
def test_every_header_form_of_the_spec_carries_the_key(headers):
    assert keys_from_request(_request(**headers)) == ["k1"]


def test_the_same_key_in_two_headers_counts_once():
    request = _request(HTTP_X_API_KEY="k1", HTTP_AUTHORIZATION="Bearer k1")

    assert keys_from_request(request) == ["k1"]


def test_two_different_keys_are_both_returned_in_header_order():
    request = _request(HTTP_APIKEY="k2", HTTP_X_API_KEY="k1, k3")

    assert keys_from_request(request) == ["k1", "k3", "k2"]


def test_a_malformed_authorization_header_alone_reads_as_an_empty_key():
    assert keys_from_request(_request(HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")) == [""]
    assert keys_from_request(_request(HTTP_AUTHORIZATION="Bearer")) == [""]


def test_a_malformed_authorization_header_beside_a_key_header_is_ignored():
    request = _request(HTTP_X_API_KEY="k1", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")

    assert keys_from_request(request) == ["k1"]


def test_no_key_header_means_no_keys():
    assert keys_from_request(_request()) == []
