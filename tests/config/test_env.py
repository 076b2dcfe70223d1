"""The typed environment readers behind config/settings.py."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_int_list, env_list


@pytest.mark.parametrize(
    ("raw", "value"), [("true", True), ("1", True), ("off", False), ("", False)]
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, value):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is value


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be true or false"):
        env_bool("X_FLAG")


def test_env_int_has_default_minimum_and_errors(monkeypatch):
    assert env_int("X_MISSING", 7) == 7
    monkeypatch.setenv("X_NUM", "3")
    assert env_int("X_NUM", 7) == 3
    with pytest.raises(ImproperlyConfigured, match="at least 5"):
        env_int("X_NUM", 7, minimum=5)
    monkeypatch.setenv("X_NUM", "three")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_NUM", 7)


def test_env_lists(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("X_SCHEDULE", "1,2,3")
    assert env_int_list("X_SCHEDULE", [9]) == [1, 2, 3]
    monkeypatch.setenv("X_SCHEDULE", "1,two")
    with pytest.raises(ImproperlyConfigured):
        env_int_list("X_SCHEDULE", [9])


def test_settings_refuse_to_start_without_a_secret_key_when_not_debugging(tmp_path):
    import os
    import subprocess
    import sys

    environment = {key: value for key, value in os.environ.items() if key != "CASEFILE_SECRET_KEY"}
    environment.update(CASEFILE_DEBUG="false", CASEFILE_DATA_DIR=str(tmp_path))
    completed = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "CASEFILE_SECRET_KEY is required" in completed.stderr
