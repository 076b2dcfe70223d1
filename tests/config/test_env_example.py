"""Every environment variable `config/settings.py` reads is listed in `.env.example` and in the
README's configuration table, so an operator never has to read the settings module."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""env(?:_[a-z_]+)?\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def _names_read_by_settings() -> set[str]:
    names = set(READ.findall((ROOT / "config" / "settings.py").read_text()))
    assert len(names) > 40  # the pattern still finds the settings' variables
    return names


def test_every_variable_the_settings_read_is_in_env_example():
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))

    assert sorted(_names_read_by_settings() - listed) == []


def test_every_variable_the_settings_read_is_in_the_readme_configuration_table():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration") :]
    rows = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)`", table, re.M))
    rows |= set(re.findall(r"^\| `[A-Z0-9_]+`, `([A-Z][A-Z0-9_]+)`", table, re.M))  # two in one row

    assert sorted(_names_read_by_settings() - rows) == []
