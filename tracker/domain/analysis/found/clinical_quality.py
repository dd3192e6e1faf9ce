# clinical-quality: new phrase patterns (regexes on the lower-cased narrative).
# Each names a way people describe a poor diagnosis, examination, treatment decision or clinical skill.
_DX = (
    r"(?:fracture\w*|broken|break|dvt|clot|embolism|appendicitis|appendix|meningitis|sepsis|septic|pneumonia|heart attack|stroke|"
    r"bleed|tumour|cancer|abscess|obstruction|melanoma|endometriosis|kidney stone|scaphoid|blocked|kawasaki|glaucoma|lymphoma|"
    r"growth|fibroids|slipped disc|dislocat\w+)"
)
_BENIGN = (
    r"(?:sprain(?:ed)?|viral|a virus|a bug|tummy bug|indigestion|constipation|gout|growing pains|period pain|bad periods|hormones|"
    r"ibs|reflux|wax|cellulitis|water infection|uti|muscular|pulled (?:a )?muscle|behavioural|wear and tear|slow healing|eczema|"
    r"wee|a cyst|seborrhoeic \w+|harmless|nothing broken|not broken|wasn'?t broken|just the (?:op|tape)|your usual \w+|heartburn|"
    r"a chest infection|colic|teething|stress|anxiety|anxious|panic attacks?|healing nicely|healing well|just pressure|just drunk|"
    r"a noisy feeder|superficial|conjunctivitis|depression|middle age|nothing to worry about|pseudo-\w+|first babies take)"
)
_PARTS = (
    r"wound|legs?|arm|rash|ears?|eyes?|foot|feet|wrist|mole|chest|back|knee|hip|ulcer|x-?ray|scan|ecg|tummy|stomach|throat|mouth|"
    r"cast|toes?|hand|neck|head|skin|lump|shoulder|ankle|burn|cut|stitches|scar|sock|boots?|shoes?|top|dressing|diary|chart"
)

