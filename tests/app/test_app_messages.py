"""Validation and error messages: labels like the rest of the interface, Indonesian by default and
English for a reader who chose it; the CLI keeps the English text."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from netra.app import i18n, passwords, users
from netra.app.decisions import DecisionError
from tests.app.conftest import Client

APP = Path(users.__file__).resolve().parent
# A labelled error raised with a literal key: UserError("users.exists", ...), WeakPassword("password.common")
_RAISED = re.compile(
    r"""\b(?:UserError|WeakPassword|DecisionError|Labelled)\(\s*["']([a-z_]+\.[a-z_]+)["']"""
)


def test_every_key_an_error_is_raised_with_has_both_languages() -> None:
    raised = {key for path in APP.rglob("*.py") for key in _RAISED.findall(path.read_text())}
    assert len(raised) >= 30, "the pattern no longer finds the raise sites"
    missing = sorted(k for k in raised if not i18n.has(k))
    assert not missing, f"errors raised with undefined labels: {missing}"
    t_id, t_en = i18n.translator("id"), i18n.translator("en")
    same = sorted(k for k in raised if t_id(k) == t_en(k))
    assert not same, f"messages not translated: {same}"


def test_a_labelled_error_speaks_english_to_the_cli_and_either_language_to_the_app() -> None:
    error = DecisionError("decision.not_regency", regency="Kota Bandung", province="Jawa Timur")
    assert str(error) == "regency: 'Kota Bandung' is not a regency or city of Jawa Timur"
    assert error.text("id") == "kabupaten/kota: 'Kota Bandung' bukan kabupaten atau kota di Jawa Timur"
    with pytest.raises(passwords.WeakPassword) as caught:
        passwords.check_policy("pendek", "sari", "development")
    assert caught.value.text("id") == "kata sandi harus paling sedikit 8 karakter"
    assert str(caught.value) == "password must have at least 8 characters"


@pytest.mark.parametrize(
    ("lang", "title", "reasons"),
    [
        ("id", "Permintaan tidak sah", ("frequency: harus berupa bilangan bulat", "active: wajib diisi")),
        ("en", "Invalid request", ("frequency: must be a whole number", "active: is required")),
    ],
)
def test_invalid_form_fields_are_named_with_what_is_wrong(
    logged_in: Callable[[str], Client], lang: str, title: str, reasons: tuple[str, ...]
) -> None:
    admin = logged_in("admin")
    admin.get(f"/lang?to={lang}")
    response = admin.post_form("/admin/sources/kabarmaluku", {"frequency": "sering"}, page="/admin/sources")
    assert response.status_code == 422
    page = unescape(response.text)
    assert title in page
    for reason in reasons:
        assert reason in page


@pytest.mark.parametrize(
    ("lang", "message"),
    [("id", "terlalu panjang (paling banyak 64 karakter)"), ("en", "is too long (at most 64 characters)")],
)
def test_a_field_over_its_length_says_the_limit(
    logged_in: Callable[[str], Client], lang: str, message: str
) -> None:
    admin = logged_in("admin")
    admin.get(f"/lang?to={lang}")
    response = admin.post_form(
        "/admin/users",
        {"username": "x" * 65, "password": "kata sandi panjang", "role": "monitor"},
        page="/admin/users",
    )
    assert response.status_code == 422
    assert f"username: {message}" in unescape(response.text)


@pytest.mark.parametrize(
    ("lang", "message"),
    [("id", "Permintaan ini tidak dapat dilayani."), ("en", "This request cannot be served.")],
)
def test_other_http_errors_are_labelled_too(
    logged_in: Callable[[str], Client], lang: str, message: str
) -> None:
    c = logged_in("analyst")
    c.get(f"/lang?to={lang}")
    response = c.get("/logout")  # a POST-only route
    assert response.status_code == 405
    assert message in response.text and "Method Not Allowed" not in response.text
