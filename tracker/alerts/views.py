"""Alerts: the patterns managers act on while incidents are still concerns."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select

from .. import audit
from ..domain import vocab
from ..extensions import db
from ..models import Alert, AlertIncident, Incident, User, utcnow
from ..permissions import can, requires
from ..tasks import services as tasks
from ..tasks.views import assignable_users
from . import services
from .forms import ActForm, DismissForm

bp = Blueprint("alerts", __name__, url_prefix="/alerts")


def _visible(stmt):
    """Clinician comparisons are for managers only (spec: a private, non-punitive review)."""
    if not can(current_user.role, "alert.clinician"):
        stmt = stmt.where(Alert.kind != "clinician")
    return stmt


@bp.route("")
@requires("alert.read")
def index():
    kind = request.args.get("kind", "")
    status = request.args.get("status", "open")
    stmt = _visible(select(Alert))
    if kind in vocab.ALERT_KINDS:
        stmt = stmt.where(Alert.kind == kind)
    if status in vocab.ALERT_STATUSES:
        stmt = stmt.where(Alert.status == status)
    elif status != "all":
        status = "open"
        stmt = stmt.where(Alert.status == "open")
    alerts = db.session.scalars(
        stmt.order_by(Alert.score.desc(), Alert.last_seen.desc()).limit(300)
    ).all()
    sizes = dict(
        db.session.execute(
            select(AlertIncident.alert_id, func.count())
            .where(AlertIncident.alert_id.in_([a.id for a in alerts]))
            .group_by(AlertIncident.alert_id)
        ).all()
    )
    counts = dict(
        db.session.execute(
            _visible(
                select(Alert.kind, func.count()).where(Alert.status == "open").group_by(Alert.kind)
            )
        ).all()
    )
    return render_template(
        "alerts/index.html", alerts=alerts, sizes=sizes, counts=counts, kind=kind, status=status
    )


def _alert_or_404(alert_id: int) -> Alert:
    alert = db.session.get(Alert, alert_id)
    if alert is None or (
        alert.kind == "clinician" and not can(current_user.role, "alert.clinician")
    ):
        abort(404)
    return alert


def _render(
    alert: Alert, status: int = 200, dismiss: DismissForm | None = None, act: ActForm | None = None
):
    incidents = db.session.scalars(
        select(Incident)
        .join(AlertIncident, AlertIncident.incident_id == Incident.id)
        .where(AlertIncident.alert_id == alert.id)
        .order_by(Incident.reported_on.desc())
    ).all()
    act = act or ActForm(prefix="act", formdata=None, title=f"Review: {alert.summary[:180]}")
    act.assignee.choices = [("", "— choose —")] + [
        (str(u.id), f"{u.full_name} ({u.role})") for u in assignable_users()
    ]
    if act.assignee.data in (None, ""):
        act.assignee.data = str(current_user.id)
    linked_tasks = [t for i in incidents for t in i.tasks if t.alert_id == alert.id]
    audit.read("alert", str(alert.id))
    return render_template(
        "alerts/detail.html",
        alert=alert,
        incidents=incidents,
        lead_times=services.lead_times(alert),
        dismiss_form=dismiss or DismissForm(prefix="dismiss", formdata=None),
        act_form=act,
        linked_tasks=linked_tasks,
        may_act=can(current_user.role, "alert.act"),
    ), status


@bp.route("/<int:alert_id>")
@requires("alert.read")
def detail(alert_id: int):
    return _render(_alert_or_404(alert_id))


def _set_status(alert: Alert, status: str) -> None:
    alert.status = status
    alert.status_changed_by_id = current_user.id
    alert.status_changed_at = utcnow()


@bp.route("/<int:alert_id>/acknowledge", methods=["POST"])
@requires("alert.act")
def acknowledge(alert_id: int):
    alert = _alert_or_404(alert_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    _set_status(alert, "acknowledged")
    audit.record("alert-acknowledged", "alert", str(alert.id))
    db.session.commit()
    flash("Alert acknowledged.", "success")
    return redirect(url_for("alerts.detail", alert_id=alert.id))


@bp.route("/<int:alert_id>/dismiss", methods=["POST"])
@requires("alert.act")
def dismiss(alert_id: int):
    alert = _alert_or_404(alert_id)
    form = DismissForm(prefix="dismiss")
    if not form.validate_on_submit():
        return _render(alert, 422, dismiss=form)
    _set_status(alert, "dismissed")
    alert.dismissed_reason = form.reason.data.strip()
    alert.dismissed_size = len(services.incident_references(alert))
    audit.record("alert-dismissed", "alert", str(alert.id), detail=alert.dismissed_reason)
    db.session.commit()
    flash("Alert dismissed; it stays quiet unless the pattern grows materially.", "success")
    return redirect(url_for("alerts.index"))


@bp.route("/<int:alert_id>/act", methods=["POST"])
@requires("alert.act")
def act(alert_id: int):
    alert = _alert_or_404(alert_id)
    form = ActForm(prefix="act")
    assignee = (
        db.session.get(User, int(form.assignee.data))
        if (form.assignee.data or "").isdigit()
        else None
    )
    ok = form.validate_on_submit()
    if ok and (assignee is None or not assignee.active):
        form.assignee.errors.append("Choose an active account.")
        ok = False
    newest = db.session.scalars(
        select(Incident)
        .join(AlertIncident, AlertIncident.incident_id == Incident.id)
        .where(AlertIncident.alert_id == alert.id)
        .order_by(Incident.reported_on.desc())
    ).first()
    if ok and newest is None:
        form.form_errors.append("This alert has no incidents to attach a task to.")
        ok = False
    if not ok:
        return _render(alert, 422, act=form)
    title = form.title.data.strip()
    if form.what.data == "review" and not title.lower().startswith("review"):
        title = f"Review meeting: {title}"
    task = tasks.create_task(
        newest,
        user=current_user,
        title=title[:200],
        assignee=assignee,
        due_on=form.due_on.data,
        priority="high",
        details=f"Raised from alert #{alert.id}: {alert.summary}",
        share_details=True,
        alert_id=alert.id,
    )
    _set_status(alert, "actioned")
    audit.record("alert-actioned", "alert", str(alert.id), detail=f"task {task.id}")
    db.session.commit()
    flash(f"Task created for {assignee.full_name} and linked to this alert.", "success")
    return redirect(url_for("alerts.detail", alert_id=alert.id))
