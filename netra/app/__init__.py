"""The review app (`netra serve`): monitors review media cases, analysts read the dashboard.

FastAPI with server-rendered Jinja templates, a little vanilla JavaScript and
CSS served from ``static/`` (no CDN: the app runs offline). It reads the
warehouse marts and writes ``raw.review_decisions``, ``raw.users`` and
``raw.audit_log``. :func:`netra.app.factory.create_app` builds it.
"""
