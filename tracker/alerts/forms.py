from datetime import date, timedelta

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from ..tasks.forms import _plain


class DismissForm(FlaskForm):
    reason = TextAreaField(
        "Why this is not a concern",
        validators=[
            DataRequired("Give a reason; it stays with the alert."),
            Length(max=2000),
            _plain,
        ],
    )


class ActForm(FlaskForm):
    what = SelectField(
        "Action",
        choices=[("task", "Follow-up task"), ("review", "Review meeting")],
        default="review",
    )
    title = StringField("Title", validators=[DataRequired(), Length(max=200), _plain])
    assignee = SelectField(
        "Assign to",
        coerce=str,
        validate_choice=False,
        validators=[DataRequired("Choose who should do it.")],
    )
    due_on = DateField(
        "Due",
        default=lambda: date.today() + timedelta(days=7),
        validators=[InputRequired("Enter a due date.")],
    )

    def validate_due_on(self, field):
        if field.data and field.data < date.today():
            from wtforms.validators import ValidationError

            raise ValidationError("The due date has passed already.")
