"""`flask --app app COMMAND`: thin wrappers over the services (spec/interfaces.md)."""

from __future__ import annotations

import io
import json
import sys

import click
from flask import Flask
from sqlalchemy import select

from .domain import vocab
from .extensions import db
from .models import ApiToken, Tag, User


def seed_taxonomy() -> int:
    """Add the shipped tags that are missing; never overwrite an admin's renames."""
    existing = set(db.session.scalars(select(Tag.slug)))
    added = 0
    for slug, (domain, name, description) in vocab.TAXONOMY.items():
        if slug not in existing:
            db.session.add(Tag(slug=slug, name=name, domain=domain, description=description))
            added += 1
    db.session.commit()
    return added


def register(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db():
        """Create or upgrade the schema (migrations) and the shipped taxonomy."""
        from flask_migrate import upgrade

        upgrade()
        added = seed_taxonomy()
        click.echo(f"Database is at the latest schema; {added} taxonomy tags added.")

    @app.cli.command("create-user")
    @click.argument("name")
    @click.option("--role", type=click.Choice(vocab.ROLES), required=True)
    @click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
    @click.option("--full-name", default=None, help="Display name (defaults to NAME).")
    def create_user(name, role, password_stdin, full_name):
        """Add an account."""
        if db.session.scalar(select(User).where(User.username == name)):
            raise click.ClickException(f"An account named {name!r} exists already.")
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        if len(password) < 10:
            raise click.ClickException("The password must have at least 10 characters.")
        user = User(username=name, full_name=full_name or name, role=role)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        click.echo(f"Created {role} account {name}.")

    @app.cli.command("seed-demo")
    @click.option(
        "--incidents",
        "n_incidents",
        default=2000,
        show_default=True,
        type=click.IntRange(0, 1_000_000),
    )
    @click.option("--seed", default=7, show_default=True, type=int)
    @click.option("--if-empty", is_flag=True, help="Do nothing when incidents exist already.")
    def seed_demo(n_incidents, seed, if_empty):
        """Demo data, deterministic for a seed: users for every role and realistic incidents."""
        from . import demo_loader
        from .domain import demo

        seed_taxonomy()
        if if_empty and demo_loader.has_incidents():
            click.echo("Demo data is loaded already.")
        else:
            data = demo.generate(n_incidents=n_incidents, seed=seed)
            counts = demo_loader.load(data)
            db.session.commit()
            click.echo("Loaded " + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items())) + ".")
            scored, alerts = demo_loader.analyse_and_scan()
            click.echo(
                f"Scored escalation risk of {scored:,} narratives; {alerts} pattern alerts open."
            )
        demo_users = db.session.scalars(
            select(User)
            .where(User.username.in_([u.username for u in demo.generate(0).users]))
            .order_by(User.role, User.username)
        ).all()
        if demo_users:
            click.echo(f"Demo sign-ins (password: {demo.DEMO_PASSWORD}):")
            for user in demo_users:
                click.echo(f"  {user.role:<8} {user.username:<16} {user.full_name}")

    @app.cli.command("send-reminders")
    @click.option("--dry-run", is_flag=True, help="Store in-app notices but send no e-mail.")
    def send_reminders(dry_run):
        """E-mail each person their overdue and due-soon tasks and incidents (for cron)."""
        import smtplib

        from . import reminders

        try:
            report = reminders.send(dry_run=dry_run)
        except (OSError, smtplib.SMTPException) as exc:
            raise click.ClickException(
                f"Could not send mail through {app.config['MAIL_SERVER']}:"
                f"{app.config['MAIL_PORT']}: {exc}. In-app notices were stored."
            ) from None
        click.echo(
            f"{report.recipients} people reminded: {report.notices} new notices, "
            f"{report.emails} e-mails sent, {report.skipped_no_email} without an e-mail "
            f"address, {report.failed} failed."
        )
        if report.failed:
            raise SystemExit(1)

    @app.cli.command("scan-patterns")
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON list of alert objects.")
    @click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(["%Y-%m-%d"]),
        default=None,
        help="Evaluate as if today were this date (back-testing).",
    )
    @click.option(
        "--since",
        type=click.DateTime(["%Y-%m-%d"]),
        default=None,
        help="Also evaluate every day from this date, so first_seen shows the first "
        "day each alert would have fired.",
    )
    def scan_patterns(as_json, as_of, since):
        """Run every detector over all data; store/refresh alerts; print them."""
        from datetime import date as _date

        from .alerts import services as alerts

        day = as_of.date() if as_of else _date.today()
        if since:
            if since.date() > day:
                raise click.BadParameter("--since is after --as-of.")
            alerts.backfill(since.date(), day)
        result = alerts.scan(day)
        db.session.commit()
        objects = [alerts.to_json(a) for a in result.alerts]
        if as_json:
            click.echo(json.dumps(objects, indent=2))
            return
        click.echo(
            f"{len(objects)} patterns on {day.isoformat()}: {result.created} new, "
            f"{result.updated} refreshed, {result.reopened} reopened."
        )
        for a in objects:
            click.echo(
                f"  [{a['kind']}] {a['summary']} ({len(a['incidents'])} incidents, "
                f"score {a['score']:.2f}, {a['status']}, first seen {a['first_seen']})"
            )

    @app.cli.command("create-token")
    @click.argument("name")
    @click.option("--label", default="command line", help="What the token is for.")
    def create_token(name, label):
        """Print a new API token for that account."""
        user = db.session.scalar(select(User).where(User.username == name))
        if user is None:
            raise click.ClickException(f"No account named {name!r}.")
        if not user.active:
            raise click.ClickException(f"The account {name!r} is deactivated.")
        token, secret = ApiToken.issue(user, label)
        db.session.add(token)
        db.session.commit()
        click.echo(secret)

    @app.cli.command("analyze")
    @click.option("--batch", default=512, show_default=True, help="Narratives per batch.")
    def analyze_cmd(batch):
        """Read JSON lines {"id", "narrative", "department"?} on stdin; write one JSON line per
        input with suggested tags and escalation risk. A bad line gets an "error" key and
        empty suggestions; it never stops the run."""
        from . import analysis
        from .domain import analysis as engine

        model = analysis.current_model()
        pending: list[tuple[object, str | None, str | None]] = []

        def flush():
            texts = [text if error is None else "" for _, text, error in pending]
            results = engine.analyze_batch(texts, model=model)
            for (id_, _, error), result in zip(pending, results, strict=True):
                out = result.to_json(id_)
                if error:
                    out["error"] = error
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            pending.clear()

        stdin = (
            io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
            if hasattr(sys.stdin, "buffer")
            else sys.stdin
        )
        for number, line in enumerate(stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                pending.append((None, None, f"line {number} is not valid JSON"))
            else:
                if not isinstance(item, dict):
                    pending.append((None, None, f"line {number} is not a JSON object"))
                elif not isinstance(item.get("narrative"), str):
                    pending.append((item.get("id"), None, f"line {number} has no narrative text"))
                else:
                    pending.append((item.get("id"), item["narrative"], None))
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        sys.stdout.flush()

    @app.cli.command("train-tagger")
    @click.option(
        "--folds",
        default=5,
        show_default=True,
        help="Cross-validation folds that tune thresholds and blend; 0 keeps the shipped "
        "model's tuning and trains several times faster.",
    )
    def train_tagger(folds):
        """Retrain the tag suggester from the shipped corpus plus the codings officers
        confirmed; write it to instance/ and report quality before and after on the
        held-out split."""
        import os

        from . import analysis
        from .domain import analysis as engine

        extra = analysis.confirmed_examples()
        click.echo(f"Training on the shipped corpus and {len(extra)} confirmed incident(s)...")
        model, before, after = engine.retrain(extra, folds=folds)
        path = analysis.model_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        model.save(tmp)
        os.replace(tmp, path)
        click.echo(f"{'':22}{'before':>8}{'after':>8}")
        for label, key in (
            ("macro-F1", "macro_f1"),
            ("primary top-1", "primary_top1"),
            ("escalation AUROC", "escalation_auroc"),
        ):
            click.echo(f"{label:22}{getattr(before, key):8.3f}{getattr(after, key):8.3f}")
        click.echo(f"Held-out narratives: {after.n}. Model written to {path}.")

    @app.cli.command("import-csv")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--dry-run", is_flag=True, help="Check every row and report; write nothing.")
    @click.option("--as-user", default=None, help="Account recorded as the importer.")
    def import_csv_cmd(path, dry_run, as_user):
        """Load incidents from CSV: all rows or none, with a report naming each bad row."""
        from pathlib import Path

        from .incidents import importer

        user = None
        if as_user:
            user = db.session.scalar(select(User).where(User.username == as_user))
            if user is None:
                raise click.ClickException(f"No account named {as_user!r}.")
        data = Path(path).read_bytes()
        plan = importer.plan(data) if dry_run else None
        try:
            if not dry_run:
                plan = importer.import_csv(data, user=user)
        except importer.ImportFailed as exc:
            plan = exc.plan
        for warning in plan.warnings:
            click.echo(f"Note: {warning}", err=True)
        if not plan.ok:
            for error in plan.errors:
                click.echo(str(error), err=True)
            raise click.ClickException(
                f"{len(plan.errors)} problem(s) in {len({e.line for e in plan.errors})} row(s); "
                "nothing was imported."
            )
        verb = "Would import" if dry_run else "Imported"
        click.echo(
            f"{verb} {len(plan.rows)} row(s): {plan.count('create')} new, "
            f"{plan.count('update')} updated, {plan.count('unchanged')} unchanged."
        )

    @app.cli.command("export-csv")
    @click.argument("path", type=click.Path(dir_okay=False, writable=True))
    def export_csv_cmd(path):
        """Write every incident in the import columns (UTF-8 with BOM, opens in Excel)."""
        from . import audit
        from .domain import csvfile
        from .incidents import importer

        count = 0

        def counted():
            nonlocal count
            for row in importer.export_rows():
                count += 1
                yield row

        target = sys.stdout if path == "-" else open(path, "w", encoding="utf-8", newline="")
        try:
            for chunk in csvfile.write(counted()):
                target.write(chunk)
        finally:
            if target is not sys.stdout:
                target.close()
        audit.record("export", "incident", None, detail=f"{count} incidents to {path}", commit=True)
        if path != "-":
            click.echo(f"Wrote {count} incident(s) to {path}.")
