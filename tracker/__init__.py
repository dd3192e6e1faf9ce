"""Concord: a dispute-prevention incident tracker for hospital patient-relations teams."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError

from .extensions import bootstrap, csrf, db, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    from .config import defaults

    app.config.from_mapping(defaults(Path(app.instance_path)))
    app.config.from_pyfile("config.py", silent=True)
    if config:
        app.config.update(config)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    bootstrap.init_app(app)

    from . import models  # noqa: F401  (register models with the metadata)

    @login_manager.user_loader
    def load_user(user_id: str):
        try:
            return db.session.get(models.User, int(user_id))
        except (TypeError, ValueError):
            return None

    _register_blueprints(app)
    from .api import init_api

    init_api(app)
    _register_errors(app)
    _register_security_headers(app)
    _register_template_helpers(app)

    from .cli import register as register_cli

    register_cli(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from .admin.views import bp as admin_bp
    from .alerts.views import bp as alerts_bp
    from .auth.views import bp as auth_bp
    from .incidents.views import bp as incidents_bp
    from .main.views import bp as main_bp
    from .notifications.views import bp as notifications_bp
    from .tasks.views import bp as tasks_bp

    for bp in (auth_bp, main_bp, incidents_bp, admin_bp, tasks_bp, notifications_bp, alerts_bp):
        app.register_blueprint(bp)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


_API_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    500: "server_error",
}


def _flatten(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs/marshmallow messages ({"json": {"tags": {0: ["..."]}}}) as field -> [text]."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key in ("json", "query", "form", "files") and not prefix:
                name = ""
            if key == "_schema":
                name = prefix or "body"
            for field, texts in _flatten(value, name).items():
                out.setdefault(field, []).extend(texts)
    elif isinstance(messages, list | tuple):
        for m in messages:
            if isinstance(m, dict | list):
                for field, texts in _flatten(m, prefix).items():
                    out.setdefault(field, []).extend(texts)
            else:
                out.setdefault(prefix or "body", []).append(str(m))
    else:
        out.setdefault(prefix or "body", []).append(str(messages))
    return out


def _api_error(code: int, message: str, error=None):
    """The API's one error shape (spec/interfaces.md). A body too large to read is a 400:
    the documented codes are 400, 401, 403, 404, 409 and 422."""
    from flask import jsonify

    fields = {}
    data = getattr(error, "data", None)
    if isinstance(data, dict) and data.get("messages"):
        fields = _flatten(data["messages"])
        if code == 400 and "body" in fields:
            message = "The body is not valid JSON."
    name = _API_CODES.get(code, str(code))
    if code == 413:
        code, message = 400, "The request body is larger than Concord accepts."
    response = jsonify(error={"code": name, "message": message, "fields": fields})
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="concord"'
    return response, code


def _register_errors(app: Flask) -> None:
    def page(code: int, title: str, message: str, error=None):
        if _wants_json():
            return _api_error(code, message, error)
        return render_template("error.html", code=code, title=title, message=message), code

    @app.errorhandler(401)
    def unauthorized(e):
        return page(401, "Sign in", "Sign in to continue.")

    @app.errorhandler(409)
    def conflict(e):
        return page(
            409,
            "Conflict",
            getattr(e, "description", "") or "That conflicts with the current state.",
        )

    @app.errorhandler(422)
    def unprocessable(e):
        return page(422, "Not valid", "Some fields are not valid; nothing was saved.", e)

    @app.errorhandler(400)
    def bad_request(e):
        return page(
            400,
            "Bad request",
            getattr(e, "description", "") or "The request was not understood.",
            e,
        )

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return page(
            400,
            "Form expired",
            "The form was out of date or not sent from Concord. "
            "Go back, reload the page and try again.",
        )

    @app.errorhandler(403)
    def forbidden(e):
        return page(403, "Not allowed", "Your role does not give access to this page.")

    @app.errorhandler(404)
    def not_found(e):
        return page(404, "Not found", "There is nothing at this address.")

    @app.errorhandler(405)
    def not_allowed(e):
        return page(405, "Method not allowed", "This address does not accept that request.")

    @app.errorhandler(413)
    def too_large(e):
        return page(413, "Too large", "What you sent is larger than Concord accepts.")

    @app.errorhandler(500)
    def server_error(e):
        db.session.rollback()
        return page(
            500,
            "Something went wrong",
            "Nothing was saved. Please try again; if it happens again, tell your administrator.",
        )


def _register_security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _register_template_helpers(app: Flask) -> None:
    from .domain import vocab
    from .permissions import user_can

    # (endpoint, label, permission): the main navigation, shown by role.
    nav = [
        ("tasks.mine", "My tasks", "task.work"),
        ("dashboard.index", "Dashboard", "dashboard.read"),
        ("incidents.list", "Incidents", "incident.read"),
        ("alerts.index", "Alerts", "alert.read"),
        ("reports.monthly", "Reports", "report.read"),
        ("admin.users", "Users", "admin.users"),
        ("admin.tags", "Taxonomy", "admin.tags"),
        ("admin.audit_log", "Audit", "admin.audit"),
    ]

    @app.context_processor
    def helpers():
        from flask_login import current_user

        from .notifications.services import unread_count

        links = [item for item in nav if item[0] in app.view_functions]
        signed_in = current_user and current_user.is_authenticated
        return {
            "can": user_can,
            "vocab": vocab,
            "nav_links": links,
            "unread_notices": unread_count(current_user.id) if signed_in else 0,
            "has_endpoint": lambda name: name in app.view_functions,
        }
