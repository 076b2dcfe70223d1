"""OpenAPI output shapes of the learning API (`/api/v1/casetypes/{id}/learning`).

drf-spectacular reads these when it builds `/api/schema/`; the JSON itself is written by
`extraction.learning.api` from `extraction.learning.selectors.learning_summary`.
"""

from __future__ import annotations

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from cases.apikit.schema import success_envelope

# Properties named like a serializer's own attributes (`fields`, `errors`, `source`) are declared
# through `inline_serializer`'s dict, where they are plain keys.


WEEK = inline_serializer(
    "LearningWeekOutput",
    fields={
        "week": serializers.CharField(help_text="ISO week, `2026-W48`."),
        "documents": serializers.IntegerField(),
        "documents_released": serializers.IntegerField(help_text="Released without review."),
        "fields": serializers.IntegerField(),
        "fields_released": serializers.IntegerField(help_text="Not held by the gate."),
        "document_rate": serializers.FloatField(),
        "field_rate": serializers.FloatField(allow_null=True),
    },
    many=True,
)


RATE = inline_serializer(
    "LearningRateOutput",
    fields={
        "count": serializers.IntegerField(help_text="Released fields seen by a reviewer."),
        "errors": serializers.IntegerField(help_text="Of those, corrected."),
        "rate": serializers.FloatField(allow_null=True),
        "low": serializers.FloatField(allow_null=True, help_text="95% Wilson interval, low."),
        "high": serializers.FloatField(allow_null=True, help_text="95% Wilson interval, high."),
    },
)


class ReleasedErrorOutput(serializers.Serializer):
    """`qa_sample`: from QA-sampled clean documents (unbiased); `corrections`: from fields the
    gate released on documents held for other reasons (biased upwards)."""

    qa_sample = RATE
    corrections = RATE


class ReliabilityRowOutput(serializers.Serializer):
    threshold = serializers.IntegerField()
    released = serializers.IntegerField(help_text="Reviewed fields published at >= threshold.")
    released_share = serializers.FloatField(allow_null=True)
    released_accuracy = serializers.FloatField(allow_null=True)


LAYOUTS = inline_serializer(
    "LearningLayoutOutput",
    fields={
        "layout_id": serializers.CharField(),
        "name": serializers.CharField(),
        "issuer": serializers.CharField(help_text="VAT ids and IBANs it was known by, `|`."),
        "documents_learned": serializers.IntegerField(),
        "fields": serializers.ListField(child=serializers.CharField()),
        "reused_right": serializers.IntegerField(help_text="Remembered readings kept."),
        "reused_wrong": serializers.IntegerField(help_text="Remembered readings corrected."),
        "trust": serializers.IntegerField(help_text="Confidence a new place of it publishes."),
        "losing_trust": serializers.BooleanField(),
        "created_at": serializers.DateTimeField(),
        "updated_at": serializers.DateTimeField(),
    },
    many=True,
)

CALIBRATION = inline_serializer(
    "LearningCalibrationOutput",
    fields={
        "source": serializers.ChoiceField(choices=["workspace", "global"]),
        "verdicts": serializers.IntegerField(),
        "min_verdicts": serializers.IntegerField(),
        "fitted_verdicts": serializers.IntegerField(allow_null=True),
        "fitted_at": serializers.DateTimeField(allow_null=True),
        "knots": serializers.ListField(
            child=serializers.ListField(child=serializers.IntegerField())
        ),
    },
)

LEARNING_OUTPUT = inline_serializer(
    "LearningOutput",
    fields={
        "casetype_id": serializers.CharField(),
        "documents": serializers.IntegerField(),
        "documents_released": serializers.IntegerField(),
        "fields": serializers.IntegerField(),
        "fields_released": serializers.IntegerField(),
        "documents_matched": serializers.IntegerField(
            help_text="Of `documents` (the same weeks), those read with a remembered layout."
        ),
        "automation": WEEK,
        "released_error": ReleasedErrorOutput(),
        "reliability": ReliabilityRowOutput(many=True),
        "layouts": LAYOUTS,
        "calibration": CALIBRATION,
    },
)


class LayoutResetOutput(serializers.Serializer):
    layout_id = serializers.CharField()
    reset = serializers.BooleanField()


LEARNING = success_envelope("LearningEnvelope", LEARNING_OUTPUT)
LAYOUT_RESET = success_envelope("LayoutResetEnvelope", LayoutResetOutput())
