"""Incident pages: list and search, file, detail with timeline, edit, contacts."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import analysis, audit
from ..domain import analysis as engine
from ..extensions import db
from ..models import Incident, Tag, User
from ..permissions import requires
from . import queries, services, workflow
from .forms import ContactForm, IncidentForm, PauseForm, ResumeForm, StageForm, StatusForm

bp = Blueprint("incidents", __name__, url_prefix="/incidents")


def after_change(incident: Incident) -> None:
    """Incremental pattern detection for what this incident can change. It runs after the
    incident is committed: a fault here is logged, never a lost filing."""
    from ..alerts import services as alerts

    try:
        alerts.after_save(incident)
        db.session.commit()
    except Exception:  # noqa: BLE001 - detection must never break filing
        db.session.rollback()
        current_app.logger.exception(
            "incremental pattern detection failed for %s", incident.reference
        )


def _analyse_on_save(incident: Incident, form: IncidentForm) -> None:
    """Escalation risk from the narrative and the incident's facts, stored on the incident
    (the escalation-risk detector reads it), and the officer's verdict on the suggestions."""
    db.session.flush()
    analysis.score_incident(incident)
    analysis.record_feedback(incident, analysis.parse_suggested(form.suggested.data), current_user)


def get_or_404(reference: str) -> Incident:
    incident = services.get_by_reference(reference)
    if incident is None:
        abort(404)
    return incident


def _owners():
    return db.session.scalars(
        select(User)
        .where(User.role.in_(("officer", "manager")), User.active.is_(True))
        .order_by(User.full_name)
    ).all()


def _form_tags(incident: Incident | None = None):
    tags = db.session.scalars(select(Tag).order_by(Tag.domain.desc(), Tag.name)).all()
    keep = set(incident.tag_slugs) if incident else set()
    return [t for t in tags if not t.retired or t.slug in keep]


@bp.route("")
@requires("incident.read")
def list():  # noqa: A001 - the URL is /incidents; "list" reads best in url_for
    filters = queries.Filters.from_args(request.args)
    page = queries.search_incidents(filters, per_page=25)
    audit.record(
        "list", "incident", None, detail=request.query_string.decode()[:500] or None, commit=True
    )
    return render_template(
        "incidents/list.html",
        page=page,
        filters=filters,
        departments=queries.department_names(),
        tags=db.session.scalars(select(Tag).order_by(Tag.name)).all(),
    )


@bp.route("/new", methods=["GET", "POST"])
@requires("incident.create")
def new():
    form = IncidentForm()
    form.set_choices(_form_tags(), _owners())
    if request.method == "GET":
        form.owner.data = str(current_user.id)
    if form.is_submitted():
        ok = form.validate()
        try:
            clean = services.validate(form.raw_fields())
        except services.ValidationFailed as exc:
            form.apply_errors(exc.errors)
            ok = False
        if ok:
            incident = services.create_incident(clean, user=current_user, kind=form.kind.data)
            incident.owner = db.session.get(User, int(form.owner.data)) if form.owner.data else None
            _analyse_on_save(incident, form)
            audit.record("create", "incident", incident.reference)
            db.session.commit()
            after_change(incident)
            flash(f"Incident {incident.reference} recorded.", "success")
            return redirect(url_for("incidents.detail", reference=incident.reference))
        flash("Nothing was saved yet: please correct the fields marked below.", "danger")
        return render_template(
            "incidents/form.html", form=form, incident=None, departments=queries.department_names()
        ), 422
    return render_template(
        "incidents/form.html", form=form, incident=None, departments=queries.department_names()
    )


@bp.route("/<reference>")
@requires("incident.read")
def detail(reference: str):
    incident = get_or_404(reference)
    audit.read("incident", incident.reference)
    return _render_detail(incident)


