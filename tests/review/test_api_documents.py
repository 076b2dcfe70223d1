"""The review API's reads: a document's fields and pages as the reviewer sees them, the page
image and its words."""

from __future__ import annotations

from extraction.models import DocumentPage


def test_document_shows_fields_flags_with_reasons_boxes_and_pages(tenant, held_document):
    response = tenant.client.get(f"/api/v1/documents/{held_document.public_id}")
    assert response.status_code == 200, response.content
    document = response.json()["document"]
    assert document["document_id"] == held_document.public_id
    assert document["status"] == "review_required"
    assert document["review_threshold"] == 99
    fields = {field["key"]: field for field in document["fields"]}
    total = fields["total_amount"]
    assert (total["value"], total["text"], total["confidence"]) == ("121.00", "121.00 EUR", 90)
    assert total["page"] == 1
    assert len(total["bbox"]) == 4
    assert total["pending"] is True
    assert total["required"] is True
    assert total["flag_reasons"] == [
        {"flag": "low_confidence", "reason": "Below the review threshold"}
    ]
    assert document["pending_count"] == sum(f["pending"] for f in document["fields"])
    (page,) = document["pages"]
    assert (page["number"], page["width"], page["height"]) == (1, 595.0, 842.0)
    assert page["image_url"].endswith(f"/api/v1/documents/{held_document.public_id}/pages/1")


def test_fields_list_holds_table_cells_with_their_checks(tenant, held_table_document):
    response = tenant.client.get(f"/api/v1/documents/{held_table_document.public_id}/fields")
    assert response.status_code == 200
    table = next(f for f in response.json()["fields"] if f["key"] == "line_items")
    first = table["rows"][0]["description"]
    assert (first["value"], first["page"], len(first["bbox"])) == ("Screws M4", 1, 4)
    assert first["issue_reasons"] == []


def test_page_image_is_a_png_and_refuses_a_bad_width(tenant, held_document):
    url = f"/api/v1/documents/{held_document.public_id}/pages/1"
    image = tenant.client.get(url, {"width": 600})
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    bad = tenant.client.get(url, {"width": "wide"})
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "VALIDATION_ERROR"


def test_page_words_are_the_stored_word_boxes(tenant, held_document):
    DocumentPage.objects.filter(document=held_document).update(
        words=[[72.0, 60.0, 120.0, 72.0, "Total:"], [125.0, 60.0, 170.0, 72.0, "121.00"]]
    )
    response = tenant.client.get(f"/api/v1/documents/{held_document.public_id}/pages/1/words")
    assert response.status_code == 200
    assert response.json()["words"][1] == [125.0, 60.0, 170.0, 72.0, "121.00"]


def test_another_workspaces_document_and_pages_are_not_found(outsider, held_document):
    base = f"/api/v1/documents/{held_document.public_id}"
    for path in (base, f"{base}/fields", f"{base}/pages/1", f"{base}/pages/1/words"):
        response = outsider.client.get(path)
        assert response.status_code == 404, path
        assert response.json()["success"] is False


def test_a_missing_page_is_not_found(tenant, held_document):
    response = tenant.client.get(f"/api/v1/documents/{held_document.public_id}/pages/9")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "PAGE_NOT_FOUND"


def test_reads_need_an_api_key(client, held_document):
    assert client.get(f"/api/v1/documents/{held_document.public_id}").status_code == 401
