from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from ..domain import vocab

ROLE_CHOICES = [(r, r.capitalize()) for r in vocab.ROLES]
SLUG = Regexp(
    r"^[a-z][a-z0-9-]{1,62}[a-z0-9]$",
    message="Lower-case letters, digits and hyphens, e.g. 'discharge-planning'.",
)


class UserForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[
            DataRequired(),
            Length(max=64),
            Regexp(r"^[A-Za-z0-9._-]+$", message="Letters, digits, '.', '_' and '-' only."),
        ],
    )
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = StringField(
        "E-mail", validators=[Optional(), Email(check_deliverability=False), Length(max=254)]
    )
    role = SelectField("Role", choices=ROLE_CHOICES)
    password = PasswordField(
        "Initial password", validators=[DataRequired(), Length(min=10, max=200)]
    )


class EditUserForm(FlaskForm):
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = StringField(
        "E-mail", validators=[Optional(), Email(check_deliverability=False), Length(max=254)]
    )
    role = SelectField("Role", choices=ROLE_CHOICES)


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=200)])


class TagForm(FlaskForm):
    slug = StringField("Slug (permanent identifier)", validators=[DataRequired(), SLUG])
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    domain = SelectField("Domain", choices=[(d, d.capitalize()) for d in vocab.DOMAINS])
    description = TextAreaField("What it means", validators=[Optional(), Length(max=2000)])


class RenameTagForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    description = TextAreaField("What it means", validators=[Optional(), Length(max=2000)])
