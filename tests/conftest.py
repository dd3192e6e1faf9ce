"""Fixtures: one app per test on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.

The schema is built by the real migrations once per database and session; each test then
starts from empty tables plus the shipped taxonomy. On PostgreSQL every run works in a
schema of its own, dropped at the end, so two runs sharing a database never collide.
"""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from tracker import create_app
from tracker.extensions import db

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
PASSWORD = "correct horse battery"


class FreshContextClient(FlaskClient):
    """Each request runs in its own app context (own `g`, own DB session), as in production,
    even though the test itself holds an app context open; afterwards the test's session
    forgets what it had loaded, so it sees what the request committed."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


def _migrate(url: str) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        _migrate(url)
        yield url
        return
    base = os.environ["TEST_DATABASE_URL"]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    _migrate(url)
    yield url
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def _empty_tables() -> None:
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def app_config():
    """Override in a test module (or parametrize) to change the app's configuration."""
    return {}


@pytest.fixture
def app(database_url, app_config):
    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "SECRET_KEY": "test-secret",
        **app_config,
    }
    application = create_app(config)
    application.test_client_class = FreshContextClient
    with application.app_context():
        from tracker.cli import seed_taxonomy

        _empty_tables()
        seed_taxonomy()
        yield application
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    from tracker.models import User

    def make(role: str = "officer", username: str | None = None, **fields):
        user = User(
            username=username or f"{role}-{uuid.uuid4().hex[:6]}",
            full_name=fields.pop("full_name", f"Test {role.capitalize()}"),
            role=role,
            **fields,
        )
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def login_as(client, make_user):
    """Sign in through the real login form with a fresh account of that role."""

    def login(role: str = "officer", **fields):
        user = make_user(role, **fields)
        response = client.post("/login", data={"username": user.username, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return user

    return login


def incident_data(**overrides) -> dict:
    """Valid incident fields (interface names), as a form or CSV would give them."""
    today = date.today()
    data = {
        "reported_on": (today - timedelta(days=2)).isoformat(),
        "occurred_on": (today - timedelta(days=5)).isoformat(),
        "department": "Orthopaedics",
        "source": "family",
        "channel": "phone",
        "patient_identifier": "NHS-4857773456",
        "patient_name": "Margaret Hill",
        "staff_involved": "Dr A. Patel; Nurse Jo Green",
        "summary": "Daughter says the risks of hip surgery were never explained",
        "narrative": (
            "My mother had her hip replaced and nobody told us she might not be able to "
            "walk unaided for weeks. We only found out when the physio mentioned it."
        ),
        "tags": ["unexplained-risk", "expectation-mismatch"],
        "primary_tag": "unexplained-risk",
        "severity": "medium",
        "stage": "concern",
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_incident(app):
    from tracker.incidents import services

    def make(user=None, kind="concern", **overrides):
        clean = services.validate(incident_data(**overrides))
        incident = services.create_incident(clean, user=user, kind=kind)
        db.session.commit()
        return incident

    return make


@pytest.fixture
def incident(make_incident):
    return make_incident()
