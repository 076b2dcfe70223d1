"""How the suite is laid out: `make test` leaves the browser folder out without importing it
(`--ignore=tests/browser`), so every test module there must mark its tests `browser`, the ones
`make test-browser` runs; a test without the mark would run nowhere."""

from __future__ import annotations

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def _module_marks(path: Path) -> str:
    """The source of the module's `pytestmark = ...` assignment, empty when it has none."""
    source = path.read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(target, ast.Name) and target.id == "pytestmark" for target in targets):
            return ast.get_source_segment(source, node) or ""
    return ""


def test_every_module_in_the_browser_folder_marks_all_its_tests_browser():
    modules = sorted(BROWSER_TESTS.rglob("test_*.py"))

    assert modules
    unmarked = [path.name for path in modules if "pytest.mark.browser" not in _module_marks(path)]
    assert unmarked == []
