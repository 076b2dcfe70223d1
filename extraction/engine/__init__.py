"""Casefile's extraction engine: bytes and schemas in, typed fields with confidence out.

Public entry points: `run_engine` (in process) and `run_engine_isolated` (in a child process with
memory and time limits, what workers should call). Pure: no Django, no ORM, no network. The
pipeline is load -> words (text layer or OCR) -> split -> classify -> fields and tables.

The entry points are loaded on first use (PEP 562), so that importing a light module such as
`extraction.engine.types` (the field types the case-type validator shares) does not load
PyMuPDF, OpenCV and the OCR stack into every process that imports the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extraction.engine.isolation import run_engine_isolated
    from extraction.engine.run import run_engine
    from extraction.engine.types import EngineError

__all__ = ["EngineError", "run_engine", "run_engine_isolated"]


def __getattr__(name: str) -> Any:
    if name == "run_engine":
        from extraction.engine.run import run_engine

        return run_engine
    if name == "run_engine_isolated":
        from extraction.engine.isolation import run_engine_isolated

        return run_engine_isolated
    if name == "EngineError":
        from extraction.engine.types import EngineError

        return EngineError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
