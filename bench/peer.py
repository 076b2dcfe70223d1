"""The peer tool, invoice2data, in its own virtual environment, run over the same documents.

Called by `bench/__main__.py`. invoice2data and its dependencies are installed into
`var/bench-venv` (created on first use, reused afterwards) so they never touch Casefile's
environment; `bench/invoice2data_driver.py` runs there and reports fields and seconds per
document as JSON lines. invoice2data reads PDFs through poppler's `pdftotext` and images through
`tesseract` (with ImageMagick); a missing tool is reported with the command that installs it and
that part of the comparison is skipped, never silently. Output keys are mapped onto Casefile's
field keys so the two tools are scored on the fields both can produce.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.casefile import CorpusRun, DocumentRun

REPO = Path(__file__).resolve().parents[1]
VENV_DIR = REPO / "var" / "bench-venv"
DRIVER = Path(__file__).resolve().parent / "invoice2data_driver.py"
PACKAGE = "invoice2data"

KEY_MAP = {
    "invoice_number": "invoice_number",
    "date": "invoice_date",
    "date_due": "due_date",
    "amount": "total_amount",
    "amount_untaxed": "subtotal_amount",
    "amount_tax": "tax_amount",
    "currency": "currency",
}
"""invoice2data's output keys (its templates' common fields) -> Casefile's field keys."""
SHARED_KEYS = frozenset(KEY_MAP.values())

PDFTOTEXT_HINT = (
    "pdftotext is missing (it comes with poppler): install it with "
    "`sudo apt-get install -y poppler-utils` (Debian/Ubuntu) or `brew install poppler` (macOS)."
)
TESSERACT_HINT = (
    "tesseract or ImageMagick is missing: install them with "
    "`sudo apt-get install -y tesseract-ocr imagemagick`."
)

Log = Callable[[str], None]


@dataclass(frozen=True)
class PeerSetup:
    python: Path | None
    version: str | None = None
    problems: tuple[str, ...] = ()
    modules: frozenset[str] = field(default_factory=frozenset)
    """Text backends whose tools are installed: `pdftotext`, `tesseract`."""


def prepare(log: Log) -> PeerSetup:
    """Create the peer's environment and install invoice2data when needed; check its tools."""
    python = VENV_DIR / "bin" / "python"
    problems: list[str] = []
    version = _installed_version(python)
    if version is None:
        log(f"Setting up {PACKAGE} in {VENV_DIR.relative_to(REPO)} (once) ...")
        try:
            if not python.exists():
                _run([sys.executable, "-m", "venv", str(VENV_DIR)])
            _run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
            _run([str(python), "-m", "pip", "install", "--quiet", PACKAGE])
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            problems.append(f"could not install {PACKAGE}: {detail.strip()[-400:]}")
            return PeerSetup(None, None, tuple(problems))
        version = _installed_version(python)
        if version is None:
            return PeerSetup(None, None, (f"{PACKAGE} did not import after installing it",))
    modules = set()
    if shutil.which("pdftotext"):
        modules.add("pdftotext")
    else:
        problems.append(PDFTOTEXT_HINT + " invoice2data is skipped on PDF documents.")
    if shutil.which("tesseract") and (shutil.which("magick") or shutil.which("convert")):
        modules.add("tesseract")
    else:
        problems.append(TESSERACT_HINT + " invoice2data is skipped on image documents.")
    return PeerSetup(python, version, tuple(problems), frozenset(modules))


def module_for(path: Path) -> str:
    """The text backend invoice2data uses for a file: poppler for PDFs, Tesseract for images."""
    return "pdftotext" if path.suffix.lower() == ".pdf" else "tesseract"


def run_peer(
    setup: PeerSetup, corpus: str, files: list[Path], *, timeout: float = 1800.0
) -> tuple[CorpusRun, float]:
    """invoice2data over `files` (one backend per call); returns the run and template load time.

    Documents invoice2data has no template for come back with no fields: that is its result.
    """
    if setup.python is None or not files:
        return CorpusRun(corpus, ()), 0.0
    module = module_for(files[0])
    completed = subprocess.run(
        [str(setup.python), str(DRIVER), "--module", module, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    setup_seconds = 0.0
    documents: list[DocumentRun] = []
    for line in completed.stdout.splitlines():
        record = json.loads(line)
        if "setup_seconds" in record:
            setup_seconds = float(record["setup_seconds"])
            continue
        documents.append(
            DocumentRun(
                Path(record["file"]).stem,
                float(record["seconds"]),
                mapped(record["fields"]),
                float(record["cpu_seconds"]),
                error=record["error"],
            )
        )
    return CorpusRun(corpus, tuple(documents)), setup_seconds


def mapped(fields: dict[str, object]) -> dict[str, object]:
    """invoice2data's output under Casefile's keys; keys without a counterpart are dropped."""
    return {ours: fields[theirs] for theirs, ours in KEY_MAP.items() if theirs in fields}


def _installed_version(python: Path) -> str | None:
    if not python.exists():
        return None
    probe = subprocess.run(
        [
            str(python),
            "-c",
            f"import importlib.metadata as m, {PACKAGE}; print(m.version('{PACKAGE}'))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.stdout.strip() or None if probe.returncode == 0 else None


def _run(command: list[str]) -> None:
    subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
