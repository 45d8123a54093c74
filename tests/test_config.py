"""Settings come from NETRA_* variables, and the README documents every one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netra.config import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_readme_documents_every_setting() -> None:
    documented = set(re.findall(r"^\| `(NETRA_[A-Z_]+)` \|", README, re.M))
    fields = {f"NETRA_{name.upper()}" for name in Settings.model_fields}
    assert documented == fields


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETRA_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("NETRA_DATABASE_URL", "postgresql://a:b@example.invalid/x")
    settings = Settings()
    assert settings.home == (tmp_path / "h").resolve()
    assert not settings.embedded
    assert "b@" not in repr(settings), "the password must not leak into logs"


def test_readme_first_screen_has_exactly_two_commands() -> None:
    first = README.split("## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", first, re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "make test" in ci