def _render_detail(
    incident: Incident, contact_form: ContactForm | None = None, status: int = 200, **forms
):
    from ..domain import workflow as rules
    from ..tasks.forms import TaskForm
    from ..tasks.views import assignable_users

    status_form = forms.get("status_form") or StatusForm(
        prefix="status", formdata=None, severity=incident.severity
    )
    status_form.target.choices = [
        (s, s.capitalize()) for s in rules.allowed_transitions(incident.status)
    ]
    task_form = forms.get("task_form") or TaskForm(prefix="task", formdata=None)
    task_form.assignee.choices = [("", "— choose —")] + [
        (str(u.id), f"{u.full_name} ({u.role})") for u in assignable_users()
    ]
    return render_template(
        "incidents/detail.html",
        incident=incident,
        timeline=queries.timeline(incident),
        contact_form=contact_form or ContactForm(formdata=None),
        clock=workflow.clock(incident),
        today=date.today(),
        status_form=status_form,
        task_form=task_form,
        stage_form=forms.get("stage_form") or StageForm(prefix="stage", formdata=None),
        pause_form=forms.get("pause_form") or PauseForm(prefix="pause", formdata=None),
        resume_form=forms.get("resume_form") or ResumeForm(prefix="resume", formdata=None),
        open_tasks=workflow.open_task_count(incident),
    ), status


@bp.route("/<reference>/edit", methods=["GET", "POST"])
@requires("incident.edit")
def edit(reference: str):
    incident = get_or_404(reference)
    form = IncidentForm(obj=None) if request.method == "POST" else _prefilled(incident)
    form.set_choices(_form_tags(incident), _owners())
    if form.is_submitted():
        ok = form.validate()
        try:
            raw = form.raw_fields()
            raw.pop("stage")  # stage moves through its own dated, explained change
            clean = services.validate(raw, existing=incident)
        except services.ValidationFailed as exc:
            form.apply_errors(exc.errors)
            ok = False
        if ok:
            changes = services.update_incident(incident, clean, user=current_user)
            if form.kind.data != incident.kind:
                changes.append(
                    services.record_change(
                        incident, "kind", incident.kind, form.kind.data, user=current_user
                    )
                )
                incident.kind = form.kind.data
            owner = db.session.get(User, int(form.owner.data)) if form.owner.data else None
            if owner != incident.owner:
                changes.append(
                    services.record_change(
                        incident,
                        "owner",
                        incident.owner.full_name if incident.owner else None,
                        owner.full_name if owner else None,
                        user=current_user,
                    )
                )
                incident.owner = owner
            if changes:
                _analyse_on_save(incident, form)
                audit.record(
                    "update",
                    "incident",
                    incident.reference,
                    detail=", ".join(sorted({c.field for c in changes})),
                )
                db.session.commit()
                after_change(incident)
                flash(f"Incident {incident.reference} updated.", "success")
            else:
                flash("Nothing changed.", "info")
            return redirect(url_for("incidents.detail", reference=incident.reference))
        flash("Nothing was saved yet: please correct the fields marked below.", "danger")
        return render_template(
            "incidents/form.html",
            form=form,
            incident=incident,
            departments=queries.department_names(),
        ), 422
    return render_template(
        "incidents/form.html", form=form, incident=incident, departments=queries.department_names()
    )


def _prefilled(incident: Incident) -> IncidentForm:
    snap = services.snapshot(incident)
    form = IncidentForm(
        formdata=None,
        data={
            **snap,
            "kind": incident.kind,
            "staff_involved": "\n".join(snap["staff_involved"]),
            "primary_tag": snap["primary_tag"] or "",
            "owner": str(incident.owner_id) if incident.owner_id else "",
        },
    )
    return form


@bp.route("/<reference>/contacts", methods=["POST"])
@requires("incident.edit")
def add_contact(reference: str):
    incident = get_or_404(reference)
    form = ContactForm()
    if not form.validate_on_submit():
        flash("The contact was not added: please correct the fields marked below.", "danger")
        return _render_detail(incident, form, 422)
    services.add_contact(
        incident,
        user=current_user,
        contact_at=form.contact_at.data,
        contact_type=form.contact_type.data,
        direction=form.direction.data,
        who=form.who.data.strip(),
        text=form.text.data.strip(),
        answered=form.answered.data if form.direction.data == "inbound" else True,
    )
    audit.record("contact-added", "incident", incident.reference)
    db.session.commit()
    after_change(incident)
    flash(f"Contact added to {incident.reference}.", "success")
    return redirect(url_for("incidents.detail", reference=incident.reference) + "#timeline")


