"""Forms of the case type editor (settings): general attributes, fields, stages, rules.

The editor posts one form made of four parts: `GeneralForm`, a formset of `FieldForm` (one row
per field, a table's columns written one per line), a formset of `StageForm` and a formset of
`RuleForm`. `editor_definition` turns the valid parts into a definition in the file format of
`cases.casetype_files` (what export, import and each `CaseTypeVersion` hold); the services
validate it again on save, so the forms only parse text into lists, numbers and booleans.
Initial data for each part comes from a definition (`editor_initial`), so the editor can show a
saved case type, a version or an imported file in the same way.
"""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.forms import formset_factory

from cases.models import Stage
from cases.rules import RULE_TYPES
from extraction.engine.types import COLUMN_TYPES, FIELD_TYPES

FIELD_TYPE_CHOICES = [(t.value, t.value) for t in FIELD_TYPES]
RULE_TYPE_CHOICES = [("", "—"), *((t, t) for t in (*RULE_TYPES,))]
ROLE_CHOICES = Stage.SystemRole.choices

RULE_HELP = {
    "required": "field must have a value",
    "pattern": "field must match the pattern",
    "range": "field must lie between min and max",
    "date_order": "field must be on or before other field",
    "sum_equals": "the column of the table (field) must add up to other field",
    "fields_sum": "the fields listed must add up to field",
}


