"""Build the review app: settings checks, database engine, middleware, routes, error pages."""

from __future__ import annotations

from urllib.parse import urlencode

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from netra.app import auth, csrf, i18n, security
from netra.app.cache import TTLCache
from netra.app.queries import WarehouseMissing
from netra.app.routes import admin, case, cases, dashboard, session
from netra.app.web import STATIC, language, make_templates, render
from netra.config import Settings, get_settings
from netra.db.engine import check, database_url

SESSION_COOKIE = "netra_session"


def make_engine(settings: Settings) -> sa.Engine:
    """The app's own pool, sized for a few dozen concurrent requests per worker."""
    url = database_url(settings)
    check(url, settings.db_connect_timeout)
    return sa.create_engine(
        url.render_as_string(hide_password=False),
        pool_size=20,
        max_overflow=10,
        pool_pre_ping=True,
        connect_args={"connect_timeout": settings.db_connect_timeout},
    )


def create_app(settings: Settings | None = None, engine: sa.Engine | None = None) -> FastAPI:
    """The ASGI app. Raises InsecureConfiguration for unsafe production settings."""
    settings = settings or get_settings()
    security.check_settings(settings)
    production = settings.env == "production"
    app = FastAPI(
        title="Netra review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(csrf.protect)],
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings)
    app.state.templates = make_templates()
    app.state.cache = TTLCache(settings.app_cache_seconds)

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key.get_secret_value(),
        session_cookie=SESSION_COOKIE,
        max_age=settings.session_hours * 3600,
        same_site="lax",
        https_only=production,
    )
    app.add_middleware(security.SecurityHeaders, hsts=production)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (session, cases, case, dashboard, admin):
        app.include_router(module.router)
    _error_pages(app)
    return app


def _wants_html(request: Request) -> bool:
    return request.method in ("GET", "HEAD")


def _error_pages(app: FastAPI) -> None:
    @app.exception_handler(auth.LoginRequired)
    async def login_required(request: Request, exc: auth.LoginRequired) -> Response:
        if _wants_html(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?{_next(target)}", status_code=303)
        return render(request, "error.html", {"message": "login.title", "status": 401}, status_code=401)

    @app.exception_handler(auth.Forbidden)
    async def forbidden(request: Request, exc: auth.Forbidden) -> Response:
        return render(request, "error.html", {"message": "error.403", "status": 403}, status_code=403)

    @app.exception_handler(WarehouseMissing)
    async def warehouse_missing(request: Request, exc: WarehouseMissing) -> Response:
        return render(
            request,
            "error.html",
            {"message": "error.warehouse", "detail": str(exc), "status": 503},
            status_code=503,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        fields = i18n.invalid_fields(exc.errors(), language(request))
        return render(
            request,
            "error.html",
            {"message": "error.invalid", "detail": fields, "status": 422},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {403: "error.csrf", 404: "error.404"}
        # Starlette's own details (e.g. "Method Not Allowed") are English: show a label instead.
        message = messages.get(exc.status_code, "error.other")
        return render(
            request,
            "error.html",
            {"message": message, "status": exc.status_code},
            status_code=exc.status_code,
        )


def _next(target: str) -> str:
    return urlencode({"next": target})
