"""Conversion API input and the JSON of engines and jobs (one builder each)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from extraction.conversion.converters import ENGINES
from extraction.conversion.models import ConversionJob


class JobCreateInput(serializers.Serializer):
    engine = serializers.CharField(help_text="Engine ID from GET /castdoc/engines.")
    file_id = serializers.CharField(help_text="The input PDF's file ID, from POST /files.")
    output_format = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="docx (pdf2docx), xlsx or csv (tables), md or txt (text); default: the"
        " engine's first.",
    )


class JobListInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=ConversionJob.Status.values, required=False)


def engines_data() -> dict[str, Any]:
    return {
        "engines": [
            {
                "id": engine.id,
                "name": engine.name,
                "description": engine.description,
                "input_formats": list(engine.input_formats),
                "output_formats": list(engine.output_formats),
            }
            for engine in ENGINES.values()
        ]
    }


def job_data(job: ConversionJob) -> dict[str, Any]:
    """A job as the API shows it; `output_file_id` only when completed, `error` when failed."""
    data: dict[str, Any] = {
        "job_id": str(job.pk),
        "file_id": job.source_file.public_id,
        "engine": job.engine,
        "output_format": job.output_format,
        "status": job.status,
        "progress": job.progress,
        "pages": job.pages,
    }
    if job.status == ConversionJob.Status.COMPLETED and job.output_file is not None:
        data["output_file_id"] = job.output_file.public_id
        data["output_filename"] = job.output_file.filename
    if job.status == ConversionJob.Status.FAILED:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    data.update(
        {
            "case_id": job.case.public_id if job.case else None,
            "created_at": job.created_at,
            "updated_at": job.updated_at,
            "completed_at": job.completed_at,
            "expires_at": job.expires_at,
        }
    )
    return data