PATTERNS = [
    # 1. Missed / wrong diagnosis named as such (clean replacement for existing[0], whose "missed the|a|his|her"
    #    branch fires on missed appointments).
    (
        r"misdiagnos\w+|wrong diagnosis|missed (?:diagnosis|fracture|break|(?:a|the|his|her|my) (?:fracture|break|diagnosis|clot|bleed|tumour|"
        r"cancer|sepsis|infection|appendicitis|dislocat\w+|heart attack|stroke|dvt|scaphoid))|(?:not|wasn'?t|never) diagnosed"
        r"|failed to (?:diagnose|spot|notice|pick up|examine|investigate)|(?:had been|was|were|been|got) missed|because it was missed",
        0.7,
    ),
    # 2. A benign explanation was given for what turned out to be serious ("said it was a sprain", "put it down to IBS").
    (
        r"(?:said|told|called it|call(?:ed)? it|put (?:it )?down to|diagnosed|decided it was|was just|'s just|it'?s (?:just|only|probably)|probably|"
        r"wrote|reassur\w+|treated (?:\w+ )?(?:for|as))[^.!?]{0,30}\b" + _BENIGN + r"\b",
        0.55,
    ),
    # 3. ... and the real diagnosis emerged later.
    (
        r"(?:(?<!whether )(?<!if )it was |turned out|it'?s actually|was actually|actually (?:had|was)|found (?:a|an|the)|showed (?:a|an)|diagnosed|confirmed|"
        r"picked up|spotted|recognised|now (?:has|have))[^.!?]{0,30}" + _DX,
        0.6,
    ),
    (
        r"(?:visible|there|present|seen|missed) on the (?:first|original|same|earlier|initial|\w+) (?:film|x-?ray|scan|recording|ct|mri|slide)"
        r"|(?:same|first|original) (?:x-?ray|film|slide|recording)"
        r"|(?:radiolog\w+|report)[^.!?]{0,40}(?:flagged|recommend\w*|noted|spotted|suggest\w*|showed)"
        r"|(?:repeat|another|second) (?:scan|x-?ray|film|test)[^.!?]{0,30}(?:showed|found|revealed)",
        0.6,
    ),
    # 4. Another clinician found / contradicted it, or the family paid privately to get it found.
    (
        r"(?:another|a different|the second|second|new|other|next) (?:doctor|surgeon|hospital|consultant|dentist|gp|department|physio|registrar|"
        r"locum|team)[^.!?]{0,60}(?:found|spotted|diagnosed|picked up|pointed (?:at|to|out)|recognised|look\w* properly|saw (?:it|straight))",
        0.6,
    ),
    (
        r"(?:said|told|admitted|says)[^.!?]{0,40}(?:should never have|shouldn'?t have|should not have) (?:been|had|given|done|told|stopped|started)"
        r"|basic error|far too strong|wrong for (?:someone|him|her|you)|not (?:the right|convinced it was the right) (?:op|operation|treatment|drug)"
        r"|should (?:never )?have been (?:spotted|picked up|scanned|x-?rayed|examined|caught|in plaster|stitched|plated|operated|treated|"
        r"in compression|diagnosed|admitted|started on|referred to (?:her|him|them))|should have (?:spotted|picked up|scanned|x-?rayed|examined|caught|diagnosed)"
        r"|could have been (?:picked up|spotted|caught|prevented|avoided|diagnosed|treated)",
        0.6,
    ),
    (
        r"(?:paid|pay) (?:for )?(?:a |an |to )?(?:private|privately|see|have)|private (?:scan|assessment|mri|consultant|doctor|clinic)|privately",
        0.55,
    ),
    # 5. Not examined / not looked at properly.
    (
        r"(?:didn'?t|did not|never|without|not one of them|nobody|no one|none of them)(?: even| ever| once| properly| actually){0,2} "
        r"(?:look(?:ed|ing)? (?:at|in) (?:it|that|(?:his|her|my|the|their) (?:\w+ )?(?:"
        + _PARTS
        + r"|history|medication|painful one))"
        r"|look(?:ed|ing)? (?:at )?(?:it |that )?properly|lift(?:ed)? (?:her|his|my) top"
        r"|touch(?:ed|ing)? (?:me|her|him|it|my \w+|his \w+|her \w+)|watch(?:ed)? (?:me|her|him|mum|dad) walk|t(?:ook|ake|aking) (?:his|her|my|the) (?:sock|boots?|shoes?|top|cast|dressing)"
        r"|compar\w+|press(?:ed)? (?:a glass|on it|my|his|her)|laying a finger|lay a finger|listen(?:ed)? to (?:my|his|her) chest)",
        0.6,
    ),
    (
        r"without (?:an? |any )?(?:x-?ray|scan|bloods|blood tests?|biopsy|examination|imaging|tests|abdominal examination|"
        r"(?:anyone |even )?(?:examining|scanning|x-?raying|looking at|assessing))"
        r"|without (?:anyone )?(?:checking|asking about) (?:my|his|her) (?:kidneys|bloods|allerg\w+|weight|blood pressure|history|medication|sugar)"
        r"|before checking|(?:didn'?t|did not|never) (?:even )?(?:take|check|recheck|re-check) (?:my|his|her|the) (?:blood pressure|temperature|obs|sugar|pulse|\d+ reading)",
        0.6,
    ),
    (
        r"\bno (?:x-?ray|scan|ct|mri|bloods|blood tests?|biopsy|ecg|imaging|examination|internal examination|memory test|obs|observations)\b",
        0.6,
    ),
    (
        r"(?:\d+|two|three|four|five|six|seven|ten|twenty)[- ]minute (?:chat|appointment|assessment|phone call|consultation|review)"
        r"|(?:got|spent|lasted) (?:\d+|two|three|four|five|six|seven|ten) minutes",
        0.55,
    ),
    # 6. Investigations not done / results not acted on.
    (
        r"(?:nobody|no one|never|not one \w+|didn'?t|did not)[^.!?]{0,20}(?:scanned|x-?rayed|tested|biopsied|did (?:a|an|any) (?:scan|x-?ray|test|bloods|biopsy)"
        r"|ordered|followed (?:it )?up|acted on|did anything (?:with|about)|re-?weighed|measured|reviewed)",
        0.6,
    ),
    (
        r"(?:wasn'?t|was never|not|never been) seen by a (?:doctor|senior|consultant)|no doctor (?:saw|had seen|looked)|nobody above an?",
        0.55,
    ),
    # 7. Clinical skill: repeated attempts, inexperience, poor technique.
    (
        r"(?:goes|attempts|tries)[^.!?]{0,30}(?:cannula|lumbar puncture|vein|blood|epidural|needle|reduction)"
        r"|(?:cannula|lumbar puncture|epidural|bloods?|biopsy)[^.!?]{0,40}(?:goes|attempts|tries|times)"
        r"|(?:had|took|needed) (?:four|five|six|three|\d+) (?:goes|attempts|tries)|(?:four|five|six|\d+) attempts|attempt (?:four|five|three|\d)",
        0.6,
    ),
    (
        r"clearly hadn'?t done (?:many|this|one)|(?:still|was|is) learning|had to (?:go and )?ask (?:somebody|someone)|very junior"
        r"|(?:didn'?t|did not) (?:seem to )?know how to"
        r"|(?:hadn'?t|had not|didn'?t|did not|never|clearly hadn'?t|wouldn'?t|would not) (?:even )?read (?:my|his|her|the) (?:notes|referral|letter|history|records|care plan|emergency letter)",
        0.6,
    ),
    (
        r"(?:rubbish|bad|terrible|poor|botched|sloppy) job|(?:wasn'?t|was not|hadn'?t been|weren'?t|not) (?:fully )?(?:fixed|done|divided|closed|set|stitched|fitted|cleaned) properly"
        r"|come apart|split open|left (?:glass|gauze|a swab|a piece|\w+ of gauze)",
        0.65,
    ),
    # 8. Treatment decisions: pain undertreated, judged by label or age, another professional alarmed.
    (
        r"(?:only|just) (?:paracetamol|calpol|gaviscon|ibuprofen)|paracetamol[^.!?]{0,30}(?:for (?:cancer|bone|a broken|his|her)|like it was)"
        r"|pain (?:relief )?(?:wasn'?t|was not|not|never) (?:controlled|working|managed)|(?:given|gave|offered|got|give|giving)[^.!?]{0,15}paracetamol"
        r"|nothing (?:had been )?written up",
        0.55,
    ),
    (
        r"(?:put|written|wrote (?:it|him|her) off) down to (?:her|his|my) (?:learning disability|age|dementia|autism|mental health|weight)"
        r"|\bbehavioural\b|because of (?:his|her|my) age|(?:too young|too old) for",
        0.55,
    ),
    (
        r"(?:gp|consultant|nurse|doctor|pharmacist|surgeon|specialist|dentist|optician|team)[^.!?]{0,20}(?:was|were|seemed) (?:horrified|baffled|surprised|shocked|appalled)"
        r"|should know better|of all people|even i know",
        0.55,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (1, 2, 5, 7, 11)]