def _workflow_action(reference: str, form_cls, prefix: str, apply, success: str):
    """Validate a small form on the detail page, apply a workflow move, or re-render with
    the reasons (422 for bad fields, 409 for a move the rules refuse) and nothing saved."""
    incident = get_or_404(reference)
    form = form_cls(prefix=prefix)
    if prefix == "status":
        from ..domain import workflow as rules

        form.target.choices = [(s, s) for s in rules.allowed_transitions(incident.status)]
    if not form.validate_on_submit():
        flash("Nothing was changed: please correct the fields marked below.", "danger")
        return _render_detail(incident, status=422, **{f"{prefix}_form": form})
    try:
        apply(incident, form)
    except workflow.WorkflowError as exc:
        db.session.rollback()
        incident = get_or_404(reference)
        form.form_errors.append(str(exc))
        flash(str(exc), "danger")
        return _render_detail(incident, status=409, **{f"{prefix}_form": form})
    audit.record(f"{prefix}-changed", "incident", incident.reference)
    db.session.commit()
    after_change(incident)
    flash(success.format(ref=incident.reference), "success")
    return redirect(url_for("incidents.detail", reference=incident.reference))


@bp.route("/<reference>/status", methods=["POST"])
@requires("incident.edit")
def change_status(reference: str):
    def apply(incident, form):
        workflow.change_status(
            incident,
            form.target.data,
            user=current_user,
            on=form.on.data,
            note=(form.note.data or "").strip() or None,
            learning=(form.learning.data or "").strip() or None,
            responded_on=form.responded_on.data,
            severity_reassessed=form.severity_reassessed.data,
            severity=form.severity.data if form.target.data == "closed" else None,
        )

    return _workflow_action(reference, StatusForm, "status", apply, "{ref}: status changed.")


@bp.route("/<reference>/stage", methods=["POST"])
@requires("incident.edit")
def change_stage(reference: str):
    def apply(incident, form):
        workflow.change_stage(
            incident,
            form.target.data,
            user=current_user,
            on=form.on.data,
            reason=form.reason.data.strip(),
        )

    return _workflow_action(reference, StageForm, "stage", apply, "{ref}: stage changed.")


@bp.route("/<reference>/pause", methods=["POST"])
@requires("incident.edit")
def pause(reference: str):
    def apply(incident, form):
        workflow.pause_clock(
            incident, user=current_user, start=form.start.data, reason=form.reason.data.strip()
        )

    return _workflow_action(reference, PauseForm, "pause", apply, "{ref}: clock paused.")


@bp.route("/<reference>/resume", methods=["POST"])
@requires("incident.edit")
def resume(reference: str):
    def apply(incident, form):
        workflow.resume_clock(incident, user=current_user, end=form.end.data)

    return _workflow_action(reference, ResumeForm, "resume", apply, "{ref}: clock running again.")


@bp.route("/<reference>/tasks", methods=["POST"])
@requires("task.create")
def add_task(reference: str):
    from ..tasks import services as tasks
    from ..tasks.forms import TaskForm

    incident = get_or_404(reference)
    form = TaskForm(prefix="task")
    assignee = (
        db.session.get(User, int(form.assignee.data))
        if (form.assignee.data or "").isdigit()
        else None
    )
    ok = form.validate_on_submit()
    if ok and (assignee is None or not assignee.active):
        form.assignee.errors.append("Choose an active account.")
        ok = False
    if not ok:
        flash("The task was not created: please correct the fields marked below.", "danger")
        return _render_detail(incident, status=422, task_form=form)
    task = tasks.create_task(
        incident,
        user=current_user,
        title=form.title.data.strip(),
        assignee=assignee,
        due_on=form.due_on.data,
        priority=form.priority.data,
        details=(form.details.data or "").strip(),
        share_details=form.share_details.data,
    )
    audit.record("task-created", "task", None, detail=f"{incident.reference}: {task.title}")
    db.session.commit()
    flash(f"Task for {assignee.full_name} added to {incident.reference}.", "success")
    return redirect(url_for("incidents.detail", reference=incident.reference) + "#tasks")


