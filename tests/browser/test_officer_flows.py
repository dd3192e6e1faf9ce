"""What an officer and a staff member do, in a real browser."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect


def test_officer_files_an_incident_adds_a_contact_finds_it_and_sees_history(
    page, live_server, sign_in
):
    sign_in("officer")
    page.click("text=New incident")
    page.fill("#summary", "Son says nobody explained the risks of the angiogram")
    page.fill(
        "#narrative",
        "My father had an angiogram and bled badly from the wrist. "
        "Nobody mentioned that could happen.",
    )
    page.fill("#occurred_on", (date.today() - timedelta(days=4)).isoformat())
    page.fill("#reported_on", (date.today() - timedelta(days=1)).isoformat())
    page.fill("#department", "Cardiology")
    page.select_option("#source", "family")
    page.check("input[value=unexplained-risk]")
    page.select_option("#primary_tag", "unexplained-risk")
    page.fill("#patient_identifier", "NHS-9990001112")
    page.click("button:has-text('Record incident')")
    expect(page.locator(".alert-success")).to_contain_text("recorded")
    reference = page.locator("h1").inner_text().split()[0]

    page.fill("#who", "Son (Mr Ade)")
    page.fill("#text", "Phoned to ask why nobody warned them about bleeding.")
    page.click("button:has-text('Add to timeline')")
    expect(page.locator("#timeline")).to_contain_text("nobody warned them about bleeding")

    page.click("a:has-text('Edit')")
    page.select_option("#severity", "high")
    page.click("button:has-text('Save changes')")
    expect(page.locator("#timeline")).to_contain_text("Severity")
    expect(page.locator("#timeline .new-value").last).to_have_text("high")

    page.goto(f"{live_server}/incidents")
    page.fill("#q", "angiogram")
    page.click("button:has-text('Search')")
    expect(page.locator("table")).to_contain_text(reference)


def test_form_errors_show_next_to_fields_and_keep_what_was_typed(page, live_server, sign_in):
    sign_in("officer")
    page.goto(f"{live_server}/incidents/new")
    page.fill("#summary", "Kept summary")
    page.fill("#occurred_on", (date.today() + timedelta(days=2)).isoformat())
    page.click("button:has-text('Record incident')")
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    expect(page.locator("#summary")).to_have_value("Kept summary")
    expect(page.locator("#narrative")).to_have_attribute("aria-invalid", "true")


def test_staff_member_completes_a_task_and_officer_sees_the_outcome(
    app, page, browser, live_server, sign_in, make_user, make_incident
):
    from tests.conftest import PASSWORD

    nurse = make_user("staff", full_name="Nurse Grace Okafor")
    incident = make_incident()
    sign_in("officer")
    page.goto(f"{live_server}/incidents/{incident.reference}")
    page.click("summary:has-text('Add a task')")
    page.fill("#task-title", "Explain the operation's risks to the daughter")
    page.select_option("#task-assignee", str(nurse.id))
    page.fill("#task-due_on", (date.today() + timedelta(days=3)).isoformat())
    page.click("button:has-text('Assign task')")
    expect(page.locator("#tasks")).to_contain_text("Explain the operation")

    staff_context = browser.new_context()
    staff = staff_context.new_page()
    staff.goto(f"{live_server}/login")
    staff.fill("input[name=username]", nurse.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.click("button[type=submit]")
    expect(staff.locator("h1")).to_contain_text("My tasks")
    expect(staff.locator("#unread-count")).to_have_text("1 unread")
    staff.click("text=Explain the operation's risks")
    expect(staff.locator("body")).not_to_contain_text("walk unaided")  # narrative not shared
    staff.fill("#done-outcome", "Met the daughter, went through the risks leaflet together.")
    staff.click("button:has-text('Done')")
    expect(staff.locator("[role=alert].alert-success")).to_contain_text("Task done")
    assert staff.goto(f"{live_server}/incidents").status == 403
    staff_context.close()

    page.goto(f"{live_server}/incidents/{incident.reference}")
    expect(page.locator("#timeline")).to_contain_text("went through the risks leaflet")
