"""Forms for filing and working incidents. Field rules come from domain.incident_rules."""

from __future__ import annotations

from datetime import date, datetime

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, Optional

from ..domain import incident_rules, vocab
from ..domain.incident_rules import MAX_LENGTH


def _choices(values):
    return [(v, v.replace("-", " ").capitalize()) for v in values]


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class IncidentForm(FlaskForm):
    kind = SelectField("Record type", choices=_choices(vocab.KINDS), default="concern")
    reported_on = DateField(
        "Reported on",
        validators=[InputRequired("Enter the date it was reported.")],
        default=date.today,
    )
    occurred_on = DateField(
        "Happened on", validators=[InputRequired("Enter the date it happened.")]
    )
    department = StringField(
        "Department", validators=[DataRequired(), Length(max=MAX_LENGTH["department"])]
    )
    source = SelectField("Raised by", choices=_choices(vocab.SOURCES))
    channel = SelectField("Channel", choices=_choices(vocab.CHANNELS))
    patient_identifier = StringField(
        "Patient identifier", validators=[Optional(), Length(max=MAX_LENGTH["patient_identifier"])]
    )
    patient_name = StringField(
        "Patient name", validators=[Optional(), Length(max=MAX_LENGTH["patient_name"])]
    )
    staff_involved = TextAreaField(
        "Staff involved",
        description="One name per line (or separated by ';'). New names join the staff directory.",
        validators=[Optional()],
    )
    summary = StringField(
        "Summary",
        validators=[DataRequired(), Length(max=MAX_LENGTH["summary"])],
        description="One line an officer would put in a report (at most 200 characters).",
    )
    narrative = TextAreaField(
        "What happened, in the patient's or family's own words",
        validators=[DataRequired(), Length(max=MAX_LENGTH["narrative"])],
    )
    tags = MultiCheckboxField("Root causes", choices=[], validate_choice=False)
    primary_tag = SelectField("Primary root cause", choices=[], validate_choice=False)
    severity = SelectField("Severity", choices=_choices(vocab.SEVERITIES), default="low")
    stage = SelectField("Dispute stage", choices=_choices(vocab.STAGES), default="concern")
    owner = SelectField("Responsible owner", choices=[], coerce=str, validate_choice=False)
    # The suggestions the officer was shown ({"slug": score}), set by the analysis panel:
    # what they tick or leave is stored as feedback the tagger learns from.
    suggested = HiddenField()

    def set_choices(self, tags, owners):
        self.tags.choices = [(t.slug, t.name) for t in tags]
        self.primary_tag.choices = [
            ("", "— choose one of the ticked root causes —")
        ] + self.tags.choices
        self.owner.choices = [("", "— unassigned —")] + [(str(u.id), u.full_name) for u in owners]

    def raw_fields(self) -> dict:
        """The form's values as interface fields, for domain validation and the services."""
        staff = (self.staff_involved.data or "").replace("\r", "").replace("\n", ";")
        return {
            "reported_on": self.reported_on.data,
            "occurred_on": self.occurred_on.data,
            "department": self.department.data or "",
            "source": self.source.data,
            "channel": self.channel.data,
            "patient_identifier": self.patient_identifier.data or "",
            "patient_name": self.patient_name.data or "",
            "staff_involved": staff,
            "summary": self.summary.data or "",
            "narrative": self.narrative.data or "",
            "tags": list(self.tags.data or []),
            "primary_tag": self.primary_tag.data or None,
            "severity": self.severity.data,
            "stage": self.stage.data,
        }

    def apply_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            field = getattr(self, name, None)
            target = field.errors if field is not None else self.form_errors
            for message in messages:
                if message not in target:
                    if isinstance(target, tuple):
                        target = list(target)
                        field.errors = target
                    target.append(message)


class ContactForm(FlaskForm):
    contact_at = DateTimeLocalField(
        "When",
        format="%Y-%m-%dT%H:%M",
        default=lambda: datetime.now().replace(second=0, microsecond=0),
        validators=[InputRequired("Enter when the contact happened.")],
    )
    contact_type = SelectField("Type", choices=_choices(vocab.CONTACT_TYPES))
    direction = SelectField(
        "Direction",
        choices=[
            ("inbound", "From the patient or family"),
            ("outbound", "From us to them"),
            ("internal", "Internal note"),
        ],
    )
    who = StringField(
        "Who",
        validators=[DataRequired(), Length(max=120)],
        description="Who spoke or wrote, e.g. 'Daughter (Mrs Jones)', 'Ward sister'.",
    )
    text = TextAreaField("What was said or agreed", validators=[DataRequired(), Length(max=10_000)])
    answered = BooleanField("Answered (nothing outstanding from this contact)", default=True)

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.contact_at.data and self.contact_at.data > datetime.now():
            self.contact_at.errors.append("This is in the future.")
            ok = False
        elif self.contact_at.data and self.contact_at.data.year < 1900:
            self.contact_at.errors.append("This is too far in the past.")
            ok = False
        for field in (self.who, self.text):
            if field.data and (problem := incident_rules.text_problem(field.data)):
                field.errors.append(problem)
                ok = False
        return ok


def _plain(form, field):
    if field.data and (problem := incident_rules.text_problem(field.data)):
        from wtforms.validators import ValidationError

        raise ValidationError(problem)


class StatusForm(FlaskForm):
    target = SelectField(
        "Move to",
        choices=[],
        validate_choice=False,
        validators=[DataRequired("Choose the new status.")],
    )
    on = DateField("On", default=date.today, validators=[InputRequired("Enter the date.")])
    note = TextAreaField("Note", validators=[Optional(), Length(max=2000), _plain])
    # Closing is a decision (spec/domain.md): these are asked when closing.
    responded_on = DateField("Final response sent on", validators=[Optional()])
    severity = SelectField(
        "Severity, re-assessed",
        choices=_choices(vocab.SEVERITIES),
        validators=[Optional(), AnyOf(vocab.SEVERITIES)],
        validate_choice=False,
    )
    severity_reassessed = BooleanField("I have re-assessed the severity")
    learning = TextAreaField(
        "What was learned, and what will change", validators=[Optional(), Length(max=5000), _plain]
    )


class StageForm(FlaskForm):
    target = SelectField("New stage", choices=_choices(vocab.STAGES))
    on = DateField("Since", default=date.today, validators=[InputRequired("Enter the date.")])
    reason = TextAreaField(
        "Why",
        validators=[DataRequired("Say why the stage changed."), Length(max=2000), _plain],
        description="e.g. 'Written complaint received from the daughter'.",
    )


class PauseForm(FlaskForm):
    start = DateField(
        "Paused from", default=date.today, validators=[InputRequired("Enter the date.")]
    )
    reason = StringField(
        "Reason",
        validators=[DataRequired("Say why the clock stops."), Length(max=500), _plain],
        description="e.g. 'Waiting for the patient's consent to share records'.",
    )


class ResumeForm(FlaskForm):
    end = DateField(
        "Running again from", default=date.today, validators=[InputRequired("Enter the date.")]
    )


class ImportForm(FlaskForm):
    file = FileField(
        "CSV file",
        validators=[
            FileRequired("Choose a CSV file."),
            FileAllowed(["csv", "txt"], "Choose a .csv file (Excel: Save As > CSV UTF-8)."),
        ],
    )


class ConfirmImportForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])