@bp.route("/analyze", methods=["POST"])
@requires("incident.create")
def analyze():
    """The filing form's analysis panel: suggestions with evidence spans, escalation risk.
    JSON in ({"narrative", "department"?}), JSON out; CSRF-protected like every form."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("narrative"), str):
        return {
            "error": {
                "code": "bad_request",
                "message": "Send JSON with a narrative.",
                "fields": {"narrative": ["This field is required."]},
            }
        }, 400
    try:
        result = engine.analyze(body["narrative"], model=analysis.current_model())
    except engine.NarrativeError as exc:
        return {
            "error": {"code": "invalid", "message": str(exc), "fields": {"narrative": [str(exc)]}}
        }, 422
    names = dict(db.session.execute(select(Tag.slug, Tag.name)).all())
    out = result.to_json()
    for tag in out["tags"]:
        tag["name"] = names.get(tag["slug"], tag["slug"])
    out["spans"] = result.evidence_spans()
    return out


# --- CSV import and export -----------------------------------------------------------------

PREVIEW_ROWS = 200


def _upload_dir():
    from pathlib import Path

    path = Path(current_app.instance_path) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _clean_old_uploads(days: int = 1) -> None:
    import time

    for f in _upload_dir().glob("*.csv"):
        if f.stat().st_mtime < time.time() - days * 86400:
            f.unlink(missing_ok=True)


@bp.route("/import", methods=["GET", "POST"])
@requires("incident.import")
def import_csv():
    """Upload a CSV and see how every row will be read; nothing is written yet."""
    import secrets

    from flask import session

    from . import importer
    from .forms import ConfirmImportForm, ImportForm

    form = ImportForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("incidents/import.html", form=form, plan=None), status
    data = form.file.data.read()
    plan = importer.plan(data)
    db.session.rollback()  # planning reads only; release what it loaded
    confirm = None
    if plan.ok:
        _clean_old_uploads()
        token = secrets.token_urlsafe(16)
        (_upload_dir() / f"{token}.csv").write_bytes(data)
        session["import_token"] = token
        confirm = ConfirmImportForm(token=token)
    audit.record(
        "import-preview",
        "incident",
        None,
        detail=f"{len(plan.rows)} rows, {len(plan.errors)} problems",
        commit=True,
    )
    return render_template(
        "incidents/import.html",
        form=form,
        plan=plan,
        confirm=confirm,
        filename=form.file.data.filename,
        preview_rows=PREVIEW_ROWS,
    ), (200 if plan.ok else 422)


@bp.route("/import/confirm", methods=["POST"])
@requires("incident.import")
def confirm_import():
    """Import the previewed file: all rows or none."""
    from flask import session

    from . import importer
    from .forms import ConfirmImportForm, ImportForm

    form = ConfirmImportForm()
    token = form.token.data or ""
    path = _upload_dir() / f"{token}.csv"
    if not form.validate_on_submit() or token != session.get("import_token") or not path.exists():
        flash("That preview has expired: upload the file again.", "warning")
        return redirect(url_for("incidents.import_csv"))
    try:
        plan = importer.import_csv(path.read_bytes(), user=current_user)
    except importer.ImportFailed as exc:
        flash("Nothing was imported: the data changed since the preview.", "danger")
        return render_template(
            "incidents/import.html",
            form=ImportForm(),
            plan=exc.plan,
            confirm=None,
            filename="",
            preview_rows=PREVIEW_ROWS,
        ), 422
    path.unlink(missing_ok=True)
    session.pop("import_token", None)
    flash(
        f"Imported {len(plan.rows)} rows: {plan.count('create')} new, {plan.count('update')} "
        f"updated, {plan.count('unchanged')} unchanged.",
        "success",
    )
    return redirect(url_for("incidents.list"))


@bp.route("/export.csv")
@requires("incident.export")
def export_csv():
    """The incidents the list shows (same filters), in the import columns."""
    from flask import Response, stream_with_context

    from ..domain import csvfile
    from . import importer

    filters = queries.Filters.from_args(request.args)
    stmt = queries.filtered(filters).order_by(Incident.reported_on, Incident.id)
    audit.record(
        "export", "incident", None, detail=request.query_string.decode()[:500] or "all", commit=True
    )
    name = f"concord-incidents-{date.today().isoformat()}.csv"
    return Response(
        stream_with_context(csvfile.write(importer.export_rows(stmt))),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
