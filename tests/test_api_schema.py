"""Property-based run of the whole API against its own OpenAPI document (schemathesis):
whatever a client sends, no 500 and no answer outside the documented schemas."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tracker.extensions import db
from tracker.models import ApiToken


@pytest.fixture
def bearer(app, make_user):
    user = make_user("manager")  # sees every endpoint, clinician alerts included
    row, secret = ApiToken.issue(user, "schemathesis")
    db.session.add(row)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_no_input_breaks_the_api(app, bearer, make_incident):
    make_incident()  # something to find, patch and add contacts to
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            case.call_and_validate(headers=bearer, checks=CHECKS)

        run()
