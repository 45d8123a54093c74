"""Startup refusals for production and security headers on every response."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netra.config import DEFAULT_SECRET_KEY, Settings
from netra.errors import NetraError

MIN_SECRET_LENGTH = 32

# No inline script or style anywhere: a script that slipped past escaping would still not run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class InsecureConfiguration(NetraError):
    """The app must not start with these settings."""


def check_settings(settings: Settings) -> None:
    """Refuse to serve production with the development key or a weak one."""
    if settings.env != "production":
        return
    key = settings.secret_key.get_secret_value()
    if key == DEFAULT_SECRET_KEY or "change-me" in key.lower():
        raise InsecureConfiguration(
            "NETRA_SECRET_KEY is the default or a placeholder; set a random value of 32+ characters "
            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`) before serving in production"
        )
    if len(key) < MIN_SECRET_LENGTH:
        raise InsecureConfiguration(f"NETRA_SECRET_KEY must have at least {MIN_SECRET_LENGTH} characters")


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): adds HEADERS; pages are not cached."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if self.hsts:
                    headers.setdefault("strict-transport-security", "max-age=31536000")
                if not static:
                    headers.setdefault("cache-control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)