class RowForm(forms.Form):
    """A row of an editor table: each input names itself (`aria-label`), as the table's column
    headers are not labels."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("aria-label", str(field.label or name.capitalize()))


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


class GeneralForm(forms.Form):
    name = forms.CharField(max_length=200)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    keywords = forms.CharField(
        required=False, help_text="Words that identify this kind of document, comma-separated."
    )
    review_threshold = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=99,
        help_text="Fields scored below it are held for review. Empty: no review unless a job asks.",
    )
    qa_sample_percent = forms.IntegerField(
        min_value=0,
        max_value=100,
        initial=0,
        label="QA sample %",
        help_text="Share of clean documents still sent to review, to measure the error rate.",
    )
    locale = forms.CharField(
        required=False,
        max_length=35,
        help_text="BCP 47 tag (de-DE, en-US): decides how 03/04/2024 is read. Empty: unknown.",
    )


def _regular_expression(pattern: str) -> str:
    """A pattern is refused beside its input when it is no regular expression (the services
    check it too, but their message names only the section)."""
    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise forms.ValidationError(f"Not a valid regular expression: {exc}.") from exc
    return pattern


class FieldForm(RowForm):
    key = forms.CharField(max_length=63, required=False)
    label = forms.CharField(max_length=200, required=False)
    type = forms.ChoiceField(choices=FIELD_TYPE_CHOICES, initial="text")
    required = forms.BooleanField(required=False)
    synonyms = forms.CharField(required=False, help_text="Other labels, comma-separated.")
    pattern = forms.CharField(required=False, help_text="A regular expression the value matches.")
    choices = forms.CharField(required=False, help_text="Enum values, comma-separated.")
    threshold = forms.IntegerField(required=False, min_value=1, max_value=99)
    columns = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Table columns, one per line: key | Label | type | required | synonyms",
    )

    def clean_pattern(self) -> str:
        return _regular_expression(self.cleaned_data["pattern"])

    def clean_columns(self) -> list[dict[str, Any]]:
        columns = []
        for number, line in enumerate(self.cleaned_data["columns"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            parts += [""] * (5 - len(parts))
            key, label, column_type, required, synonyms = parts[:5]
            if column_type and column_type not in COLUMN_TYPES:
                raise forms.ValidationError(
                    f"line {number}: type must be one of {', '.join(COLUMN_TYPES)}."
                )
            if required not in ("", "required", "optional"):
                raise forms.ValidationError(
                    f"line {number}: the fourth part is 'required' or 'optional'."
                )
            column: dict[str, Any] = {
                "key": key,
                "label": label or key,
                "type": column_type or "text",
            }
            if required == "required":
                column["required"] = True
            if _words(synonyms):
                column["synonyms"] = _words(synonyms)
            columns.append(column)
        return columns

    def spec(self) -> dict[str, Any] | None:
        """The field spec of a filled row, or None for a blank or deleted one."""
        data = self.cleaned_data
        if not data.get("key") or data.get("DELETE"):
            return None
        spec: dict[str, Any] = {
            "key": data["key"].strip(),
            "label": data["label"].strip() or data["key"].strip(),
            "type": data["type"],
            "required": bool(data["required"]),
        }
        if _words(data["synonyms"]):
            spec["synonyms"] = _words(data["synonyms"])
        if data["pattern"]:
            spec["pattern"] = data["pattern"]
        if _words(data["choices"]):
            spec["choices"] = _words(data["choices"])
        if data["threshold"] is not None:
            spec["threshold"] = data["threshold"]
        if data["columns"]:
            spec["columns"] = data["columns"]
        return spec


class StageForm(RowForm):
    public_id = forms.CharField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(max_length=100, required=False)
    system_role = forms.ChoiceField(choices=ROLE_CHOICES, required=False, label="System role")


class RuleForm(RowForm):
    type = forms.ChoiceField(choices=RULE_TYPE_CHOICES, required=False)
    field = forms.CharField(required=False, help_text="The field the rule checks.")
    other = forms.CharField(
        required=False,
        label="Other field",
        help_text="date_order: the later date; sum_equals: the field the column adds up to.",
    )
    addends = forms.CharField(
        required=False, label="Fields", help_text="fields_sum: the addends, comma-separated."
    )
    column = forms.CharField(required=False, help_text="sum_equals: the table's column.")
    pattern = forms.CharField(required=False)
    min = forms.DecimalField(required=False)
    max = forms.DecimalField(required=False)
    tolerance = forms.DecimalField(required=False, min_value=0)
    message = forms.CharField(required=False, max_length=300)

    def clean_pattern(self) -> str:
        return _regular_expression(self.cleaned_data["pattern"])

    def rule(self) -> dict[str, Any] | None:
        """The rule of a filled row (the shape of `cases.rules`), or None for a blank one."""
        data = self.cleaned_data
        kind = data.get("type")
        if not kind or data.get("DELETE"):
            return None
        rule: dict[str, Any] = {"type": kind}
        if kind == "date_order":
            rule.update(before=data["field"], after=data["other"])
        elif kind == "sum_equals":
            rule.update(table=data["field"], column=data["column"], field=data["other"])
        elif kind == "fields_sum":
            rule.update(fields=_words(data["addends"]), field=data["field"])
        else:
            rule["field"] = data["field"]
        if kind == "pattern":
            rule["pattern"] = data["pattern"]
        if kind == "range":
            for bound in ("min", "max"):
                if data[bound] is not None:
                    rule[bound] = str(data[bound])
        if data["tolerance"] is not None and kind in ("sum_equals", "fields_sum"):
            rule["tolerance"] = str(data["tolerance"])
        if data["message"]:
            rule["message"] = data["message"]
        return rule


FieldFormSet = formset_factory(FieldForm, extra=2, can_delete=True)
StageFormSet = formset_factory(StageForm, extra=1, can_delete=True)
RuleFormSet = formset_factory(RuleForm, extra=1, can_delete=True)


STARTER_FIELDS = [{"key": "reference", "label": "Reference", "type": "text"}]
"""A new case type's fields when it copies none: one to rename in the editor."""


class NewCaseTypeForm(forms.Form):
    name = forms.CharField(max_length=200)
    slug = forms.SlugField(max_length=100, help_text="The templateName jobs will name.")
    copy_from = forms.ChoiceField(
        required=False,
        label="Start from",
        help_text="Copy the fields, rules and settings of a case type, or start with one field.",
    )

    def __init__(self, *args: Any, case_type_choices: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["copy_from"]).choices = [
            ("", "One text field"),
            *case_type_choices,
        ]


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A case type as YAML or JSON (the export format).")


class FilterForm(forms.Form):
    name = forms.SlugField(max_length=100, help_text="The filterName jobs will name.")
    case_types = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, case_type_choices: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["case_types"]).choices = case_type_choices


class PreviewForm(forms.Form):
    document = forms.FileField(help_text="A sample PDF or image; nothing is stored.")


# --- Definitions <-> forms ----------------------------------------------------------------


