"""The product's fixed vocabularies, shared by the domain, the models and the forms.

Values are the stable identifiers of `spec/interfaces.md` (CSV, API); labels are for people.
"""

from __future__ import annotations

SOURCES = ("patient", "family", "staff", "advocate", "other")
CHANNELS = ("in-person", "phone", "email", "letter", "web", "survey", "other")
SEVERITIES = ("low", "medium", "high")
STAGES = ("concern", "complaint", "external", "legal")
STATUSES = ("new", "acknowledged", "investigating", "resolved", "closed")
ROLES = ("officer", "manager", "staff", "admin")
DOMAINS = ("relationships", "clinical", "management")

# Record kinds (domain.md): concerns outnumber complaints; compliments are counted too.
KINDS = ("concern", "complaint", "compliment", "enquiry")

# Timeline contact types (domain.md) and their direction.
CONTACT_TYPES = ("phone", "meeting", "letter", "email", "family-consultation", "internal-note")
CONTACT_DIRECTIONS = ("inbound", "outbound", "internal")

TASK_STATES = ("open", "done", "declined", "cancelled")
TASK_PRIORITIES = ("low", "normal", "high")

ALERT_KINDS = ("cluster", "spike", "clinician", "repeat-contact", "overdue", "escalation-risk")
ALERT_STATUSES = ("open", "acknowledged", "dismissed", "actioned")

STAFF_GROUPS = ("medical", "nursing", "allied-health", "admin", "other")

# The shipped taxonomy (shared/spec/taxonomy.md): slug -> (domain, name, description).
TAXONOMY: dict[str, tuple[str, str, str]] = {
    "unexplained-risk": (
        "relationships",
        "Unexplained risk",
        "Risks, side effects or likely outcomes of a test, treatment or operation were not "
        "explained, or not understood, before it happened. Includes consent that was not "
        "truly informed.",
    ),
    "unmet-information-need": (
        "relationships",
        "Unmet information need",
        "The patient or family did not get information they needed: diagnosis, plan, "
        "results, what to expect next, who to contact.",
    ),
    "not-listened-to": (
        "relationships",
        "Not listened to",
        "Concerns, symptoms or requests were dismissed, ignored or not acted upon.",
    ),
    "disrespect": (
        "relationships",
        "Disrespect or unequal treatment",
        "Rude, dismissive, discriminatory or undignified treatment; a patient treated as "
        "less than an equal because of condition, status or background.",
    ),
    "inconsistent-information": (
        "relationships",
        "Inconsistent information",
        "Different staff gave conflicting accounts, plans or instructions.",
    ),
    "delayed-communication": (
        "relationships",
        "Delayed communication",
        "Results, answers, call-backs or updates came late or never came.",
    ),
    "family-excluded": (
        "relationships",
        "Family or carer excluded",
        "Relatives or carers were not involved, updated or consulted when they should have been.",
    ),
    "expectation-mismatch": (
        "relationships",
        "Expectation mismatch",
        "The outcome or experience differed from what the patient was led to expect; "
        "expectations were never set or managed.",
    ),
    "privacy-breach": (
        "relationships",
        "Privacy or confidentiality breach",
        "Personal information was shared, exposed or discussed where it should not have been.",
    ),
    "clinical-quality": (
        "clinical",
        "Clinical quality",
        "Concerns about diagnosis, examination, treatment decisions or clinical skill.",
    ),
    "safety-incident": (
        "clinical",
        "Safety incident",
        "An error or harm event: wrong medication or dose, fall, infection, missed "
        "deterioration, wrong-site procedure.",
    ),
    "access-delay": (
        "management",
        "Access and waiting",
        "Waiting times, cancelled or hard-to-get appointments, referral delays.",
    ),
    "administrative-process": (
        "management",
        "Administrative process",
        "Billing, records, discharge paperwork, lost documents, bureaucracy.",
    ),
    "environment": (
        "management",
        "Environment and facilities",
        "Cleanliness, noise, food, parking, equipment, visible understaffing.",
    ),
}
TAG_SLUGS = tuple(TAXONOMY)
