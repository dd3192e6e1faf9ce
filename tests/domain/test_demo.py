from collections import Counter
from datetime import date, timedelta

from tracker.domain import demo, vocab

TODAY = date(2026, 11, 25)


def test_demo_data_is_deterministic_for_a_seed():
    assert demo.generate(300, seed=3, today=TODAY) == demo.generate(300, seed=3, today=TODAY)
    assert demo.generate(300, seed=3, today=TODAY) != demo.generate(300, seed=4, today=TODAY)


def test_every_role_has_a_demo_account():
    assert {u.role for u in demo.generate(0).users} == set(vocab.ROLES)


def test_demo_incidents_obey_the_field_rules():
    data = demo.generate(2000, today=TODAY)
    assert len(data.incidents) >= 2000
    staff_keys = {s.key for s in data.staff}
    for i in data.incidents:
        assert i.occurred_on <= i.reported_on <= TODAY
        assert len(i.summary) <= 200 and len(i.narrative) <= 20_000 and i.narrative
        assert set(i.tags) <= set(vocab.TAG_SLUGS)
        assert (i.primary_tag in i.tags) if i.tags else i.primary_tag is None
        assert i.severity in vocab.SEVERITIES and i.stage in vocab.STAGES
        assert i.status in vocab.STATUSES and i.kind in vocab.KINDS
        assert set(i.staff_involved) <= staff_keys
        if i.status != "new":
            assert i.acknowledged_on is not None
        if i.stage_changes:
            assert i.stage_changes[-1].to_stage == i.stage
    kinds = Counter(i.kind for i in data.incidents)
    assert kinds["concern"] > 4 * kinds["complaint"]  # concerns far outnumber complaints


def test_planted_patterns_are_there():
    data = demo.generate(2000, today=TODAY)
    recent = TODAY - timedelta(days=21)
    cluster = [
        i
        for i in data.incidents
        if i.department == "Orthopaedics"
        and "unexplained-risk" in i.tags
        and i.reported_on >= recent
    ]
    assert len(cluster) >= 3
    assert sum("dr.hale" in i.staff_involved for i in data.incidents) >= 6
    assert sum(i.patient_identifier == "NHS-9434765919" for i in data.incidents) == 3


def test_narratives_vary():
    narratives = [i.narrative for i in demo.generate(2000, today=TODAY).incidents]
    assert len(set(narratives)) > 0.9 * len(narratives)
