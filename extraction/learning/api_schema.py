"""OpenAPI output shapes of the learning API (`/api/v1/casetypes/{id}/learning`).

drf-spectacular reads these when it builds `/api/schema/`; the JSON itself is written by
`extraction.learning.api` from `extraction.learning.selectors.learning_summary`.
"""

from __future__ import annotations

from rest_framework import serializers

from cases.apikit.schema import success_envelope


class WeekOutput(serializers.Serializer):
    week = serializers.CharField(help_text="ISO week, `2026-W48`.")
    documents = serializers.IntegerField()
    documents_released = serializers.IntegerField(help_text="Released without review.")
    fields = serializers.IntegerField()
    fields_released = serializers.IntegerField(help_text="Not held by the gate.")
    document_rate = serializers.FloatField()
    field_rate = serializers.FloatField(allow_null=True)


class RateOutput(serializers.Serializer):
    count = serializers.IntegerField(help_text="Released fields seen by a reviewer.")
    errors = serializers.IntegerField(help_text="Of those, corrected.")
    rate = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, low end.")
    high = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, high end.")


class ReleasedErrorOutput(serializers.Serializer):
    qa_sample = RateOutput(help_text="From QA-sampled clean documents: unbiased.")
    corrections = RateOutput(
        help_text="From fields the gate released on documents held for other reasons: biased."
    )


class ReliabilityRowOutput(serializers.Serializer):
    threshold = serializers.IntegerField()
    released = serializers.IntegerField(help_text="Reviewed fields published at >= threshold.")
    released_share = serializers.FloatField(allow_null=True)
    released_accuracy = serializers.FloatField(allow_null=True)


class LayoutOutput(serializers.Serializer):
    layout_id = serializers.CharField()
    name = serializers.CharField()
    issuer = serializers.CharField(help_text="VAT ids and IBANs the layout was known by, `|`.")
    documents_learned = serializers.IntegerField()
    fields = serializers.ListField(child=serializers.CharField())
    reused_right = serializers.IntegerField(help_text="Remembered readings reviewers kept.")
    reused_wrong = serializers.IntegerField(help_text="Remembered readings reviewers corrected.")
    trust = serializers.IntegerField(help_text="Confidence a new place of it would publish.")
    losing_trust = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class CalibrationOutput(serializers.Serializer):
    source = serializers.ChoiceField(choices=["workspace", "global"])
    verdicts = serializers.IntegerField()
    min_verdicts = serializers.IntegerField()
    fitted_verdicts = serializers.IntegerField(allow_null=True)
    fitted_at = serializers.DateTimeField(allow_null=True)
    knots = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField()))


class LearningOutput(serializers.Serializer):
    casetype_id = serializers.CharField()
    documents = serializers.IntegerField()
    documents_released = serializers.IntegerField()
    fields = serializers.IntegerField()
    fields_released = serializers.IntegerField()
    documents_matched = serializers.IntegerField(help_text="Read with a remembered layout.")
    automation = WeekOutput(many=True)
    released_error = ReleasedErrorOutput()
    reliability = ReliabilityRowOutput(many=True)
    layouts = LayoutOutput(many=True)
    calibration = CalibrationOutput()


class LayoutResetOutput(serializers.Serializer):
    layout_id = serializers.CharField()
    reset = serializers.BooleanField()


LEARNING = success_envelope("LearningEnvelope", LearningOutput())
LAYOUT_RESET = success_envelope("LayoutResetEnvelope", LayoutResetOutput())
