"""Deterministic demo data: people, a staff directory, and realistic incidents with patterns.

`generate(n_incidents, seed, today)` returns plain frozen dataclasses; `tracker.demo_loader`
inserts them. Narratives are composed from pools of sentences written in patients' and
families' voices, per root cause and per department, so 2,000 incidents rarely repeat a
combination. Planted patterns (see PLANTED) give the detectors something real to find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

DEMO_PASSWORD = "concord-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    department: str | None = None
    staff_group: str | None = None


@dataclass(frozen=True)
class DemoStaff:
    key: str
    full_name: str
    department: str
    staff_group: str
    username: str | None = None


@dataclass(frozen=True)
class DemoContact:
    on: date
    type: str
    direction: str
    who: str
    text: str
    answered: bool = True


@dataclass(frozen=True)
class DemoStageChange:
    on: date
    from_stage: str
    to_stage: str
    reason: str


@dataclass(frozen=True)
class DemoTask:
    title: str
    assignee: str
    due_on: date
    priority: str
    state: str
    created_on: date
    outcome: str | None = None
    completed_on: date | None = None


@dataclass(frozen=True)
class DemoIncident:
    kind: str
    reported_on: date
    occurred_on: date
    department: str
    source: str
    channel: str
    patient_identifier: str
    patient_name: str
    staff_involved: tuple[str, ...]
    summary: str
    narrative: str
    tags: tuple[str, ...]
    primary_tag: str | None
    severity: str
    stage: str
    status: str
    acknowledged_on: date | None
    resolved_on: date | None
    owner: str | None
    contacts: tuple[DemoContact, ...] = ()
    stage_changes: tuple[DemoStageChange, ...] = ()
    tasks: tuple[DemoTask, ...] = ()


@dataclass(frozen=True)
class DemoData:
    users: tuple[DemoUser, ...]
    staff: tuple[DemoStaff, ...]
    incidents: tuple[DemoIncident, ...] = field(default_factory=tuple)


# --- people -----------------------------------------------------------------------------

DEPARTMENTS = {  # name: relative volume
    "Emergency Department": 18,
    "General Surgery": 8,
    "Orthopaedics": 7,
    "Maternity": 7,
    "Care of the Elderly": 7,
    "Cardiology": 5,
    "Oncology": 5,
    "Paediatrics": 5,
    "Outpatients": 6,
    "Radiology": 3,
    "Mental Health": 4,
    "Neurology": 3,
    "Urology": 3,
    "Gastroenterology": 3,
    "Intensive Care": 2,
    "Ophthalmology": 3,
}
FIRST = [
    "Amara",
    "Ben",
    "Chloe",
    "Daniel",
    "Elif",
    "Farid",
    "Grace",
    "Hannah",
    "Ibrahim",
    "Jia",
    "Kwame",
    "Laura",
    "Marek",
    "Nadia",
    "Owen",
    "Priya",
    "Rhys",
    "Sofia",
    "Tomasz",
    "Uma",
    "Victor",
    "Wen",
    "Yusuf",
    "Zara",
    "Aoife",
    "Callum",
    "Deepa",
    "Esther",
    "Femi",
    "Gareth",
    "Helen",
    "Imran",
    "Joanna",
    "Kieran",
    "Leah",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Paul",
    "Rosa",
    "Samuel",
    "Tanvi",
    "Ursula",
    "Vikram",
    "Will",
    "Yasmin",
]
LAST = [
    "Adeyemi",
    "Baker",
    "Chen",
    "Davies",
    "Evans",
    "Fernandes",
    "Gallagher",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lewis",
    "Mensah",
    "Nowak",
    "O'Brien",
    "Patel",
    "Quinn",
    "Rahman",
    "Singh",
    "Thomas",
    "Umeh",
    "Varga",
    "Walsh",
    "Xu",
    "Young",
    "Zielinski",
    "Morgan",
    "Okafor",
    "Reid",
    "Shah",
    "Taylor",
    "Wright",
]
PATIENT_FIRST = [
    "Margaret",
    "Arthur",
    "Doris",
    "Kenneth",
    "Patricia",
    "Raymond",
    "Sandra",
    "Graham",
    "Joan",
    "Derek",
    "Susan",
    "Peter",
    "Maureen",
    "Alan",
    "Brenda",
    "Colin",
    "Linda",
    "Trevor",
    "Shirley",
    "Dennis",
    "Aisha",
    "Jamal",
    "Mei",
    "Olena",
    "Kofi",
    "Siobhan",
    "Ravi",
    "Lucy",
    "Noah",
    "Isla",
    "Leo",
    "Ava",
]

USERS = (
    DemoUser("officer", "Olivia Bennett", "officer"),
    DemoUser("officer2", "Marcus Obi", "officer"),
    DemoUser("manager", "Helen Carter", "manager"),
    DemoUser("manager2", "Rajesh Iyer", "manager"),
    DemoUser("admin", "Sam Whitfield", "admin"),
)
STAFF_USERS = (  # username, name, department, group
    ("dr.patel", "Dr Anika Patel", "Orthopaedics", "medical"),
    ("dr.hale", "Dr Marcus Hale", "General Surgery", "medical"),
    ("dr.osei", "Dr Kwabena Osei", "Emergency Department", "medical"),
    ("dr.lindqvist", "Dr Freya Lindqvist", "Cardiology", "medical"),
    ("nurse.okafor", "Grace Okafor", "Care of the Elderly", "nursing"),
    ("nurse.walsh", "Ciara Walsh", "Emergency Department", "nursing"),
    ("nurse.khan", "Sana Khan", "Maternity", "nursing"),
    ("mw.jones", "Bethan Jones", "Maternity", "nursing"),
    ("physio.reid", "Alasdair Reid", "Orthopaedics", "allied-health"),
    ("admin.clarke", "Denise Clarke", "Outpatients", "admin"),
    ("admin.nowak", "Piotr Nowak", "Radiology", "admin"),
    ("dr.mensah", "Dr Ama Mensah", "Paediatrics", "medical"),
)

# --- narrative material ---------------------------------------------------------------------

RELATIVES = [
    ("my mum", "she", "her", "family"),
    ("my dad", "he", "his", "family"),
    ("my wife", "she", "her", "family"),
    ("my husband", "he", "his", "family"),
    ("my son", "he", "his", "family"),
    ("my daughter", "she", "her", "family"),
    ("my grandmother", "she", "her", "family"),
    ("my partner", "she", "her", "family"),
    ("I", "I", "my", "patient"),
    ("I", "I", "my", "patient"),
]
DETAILS = {
    "Emergency Department": [
        "a suspected broken wrist",
        "chest pains",
        "a bad fall at home",
        "a high fever",
        "a head injury",
    ],
    "General Surgery": [
        "a gallbladder operation",
        "a hernia repair",
        "bowel surgery",
        "an appendix operation",
    ],
    "Orthopaedics": [
        "a hip replacement",
        "a knee replacement",
        "surgery on a broken ankle",
        "a shoulder operation",
    ],
    "Maternity": [
        "the birth of our baby",
        "an emergency caesarean",
        "an induction",
        "the antenatal scans",
    ],
    "Care of the Elderly": [
        "a stay on the ward after a fall",
        "a chest infection",
        "rehabilitation after a stroke",
    ],
    "Cardiology": ["an angiogram", "a pacemaker fitting", "heart failure treatment"],
    "Oncology": ["chemotherapy", "radiotherapy", "the results of a biopsy"],
    "Paediatrics": [
        "a night on the children's ward",
        "treatment for asthma",
        "tests for a persistent fever",
    ],
    "Outpatients": [
        "a follow-up clinic appointment",
        "a referral to the clinic",
        "a rearranged appointment",
    ],
    "Radiology": ["an MRI scan", "a CT scan", "an ultrasound"],
    "Mental Health": [
        "an assessment by the crisis team",
        "a stay on the acute ward",
        "a change of medication",
    ],
    "Neurology": ["tests for seizures", "a lumbar puncture", "treatment after a stroke"],
    "Urology": ["a prostate biopsy", "a catheter change", "kidney stone treatment"],
    "Gastroenterology": ["a colonoscopy", "an endoscopy", "treatment for Crohn's"],
    "Intensive Care": ["a week in intensive care", "being ventilated after surgery"],
    "Ophthalmology": ["cataract surgery", "injections for macular degeneration"],
}
# Fragments per root cause; {who} is the patient as the writer calls them, {p} their pronoun,
# {poss} the possessive, {detail} the treatment or visit.
FRAGMENTS = {
    "unexplained-risk": [
        "Nobody mentioned before {detail} that {p} might not be able to walk unaided for weeks.",
        "We were never told that bleeding like that was a known complication of {detail}.",
        "The consent form was pushed in front of {who} on the trolley and signed in two minutes; no one went through what could go wrong.",
        "After {detail} {who} lost feeling in {poss} fingers and the doctor said 'that happens sometimes' - it would have been nice to know beforehand.",
        "If anyone had explained the side effects we would have asked for another option.",
        "They said it was routine. Nobody said there was a chance of infection this serious.",
    ],
    "unmet-information-need": [
        "No one told us anything for six hours while {who} was in there.",
        "We still don't know what the diagnosis actually is or what happens next.",
        "{who} was sent home without any explanation of the new tablets or who to ring if things got worse.",
        "Nobody could tell us the plan - every time we asked we were told someone would come and explain.",
        "We were given no leaflet, no number to call, nothing.",
        "The results were mentioned in passing but no one explained what they meant for {who}.",
    ],
    "not-listened-to": [
        "I kept saying {p} wasn't {poss} normal self and they wrote it off as confusion.",
        "We told the staff three times that {who} was in pain and nothing was done until the next morning.",
        "{who} asked for a second opinion and was told there was no need.",
        "They just didn't listen. I know {who} better than anyone and I was ignored.",
        "When I raised it with the nurse she said they were busy and walked off.",
        "The doctor was looking at the computer the whole time and never once looked at {who}.",
    ],
    "disrespect": [
        "The receptionist rolled her eyes and spoke to {who} as if {p} were a child.",
        "{who} was left in a soiled gown with the curtain open for anyone to see.",
        "One of the doctors made a comment about {poss} weight in front of the whole bay.",
        "We were treated like a nuisance for asking questions.",
        "Because {who} has dementia they talked over {poss} head as if {p} wasn't there.",
        "The nurse was rude and sarcastic when I asked for help getting to the toilet.",
    ],
    "inconsistent-information": [
        "One doctor said {p} could go home tomorrow, another said it would be at least a week.",
        "The ward told us the scan was cancelled; radiology said it had never been booked.",
        "Every shift told us something different about the medication.",
        "We had three different plans in two days and nobody seemed to know which was right.",
        "The consultant and the junior doctor contradicted each other at the bedside.",
    ],
    "delayed-communication": [
        "We waited five weeks for the biopsy results and had to chase them ourselves.",
        "I left four messages for the consultant's secretary and no one ever rang back.",
        "We were promised a call the next day. It never came.",
        "The letter explaining the results arrived a month after the appointment.",
        "I have been waiting since last month for someone to get back to me.",
        "We sat by the phone all weekend waiting for the update we were promised.",
    ],
    "family-excluded": [
        "I am {poss} next of kin and nobody rang me when {p} was moved to another ward.",
        "They discharged {who} without telling the family, and {p} was found sitting at the bus stop.",
        "The family were not invited to the meeting where the care plan was decided.",
        "As {poss} carer I should have been involved but I was told it was confidential.",
        "We only found out {p} had been transferred when we turned up to visit.",
    ],
    "expectation-mismatch": [
        "We were told recovery would take two weeks; three months later {p} still can't manage the stairs.",
        "We expected to be seen within the hour because that's what the website said.",
        "The surgeon made it sound simple and the result is nothing like what we were led to expect.",
        "Nobody prepared us for how long {who} would be in hospital.",
        "We thought this would fix the problem, but no one ever said it might only help a little.",
    ],
    "privacy-breach": [
        "The nurse read out {poss} diagnosis at the front desk in front of the whole waiting room.",
        "{poss} notes were left on the chair in the corridor for anyone to read.",
        "A letter about {who} was sent to our old address where other people now live.",
        "Staff were discussing {poss} case loudly in the lift.",
        "Someone at the hospital told a neighbour that {who} had been admitted.",
    ],
    "clinical-quality": [
        "{who} was sent home twice with 'a virus' before they found the infection.",
        "The fracture was missed on the first X-ray and only picked up a week later.",
        "We feel the wrong decision was made about {poss} treatment.",
        "The wound was not checked properly and had to be reopened.",
        "It took four attempts to get a cannula in and {poss} arm is black and blue.",
    ],
    "safety-incident": [
        "{who} was given the tablets meant for the lady in the next bed.",
        "{who} was found on the floor beside the bed at 3am; the bed rails had been left down.",
        "The wrong dose of insulin was given and {p} became very unwell.",
        "{who} picked up an infection on the ward that the nurses say should have been spotted sooner.",
        "Nobody noticed {poss} breathing getting worse until {p} had to be rushed to intensive care.",
    ],
    "access-delay": [
        "The appointment letter arrived the day after the appointment.",
        "We waited nine hours on a trolley in the corridor.",
        "{poss} operation has been cancelled three times now.",
        "The referral was made in March and we have still not been given a date.",
        "It is impossible to get through on the phone to book an appointment.",
    ],
    "administrative-process": [
        "They sent the bill to my late father.",
        "{poss} records were lost and the tests had to be done again.",
        "The discharge letter had the wrong medication on it.",
        "We were sent from one office to another and nobody could find the form.",
        "The appointment was booked under the wrong name.",
    ],
    "environment": [
        "The toilet on the ward hadn't been cleaned in two days.",
        "There were no chairs; we stood for four hours.",
        "The ward was so noisy at night that {who} didn't sleep at all.",
        "The food was cold every day and {who} couldn't eat it.",
        "There were clearly not enough staff on the ward; call bells rang for half an hour.",
    ],
}
SUMMARIES = {
    "unexplained-risk": "Risks of {detail} not explained before it happened",
    "unmet-information-need": "Family left without information about {detail}",
    "not-listened-to": "Concerns about {detail} dismissed by staff",
    "disrespect": "Patient treated without dignity during {detail}",
    "inconsistent-information": "Conflicting information given about {detail}",
    "delayed-communication": "No call-back or results after {detail}",
    "family-excluded": "Next of kin not involved during {detail}",
    "expectation-mismatch": "Outcome of {detail} not what the family were led to expect",
    "privacy-breach": "Confidential information exposed during {detail}",
    "clinical-quality": "Concerns about clinical care during {detail}",
    "safety-incident": "Harm event during {detail}",
    "access-delay": "Long wait and cancellations around {detail}",
    "administrative-process": "Paperwork error after {detail}",
    "environment": "Ward conditions during {detail}",
}
OPENINGS = [
    "I am writing about {detail} at your hospital.",
    "I want to raise a concern about {detail}.",
    "{who_cap} came in for {detail} last week.",
    "This is about {detail}.",
    "I'm not one to complain but I have to say something about {detail}.",
    "Phoned in about {detail}.",
]
CLOSINGS_MILD = [
    "I just want it looked into so it doesn't happen to anyone else.",
    "Please pass this on to the ward.",
    "I'd appreciate a call back.",
    "Otherwise the care was good.",
    "",
]
CLOSINGS_ANGRY = [
    "I want a proper explanation.",
    "This is not good enough.",
    "I am very upset about how this was handled.",
    "I expect a written response.",
]
CLOSINGS_ESCALATE = [
    "I have spoken to a solicitor and will be taking this further.",
    "If I don't hear back I will go to the ombudsman.",
    "This is the third time I've called and still nobody has answered.",
    "I have lost all trust in this hospital and want answers in writing.",
    "I will be contacting the CQC and the local paper.",
]
COMPLIMENTS = [
    "I want to thank {staff} and the team for the care {who} received during {detail}. "
    "Everything was explained and we were kept informed throughout.",
    "{staff} listened to every worry we had and made a frightening time bearable.",
    "Please pass on our thanks to {staff}, who went out of their way to help us during {detail}.",
    "Just a note to say how kind {staff} was. We felt respected and involved at every step.",
]
ENQUIRIES = [
    "Could you tell me how to get a copy of {poss} records from {detail}?",
    "Where can I get a parking permit for regular visits?",
    "What are the visiting hours on the ward?",
    "Who should I send a thank-you card to?",
]

PLANTED = [
    "cluster: 5 'unexplained-risk' incidents in Orthopaedics within the last 3 weeks",
    "spike: Maternity's last 30 days about three times its usual monthly count",
    "clinician: Dr Marcus Hale (General Surgery) named in 16 more incidents than his share, most of them medium or high",
    "repeat-contact: patient NHS-9434765919 with 3 incidents in 60 days; one open incident with 4 unanswered calls",
    "overdue: recent incidents still 'new' past their 3-working-day acknowledgement",
    "escalation-risk: open incidents whose narratives mention solicitors, the ombudsman or repeated unanswered calls",
]
TASK_TITLES = [
    "Call the family to explain the plan",
    "Arrange a meeting with the consultant",
    "Send the written response",
    "Review the notes and reply to the officer",
    "Apologise to the patient and explain what will change",
    "Check the discharge letter and correct it",
    "Explain the risks to the patient's daughter",
]


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _working_days_after(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def generate(n_incidents: int = 2000, seed: int = 7, today: date | None = None) -> DemoData:
    today = today or date.today()
    rng = random.Random(seed)
    staff: list[DemoStaff] = []
    users = list(USERS)
    for username, name, dept, group in STAFF_USERS:
        staff.append(DemoStaff(username, name, dept, group, username))
        users.append(DemoUser(username, name, "staff", dept, group))
    names = set()
    for dept in DEPARTMENTS:
        for i in range(7):
            while True:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                if name not in names:
                    names.add(name)
                    break
            group = "medical" if i < 3 else ("nursing" if i < 6 else "admin")
            full = f"Dr {name}" if group == "medical" else name
            staff.append(DemoStaff(f"s{len(staff)}", full, dept, group))
    by_dept: dict[str, list[DemoStaff]] = {}
    for s in staff:
        by_dept.setdefault(s.department, []).append(s)
    staff_usernames = [u.username for u in users if u.role == "staff"]
    owners = ["officer", "officer2", "manager"]

    incidents = [
        _incident(
            rng,
            today,
            by_dept,
            owners,
            staff_usernames,
            reported=today - timedelta(days=int(rng.random() ** 0.85 * 540)),
        )
        for _ in range(n_incidents)
    ]
    if n_incidents >= 200:
        incidents += _planted(rng, today, by_dept, owners, staff_usernames)
    return DemoData(users=tuple(users), staff=tuple(staff), incidents=tuple(incidents))


def _narrative(rng, tags, dept, rel, escalation: str) -> tuple[str, str]:
    who, p, poss, _ = rel
    detail = rng.choice(DETAILS[dept])
    ctx = {"who": who, "p": p, "poss": poss, "detail": detail}
    parts = [rng.choice(OPENINGS).format(who_cap=who[0].upper() + who[1:], **ctx)]
    for tag in tags:
        parts += [s.format(**ctx) for s in rng.sample(FRAGMENTS[tag], k=rng.choice((1, 1, 2)))]
    closing = {"high": CLOSINGS_ESCALATE, "medium": CLOSINGS_ANGRY}.get(escalation, CLOSINGS_MILD)
    parts.append(rng.choice(closing))
    text = " ".join(x[0].upper() + x[1:] for x in parts if x)
    if who == "I":
        text = text.replace("I was", "I was").replace(" I's ", " my ")
    return text, detail


def _incident(
    rng,
    today,
    by_dept,
    owners,
    staff_usernames,
    *,
    reported,
    dept=None,
    tags=None,
    kind=None,
    severity=None,
    escalation=None,
    patient=None,
    named=None,
    status=None,
    contacts=None,
) -> DemoIncident:
    dept = dept or _weighted(rng, DEPARTMENTS)
    kind = kind or _weighted(rng, {"concern": 66, "complaint": 14, "compliment": 14, "enquiry": 6})
    rel = rng.choice(RELATIVES)
    source = "patient" if rel[3] == "patient" else rng.choice(["family", "family", "advocate"])
    occurred = reported - timedelta(days=rng.choice((0, 0, 1, 2, 3, 7, 14)))
    team = by_dept[dept]
    if named is None:
        named = tuple(s.key for s in rng.sample(team, k=rng.choice((0, 1, 1, 2))))
    patient_name = f"{rng.choice(PATIENT_FIRST)} {rng.choice(LAST)}"
    patient = patient or f"NHS-{rng.randrange(4_000_000_000, 9_999_999_999)}"
    age = (today - reported).days
    if kind in ("compliment", "enquiry"):
        detail = rng.choice(DETAILS[dept])
        pool = COMPLIMENTS if kind == "compliment" else ENQUIRIES
        staff_name = next((s.full_name for s in team if s.key in named), team[0].full_name)
        narrative = rng.choice(pool).format(
            staff=staff_name, who=rel[0], poss=rel[2], detail=detail
        )
        narrative = narrative[0].upper() + narrative[1:]
        summary = (
            f"Thanks for {staff_name}" if kind == "compliment" else "Enquiry: " + narrative[:60]
        )
        return DemoIncident(
            kind,
            reported,
            occurred,
            dept,
            source,
            rng.choice(["email", "letter", "web", "survey"]),
            patient,
            patient_name,
            named,
            summary[:200].strip(),
            narrative,
            (),
            None,
            "low",
            "concern",
            "closed" if age > 14 else "resolved",
            reported,
            reported + timedelta(days=2),
            rng.choice(owners),
        )
    if tags is None:
        first = rng.choice(list(FRAGMENTS))
        tags = (
            (first,)
            if rng.random() < 0.5
            else (first, rng.choice([t for t in FRAGMENTS if t != first]))
        )
    severity = severity or rng.choices(["low", "medium", "high"], weights=[50, 38, 12])[0]
    escalation = escalation or rng.choices(["low", "medium", "high"], weights=[55, 35, 10])[0]
    narrative, detail = _narrative(rng, tags, dept, rel, escalation)
    stage = "complaint" if kind == "complaint" else "concern"
    stage_changes: list[DemoStageChange] = []
    if escalation == "high" and age > 20 and rng.random() < 0.6:
        to = (
            rng.choice(["complaint", "complaint", "external", "legal"])
            if stage == "concern"
            else "external"
        )
        stage_changes.append(
            DemoStageChange(
                reported + timedelta(days=rng.randrange(7, 20)),
                stage,
                to,
                {
                    "complaint": "Written complaint received",
                    "external": "Referred to the ombudsman",
                    "legal": "Solicitor's letter received",
                }[to],
            )
        )
        stage = to
    if status is None:
        if age > 60:
            status = rng.choice(["closed", "closed", "resolved"])
        elif age > 20:
            status = rng.choice(["resolved", "investigating", "closed"])
        elif age > 4:
            status = rng.choice(["acknowledged", "investigating", "investigating"])
        else:
            status = rng.choice(["new", "acknowledged"])
    ack = None if status == "new" else _working_days_after(reported, rng.choice((1, 2, 3, 3, 5)))
    ack = min(ack, today) if ack else None
    resolved = None
    if status in ("resolved", "closed"):
        resolved = min(today, reported + timedelta(days=rng.randrange(5, 40)))
    owner = rng.choice(owners)
    if contacts is None:
        contacts = []
        for i in range(rng.choice((0, 1, 1, 2, 3))):
            on = min(today, reported + timedelta(days=2 * i + 1))
            inbound = rng.random() < 0.5
            contacts.append(
                DemoContact(
                    on,
                    rng.choice(["phone", "email", "meeting", "letter"]),
                    "inbound" if inbound else "outbound",
                    rel[0].replace("my ", "").capitalize() if inbound else "Patient relations",
                    "Called to ask for an update."
                    if inbound
                    else "Explained what happens next and agreed a date for a response.",
                    answered=not inbound or status not in ("new",) or rng.random() < 0.5,
                )
            )
    tasks: list[DemoTask] = []
    if rng.random() < 0.35:
        created = reported + timedelta(days=1)
        due = created + timedelta(days=rng.choice((3, 5, 7, 10)))
        if status in ("resolved", "closed"):
            state = "done"
        else:
            state = rng.choices(["open", "done", "declined"], weights=[65, 25, 10])[0]
        completed = min(today, due - timedelta(days=1)) if state != "open" else None
        tasks.append(
            DemoTask(
                rng.choice(TASK_TITLES),
                rng.choice(staff_usernames),
                due,
                rng.choice(["normal", "normal", "high", "low"]),
                state,
                created,
                {
                    "done": "Spoke to the family and explained.",
                    "declined": "On leave this week, please reassign.",
                }.get(state),
                completed,
            )
        )
    summary = SUMMARIES[tags[0]].format(detail=detail)
    return DemoIncident(
        kind,
        reported,
        occurred,
        dept,
        source,
        rng.choice(["phone", "phone", "email", "in-person", "letter", "web"]),
        patient,
        patient_name,
        named,
        summary[:200].strip(),
        narrative,
        tuple(tags),
        tags[0],
        severity,
        stage,
        status,
        ack,
        resolved,
        owner,
        tuple(contacts),
        tuple(stage_changes),
        tuple(tasks),
    )


def _planted(rng, today, by_dept, owners, staff_usernames) -> list[DemoIncident]:
    out = []
    kw = {
        "rng": rng,
        "today": today,
        "by_dept": by_dept,
        "owners": owners,
        "staff_usernames": staff_usernames,
    }
    for days in (20, 15, 11, 6, 2):  # cluster
        out.append(
            _incident(
                **kw,
                reported=today - timedelta(days=days),
                dept="Orthopaedics",
                kind="concern",
                tags=("unexplained-risk", "expectation-mismatch"),
                severity="medium",
                named=("dr.patel",),
            )
        )
    for i in range(16):  # spike
        out.append(
            _incident(
                **kw, reported=today - timedelta(days=1 + i), dept="Maternity", kind="concern"
            )
        )
    for i, days in enumerate(
        (330, 300, 260, 240, 200, 170, 150, 120, 100, 80, 60, 45, 30, 22, 15, 5)
    ):  # clinician
        out.append(
            _incident(
                **kw,
                reported=today - timedelta(days=days),
                dept="General Surgery",
                kind="complaint" if i % 3 == 0 else "concern",
                severity="high" if i % 2 == 0 else "medium",
                named=("dr.hale",),
            )
        )
    for days in (55, 30):  # repeat contact
        out.append(
            _incident(
                **kw,
                reported=today - timedelta(days=days),
                dept="Outpatients",
                kind="concern",
                patient="NHS-9434765919",
                tags=("access-delay", "delayed-communication"),
            )
        )
    calls = tuple(
        DemoContact(
            today - timedelta(days=d),
            "phone",
            "inbound",
            "Daughter",
            "Rang again: still waiting for the promised call-back.",
            answered=False,
        )
        for d in (9, 7, 4, 1)
    )
    out.append(
        _incident(
            **kw,
            reported=today - timedelta(days=10),
            dept="Outpatients",
            kind="concern",
            patient="NHS-9434765919",
            tags=("delayed-communication",),
            status="acknowledged",
            contacts=calls,
            escalation="high",
        )
    )
    for days in (8, 7, 6):  # overdue acknowledgement
        out.append(
            _incident(**kw, reported=today - timedelta(days=days), status="new", kind="concern")
        )
    for days in (9, 4, 3):  # escalation risk
        out.append(
            _incident(
                **kw,
                reported=today - timedelta(days=days),
                escalation="high",
                kind="concern",
                severity="high",
                status="investigating",
                tags=("unexplained-risk", "safety-incident"),
            )
        )
    return out
