"""Forms of the browser UI. They check shape only (a choice is one of the offered ones, a
number is a number); every rule about values and states lives in the services they feed.

Choice lists come from the views (the current workspace's case types, stages and members), so
a form never offers, and never accepts, another workspace's ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from review.bulk import ME

ChoiceList = Sequence[tuple[str, str]]


class WorkspaceSwitchForm(forms.Form):
    workspace = forms.ChoiceField(label="Workspace")
    next = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args: object, workspaces: ChoiceList, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["workspace"].choices = list(workspaces)


def _with_any(choices: Iterable[tuple[str, str]], label: str) -> list[tuple[str, str]]:
    return [("", label), *choices]


QUEUE_SCOPES = [("", "All"), ("mine", "Mine"), ("unassigned", "Unassigned")]
QUEUE_SORTS = [
    ("", "Oldest first"),
    ("newest", "Newest first"),
    ("confidence", "Lowest confidence"),
    ("case_type", "Case type"),
]


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Document, case or id", "autocomplete": "off"}
        ),
    )
    scope = forms.ChoiceField(label="Show", required=False, choices=QUEUE_SCOPES)
    case_type = forms.ChoiceField(label="Case type", required=False)
    assignee = forms.ChoiceField(label="Assignee", required=False)
    sort = forms.ChoiceField(label="Sort", required=False, choices=QUEUE_SORTS)

    def __init__(
        self, *args: object, case_types: ChoiceList, members: ChoiceList, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["case_type"].choices = _with_any(case_types, "All case types")
        self.fields["assignee"].choices = _with_any(members, "Anyone")


class IdListField(forms.Field):
    """Several values of one name (`documents=a&documents=b`), blanks dropped."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: object) -> list[str]:
        values = value if isinstance(value, list | tuple) else []
        return [str(v).strip() for v in values if str(v).strip()]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        for item in value:  # PostgreSQL cannot compare text holding a NUL character
            ProhibitNullCharactersValidator()(item)


class BulkActionForm(forms.Form):
    """The queue's bulk bar: assign the checked documents (to me or a member) or reject them."""

    action = forms.ChoiceField(choices=[("assign", "Assign"), ("reject", "Reject")])
    documents = IdListField(error_messages={"required": "Check at least one document first."})
    assignee = forms.ChoiceField(label="Assign to", required=False)
    reason = forms.CharField(label="Reason for rejecting", required=False, max_length=2000)
    filters = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args: object, members: ChoiceList, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["assignee"].choices = [(ME, "Me"), *members]  # type: ignore[attr-defined]


class ClaimForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("take", "Take"), ("take_over", "Take over"), ("release", "Release")]
    )
    holder = forms.CharField(required=False, max_length=40)
    then = forms.ChoiceField(
        required=False,
        choices=[("", "Stay"), ("queue", "Queue"), ("next", "Next document")],
    )


class FieldDecisionForm(forms.Form):
    """Approve a field, correct it (a table cell when row and column are given; captured on the
    page image when page and bbox are given), or reset it to the machine's value."""

    action = forms.ChoiceField(
        choices=[("approve", "Approve"), ("correct", "Correct"), ("reset", "Reset")]
    )
    value = forms.CharField(required=False, strip=False, max_length=2000)
    row = forms.IntegerField(required=False, min_value=0)
    column = forms.CharField(required=False, max_length=63)
    page = forms.IntegerField(required=False, min_value=1)
    bbox = forms.CharField(
        required=False, max_length=200, help_text="x0,y0,x1,y1 in the page's units."
    )

    def clean_bbox(self) -> list[float] | None:
        text = self.cleaned_data.get("bbox") or ""
        if not text.strip():
            return None
        try:
            numbers = [float(part) for part in text.split(",")]
        except ValueError:
            raise forms.ValidationError("bbox: four numbers, x0,y0,x1,y1.") from None
        if len(numbers) != 4:
            raise forms.ValidationError("bbox: four numbers, x0,y0,x1,y1.")
        return numbers


class RowChangeForm(forms.Form):
    """Add a row after `row` (-1: at the top), delete `row`, or move `row` to `to`."""

    operation = forms.ChoiceField(choices=[("add", "Add"), ("delete", "Delete"), ("move", "Move")])
    row = forms.IntegerField(min_value=-1)
    to = forms.IntegerField(required=False, min_value=0)


REJECT_REASONS = (
    "Not a document of this case type",
    "Duplicate of a document already processed",
    "Unreadable: the scan is too poor to check",
    "Pages are missing",
    "Sent to us by mistake",
)
"""Reason templates the review page offers (keys 1-5 in the reject dialog); any text is taken."""


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason for rejecting",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the document is rejected."},
    )


class CaseFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    case_type = forms.ChoiceField(label="Case type", required=False)
    stage = forms.ChoiceField(label="Stage", required=False)
    assignee = forms.ChoiceField(label="Assignee", required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: object,
        case_types: ChoiceList,
        stages: ChoiceList,
        members: ChoiceList,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["case_type"].choices = _with_any(case_types, "All case types")
        self.fields["stage"].choices = _with_any(stages, "All stages")
        self.fields["assignee"].choices = _with_any(members, "Anyone")


UNASSIGNED = ""


class CaseUpdateForm(forms.Form):
    stage = forms.ChoiceField(label="Stage")
    assigned_to = forms.ChoiceField(label="Assignee", required=False)
    past_review = forms.BooleanField(
        required=False, label="Move it anyway, past the review of its held documents"
    )
    held_warning = False
    """Set when the move was refused because documents are still held for review: the page
    then offers `past_review`."""

    def __init__(
        self, *args: object, stages: ChoiceList, members: ChoiceList, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["stage"].choices = list(stages)
        self.fields["assigned_to"].choices = [(UNASSIGNED, "Unassigned"), *members]


class ApiKeyCreateForm(forms.Form):
    name = forms.CharField(
        label="Key name",
        max_length=200,
        help_text="Say who or what uses the key, e.g. “ERP import”.",
    )


class WebhookEndpointForm(forms.Form):
    """An endpoint's URL, description and events; no event chosen means every event."""

    url = forms.CharField(label="Endpoint URL", max_length=2000)
    description = forms.CharField(label="Description", required=False, max_length=500)
    events = forms.MultipleChoiceField(
        label="Events",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave every box empty to receive all events, including future ones.",
    )

    def __init__(self, *args: object, event_types: ChoiceList, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["events"].choices = list(event_types)