class Editor:
    """The four bound parts of one editor submission (or unbound, from a definition)."""

    def __init__(self, definition: dict[str, Any] | None = None, data: Any = None) -> None:
        initial = editor_initial(definition or {})
        self.general = GeneralForm(data, initial=initial["general"], prefix="general")
        self.fields = FieldFormSet(data, initial=initial["fields"], prefix="fields")
        self.stages = StageFormSet(data, initial=initial["stages"], prefix="stages")
        self.rules = RuleFormSet(data, initial=initial["rules"], prefix="rules")

    @property
    def parts(self) -> tuple[Any, ...]:
        return (self.general, self.fields, self.stages, self.rules)

    def is_valid(self) -> bool:
        # Every part is validated (no short circuit), so each shows its own errors.
        results = [part.is_valid() for part in self.parts]
        return all(results)

    def definition(self, *, slug: str) -> dict[str, Any]:
        """The definition the valid editor describes (call after `is_valid`)."""
        general = self.general.cleaned_data
        return {
            "name": general["name"],
            "slug": slug,
            "description": general["description"],
            "review_threshold": general["review_threshold"],
            "qa_sample_percent": general["qa_sample_percent"],
            "locale": general["locale"].strip(),
            "keywords": _words(general["keywords"]),
            "fields": [spec for form in self.fields.forms if (spec := form.spec())],
            "stages": [
                {
                    "name": form.cleaned_data["name"],
                    "system_role": form.cleaned_data.get("system_role") or "",
                    "public_id": form.cleaned_data.get("public_id") or "",
                }
                for form in self.stages.forms
                if form.cleaned_data.get("name") and not form.cleaned_data.get("DELETE")
            ],
            "validation_rules": [rule for form in self.rules.forms if (rule := form.rule())],
        }


def editor_initial(definition: dict[str, Any]) -> dict[str, Any]:
    """Initial data of each editor part from a definition (stages may carry `public_id`)."""
    return {
        "general": {
            "name": definition.get("name", ""),
            "description": definition.get("description", ""),
            "keywords": ", ".join(definition.get("keywords") or []),
            "review_threshold": definition.get("review_threshold"),
            "qa_sample_percent": definition.get("qa_sample_percent", 0),
            "locale": definition.get("locale", ""),
        },
        "fields": [_field_initial(spec) for spec in definition.get("fields") or []],
        "stages": [
            {
                "public_id": stage.get("public_id", ""),
                "name": stage.get("name", ""),
                "system_role": stage.get("system_role") or "",
            }
            for stage in definition.get("stages") or []
        ],
        "rules": [_rule_initial(rule) for rule in definition.get("validation_rules") or []],
    }


def _field_initial(spec: dict[str, Any]) -> dict[str, Any]:
    columns = [
        " | ".join(
            [
                column.get("key", ""),
                column.get("label", ""),
                column.get("type", "text"),
                "required" if column.get("required") else "optional",
                ", ".join(column.get("synonyms") or []),
            ]
        ).rstrip(" |")
        for column in spec.get("columns") or []
    ]
    return {
        "key": spec.get("key", ""),
        "label": spec.get("label", ""),
        "type": spec.get("type", "text"),
        "required": bool(spec.get("required")),
        "synonyms": ", ".join(spec.get("synonyms") or []),
        "pattern": spec.get("pattern") or "",
        "choices": ", ".join(spec.get("choices") or []),
        "threshold": spec.get("threshold"),
        "columns": "\n".join(columns),
    }


def _rule_initial(rule: dict[str, Any]) -> dict[str, Any]:
    kind = rule.get("type", "")
    initial: dict[str, Any] = {
        "type": kind,
        "pattern": rule.get("pattern", ""),
        "min": rule.get("min"),
        "max": rule.get("max"),
        "tolerance": rule.get("tolerance"),
        "message": rule.get("message", ""),
    }
    if kind == "date_order":
        initial.update(field=rule.get("before", ""), other=rule.get("after", ""))
    elif kind == "sum_equals":
        initial.update(
            field=rule.get("table", ""), column=rule.get("column", ""), other=rule.get("field", "")
        )
    elif kind == "fields_sum":
        initial.update(addends=", ".join(rule.get("fields") or []), field=rule.get("field", ""))
    else:
        initial["field"] = rule.get("field", "")
    return initial
