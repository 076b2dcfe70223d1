"""Views stay thin (issue 9 item 4): every function or method of an app's `*api.py` or
`*views.py` module that takes the request (views, and the helpers they hand the request to)
has at most `VIEW_BUDGET` lines of code. A rule that needs more belongs in a service or
selector of the app that owns the data (README, "Layout"; `../shared/STYLE.md`).

Lines of code: from the first statement after the docstring to the end. The signature and the
docstring do not count, so neither a parameter per line nor a good docstring costs budget.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("cases", "extraction", "review", "webhooks")
VIEW_BUDGET = 25

Function = ast.FunctionDef | ast.AsyncFunctionDef


def view_modules() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if path.name.endswith(("api.py", "views.py"))
    ]


def takes_request(function: Function) -> bool:
    arguments = function.args
    names = [a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]]
    return "request" in names


def code_lines(function: Function) -> int:
    body = function.body
    has_docstring = (
        isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )
    statements = body[1:] if has_docstring else body
    if not statements:
        return 0
    end = function.end_lineno or statements[-1].lineno
    return end - statements[0].lineno + 1


def request_functions(source: str) -> Iterator[tuple[str, Function]]:
    """Module-level functions and methods of module-level classes that take `request`."""
    for node in ast.parse(source).body:
        members = (
            [(node.name, node)] if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else []
        )
        if isinstance(node, ast.ClassDef):
            members = [
                (f"{node.name}.{member.name}", member)
                for member in node.body
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
        yield from ((name, function) for name, function in members if takes_request(function))


def over_budget() -> list[str]:
    found = []
    for path in view_modules():
        for name, function in request_functions(path.read_text()):
            lines = code_lines(function)
            if lines > VIEW_BUDGET:
                where = f"{path.relative_to(ROOT)}:{function.lineno}"
                found.append(f"{where} {name}: {lines} lines")
    return found


def test_every_view_and_request_helper_is_within_the_line_budget():
    assert over_budget() == [], (
        f"over {VIEW_BUDGET} lines of code; move the rules into a service or selector"
    )


def test_the_budget_sees_the_api_and_browser_views():
    seen = {
        f"{path.relative_to(ROOT)}::{name}"
        for path in view_modules()
        for name, _ in request_functions(path.read_text())
    }
    assert "extraction/api.py::ReviewApi.post" in seen
    assert "cases/files_api.py::FileCollectionApi.post" in seen
    assert "review/views.py::document_review" in seen
    assert "webhooks/api.py" in {key.split("::")[0] for key in seen}
    assert len(seen) > 100


def test_code_lines_skip_signature_and_docstring_and_count_the_rest():
    source = '''
def view(
    request,
    document_id,
):
    """A docstring
    of two lines."""
    first = 1
    if first:
        return first
    return None


class Api:
    def post(self, request):
        return None

    def helper(self, value):
        return value
'''
    functions = dict(request_functions(source))
    assert sorted(functions) == ["Api.post", "view"]
    assert code_lines(functions["view"]) == 4
    assert code_lines(functions["Api.post"]) == 1
