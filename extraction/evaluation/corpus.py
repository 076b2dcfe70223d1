"""Labelled corpora: documents beside their truth, grouped by source.

Called by `extraction.evaluation.report` (`manage.py evaluate`), `make bench` and
`bench/calibrate.py`. Pure apart from reading the folders. A corpus folder holds
`NAME.pdf|png|jpg|jpeg|tif|tiff` beside `NAME.json`:

    {"case_type": "invoice",
     "fields": {"invoice_number": "INV-1", "total_amount": "23.80",
                "line_items": [{"description": "Bolts", "quantity": "10", "amount": "15.00"}]}}

A key absent from `fields` is not scored. A table field's truth is a list of row objects in
printed order; a column absent from a row is not scored. Other keys of the JSON (its own
`"source"`, the provenance of the file, and information such as `language`) are not read.

A document's *source* is the folder it came from: a folder argument holding documents is one
source named after the folder; each folder below it that holds documents is one more, named by
its path relative to the argument (`evaluate shared/eval/dev` gives `zugferd-csharp`,
`factur-x-kit`, ...). `NAME=FOLDER` names the source explicitly and takes every document at or
below FOLDER; the same NAME given twice joins both folders into one source (the invoices and
their page images, for example).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DOCUMENT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


class CorpusError(ValueError):
    """A folder or truth file that cannot be evaluated as given."""


@dataclass(frozen=True)
class CorpusItem:
    name: str
    path: Path
    case_type: str
    expected: dict[str, object]
    source: str = ""


def load_corpus(folder: Path | str, *, source: str | None = None) -> list[CorpusItem]:
    """Documents directly in `folder` with a JSON truth beside them, sorted by name."""
    folder = Path(folder)
    label = folder.name if source is None else source
    items: list[CorpusItem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES or not path.is_file():
            continue
        truth_path = path.with_suffix(".json")
        if not truth_path.exists():
            continue
        try:
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            case_type = str(truth["case_type"])
            expected = dict(truth.get("fields") or {})
        except (ValueError, KeyError, TypeError) as exc:
            raise CorpusError(f"{truth_path}: not a truth file ({exc!r}).") from None
        items.append(CorpusItem(path.stem, path, case_type, expected, label))
    return items


def load_sources(arguments: list[str | Path]) -> list[CorpusItem]:
    """Every labelled document under the folder arguments, each with its source (see above)."""
    by_source: dict[str, list[CorpusItem]] = {}
    explicit: set[str] = set()
    for argument in arguments:
        name, folder = _split_argument(str(argument))
        if not folder.is_dir():
            raise CorpusError(f"No such folder: {folder}")
        for directory in _folders_with_documents(folder):
            source = name or _implicit_name(folder, directory)
            items = load_corpus(directory, source=source)
            if source in by_source and not (name and source in explicit):
                raise CorpusError(
                    f"Two folders give the source {source!r}; name them with NAME=FOLDER."
                )
            if name:
                explicit.add(source)
            by_source.setdefault(source, []).extend(items)
    return [item for items in by_source.values() for item in items]


def _split_argument(argument: str) -> tuple[str | None, Path]:
    name, separator, folder = argument.partition("=")
    if separator and name and "/" not in name and not Path(argument).exists():
        return name, Path(folder)
    return None, Path(argument)


def _folders_with_documents(folder: Path) -> list[Path]:
    folders = [folder, *sorted(p for p in folder.rglob("*") if p.is_dir())]
    return [
        directory
        for directory in folders
        if not any(part.startswith(".") for part in directory.relative_to(folder).parts)
        and any(
            path.suffix.lower() in DOCUMENT_SUFFIXES and path.with_suffix(".json").exists()
            for path in directory.iterdir()
        )
    ]


def _implicit_name(argument: Path, directory: Path) -> str:
    if directory == argument:
        return argument.resolve().name
    return directory.relative_to(argument).as_posix()
