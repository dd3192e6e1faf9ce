"""A live server in a thread and Playwright driving Debian's Chromium.

Without Chromium the browser tests skip, unless CONCORD_REQUIRE_BROWSER is set (CI sets
it after installing Chromium), in which case they fail: CI must never pass by skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import threading

import pytest
from werkzeug.serving import make_server

# Answers the tests provoke on purpose (a form with errors is a 422); anything else, a 404
# for a missing asset or a 500, fails the test.
EXPECTED = re.compile(r"status of (400|401|403|409|422) ")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("CONCORD_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (CONCORD_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            msg.type == "error" and not EXPECTED.search(msg.text) and errors.append(msg.text)
        ),
    )
    yield page
    context.close()
    assert errors == [], f"browser errors: {errors}"


@pytest.fixture
def sign_in(page, live_server, make_user):
    from tests.conftest import PASSWORD

    def sign_in_as(role: str, **fields):
        user = make_user(role, **fields)
        page.goto(f"{live_server}/login")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return user

    return sign_in_as
