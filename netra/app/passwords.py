"""Password hashing (argon2id) and the password policy.

No account exists until ``netra users add`` creates one, so there is no
default password; in production the policy also refuses short passwords and
the placeholders people copy from examples.
"""

from __future__ import annotations

import re
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from netra.app.i18n import Labelled

MIN_LENGTH = {"development": 8, "production": 12}
# Passwords people copy from examples or try first; refused in production even with digits added.
_COMMON = {
    "password",
    "passw0rd",
    "admin",
    "administrator",
    "netra",
    "rahasia",
    "qwerty",
    "letmein",
    "welcome",
}
_PLACEHOLDER = re.compile(r"change[-_ ]?me|^(?:1234|0000)")


class WeakPassword(Labelled):
    """A password the policy refuses; the message says why."""


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    """argon2-cffi's defaults: argon2id, RFC 9106 low-memory profile."""
    return PasswordHasher()


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; never raises for a wrong or malformed hash."""
    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


# Verified against when the username does not exist, so that an unknown name
# costs as much time as a wrong password and names cannot be probed by timing.
_DUMMY_HASH = None


def burn_time(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not-a-real-account-password")
    verify_password(_DUMMY_HASH, password)


def check_policy(password: str, username: str, env: str) -> None:
    """Raise WeakPassword when ``password`` is not acceptable in ``env``."""
    minimum = MIN_LENGTH.get(env, MIN_LENGTH["production"])
    if len(password) < minimum:
        raise WeakPassword("password.too_short", minimum=minimum)
    lowered = password.lower()
    if lowered == username.lower():
        raise WeakPassword("password.same_as_username")
    stem = re.sub(r"[\d\W_]+$", "", lowered)
    if env == "production" and (stem in _COMMON or _PLACEHOLDER.search(lowered)):
        raise WeakPassword("password.common")
