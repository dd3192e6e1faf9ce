from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..domain import incident_rules, vocab


def _plain(form, field):
    if field.data and (problem := incident_rules.text_problem(field.data)):
        from wtforms.validators import ValidationError

        raise ValidationError(problem)


class TaskForm(FlaskForm):
    title = StringField(
        "What needs doing",
        validators=[DataRequired(), Length(max=200), _plain],
        description="e.g. 'Explain the operation's risks to the patient's daughter'.",
    )
    details = TextAreaField(
        "Details for the assignee", validators=[Optional(), Length(max=5000), _plain]
    )
    assignee = SelectField(
        "Assign to",
        coerce=str,
        validate_choice=False,
        validators=[DataRequired("Choose who should do it.")],
    )
    due_on = DateField("Due", validators=[InputRequired("Enter a due date.")])
    priority = SelectField(
        "Priority", choices=[(p, p.capitalize()) for p in vocab.TASK_PRIORITIES], default="normal"
    )
    share_details = BooleanField(
        "Share the narrative and patient details with the assignee", default=False
    )

    def validate_due_on(self, field):
        if field.data and field.data < date.today():
            from wtforms.validators import ValidationError

            raise ValidationError("The due date has passed already.")


class OutcomeForm(FlaskForm):
    outcome = TextAreaField(
        "Outcome", validators=[DataRequired("Say what was done."), Length(max=5000), _plain]
    )


class DeclineForm(FlaskForm):
    reason = TextAreaField(
        "Why you cannot do it",
        validators=[
            DataRequired("Give a reason, so the officer can reassign it."),
            Length(max=2000),
            _plain,
        ],
    )


class ReopenForm(FlaskForm):
    assignee = SelectField("Assign to", coerce=str, validate_choice=False)
    due_on = DateField("New due date", validators=[Optional()])


class CancelForm(FlaskForm):
    reason = TextAreaField(
        "Why it is no longer needed",
        validators=[DataRequired("Give a reason."), Length(max=2000), _plain],
    )
