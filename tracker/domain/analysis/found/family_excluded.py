"""New lexicon patterns for family-excluded: relatives or carers not involved, updated or
consulted when they should have been. Each pattern names one way families say this."""

# relatives a family member might name (used inside patterns below)
REL = r"(?:wife|husband|partner|son|daughter|mum|mother|dad|father|parents|family|brother|sister|carer|children|kids)"

PATTERNS = [
    # standing denied: "I'm 'not next of kin'", "'family only'", "isn't a blood relative", "we never married"
    (
        r"not (?:his |her |their |the |a )?(?:next of kin|nok|family|a relative|blood relative|immediate family)\b|"
        r"'(?:family only|not family|next of kin)|(?:isn'?t|wasn'?t|aren'?t|not) (?:a )?blood relatives?|"
        r"never married|(?:aren'?t|weren'?t|not) married",
        0.6,
    ),
    # long relationship asserted to claim standing: "married forty-one years", "together 22 years", "wife of fifty years"
    (
        r"(?:married|together|partners?|wife|husband)[^.!?]{0,25}(?:for )?\b(?:\d+|\w+(?:[- ]\w+)?) years\b(?! ago)",
        0.5,
    ),
    # formal standing the ward ignored: listed/named as next of kin, LPA, deputy, parental responsibility
    (
        r"(?:listed|down|named|registered|recorded) as (?:his |her |their |the )?(?:next of kin|nok|contact|carer|main contact)|"
        r"(?:hold|have|holds|i'?m|with) (?:\w+ ){0,3}(?:lpa|power of attorney|attorney for|deputy)|parental responsibility",
        0.7,
    ),
    # carer identity: "I've looked after her for 11 years", "main carer", "I'm the one who does his meds", "we are his parents"
    (
        r"(?:i|we)(?:'ve| have)? (?:cared for|looked after) (?:him|her|my \w+|them)|(?:main|full[- ]time|young|only|primary|unpaid) carer|"
        r"(?:we|i) (?:are|am|'?m|'re) (?:his|her|their) (?:parents|family|only)|"
        r"(?:i'?m|i am|im|we'?re|we are) the (?:one|ones) (?:who|that|keeping|looking|doing|on every)|"
        r"(?:does|do|manage|manages|sorts|give|gives|doing) (?:all )?(?:of )?(?:his|her|my|their|mum'?s|dad'?s) "
        r"(?:meds|medication|medicines|tablets|insulin|appointments|care|nebulisers)",
        0.6,
    ),
    # learned it from a third party instead of the hospital: "found out from the ambulance driver / the care home / a cousin"
    (
        r"(?:found out|heard|learn(?:ed|t)|first (?:i|we) knew|only knew)[^.!?]{0,40}\bfrom (?:a|an|the|his|her|my|our|mum'?s|dad'?s) "
        r"(?:\w+ ){0,2}(?:driver|neighbou?r|cousin|mate|friend|patient|man|woman|clerk|manager|home|pharmacy|pharmacist|"
        r"social worker|police|porter|cleaner|student|bed)",
        0.7,
    ),
    (
        r"(?:we|i) (?:only )?heard from (?!the (?:doctor|consultant|surgeon|nurse|ward|team|hospital))|first (?:i|we) knew|"
        r"found out from (?:him|her|them)",
        0.55,
    ),
    # relatives told late: "we weren't told until Wednesday", "family not phoned till the morning"
    (
        r"(?:we|i|family|wife|husband|son|daughter)[^.!?]{0,15}(?:weren'?t|wasn'?t|were not|was not|not) "
        r"(?:told|phoned|called|rung|contacted|informed) (?:until|till|til)",
        0.7,
    ),
    # a named relative not told / contacted / consulted: "his wife wasn't told", "family not consulted", "nobody rang my son"
    (
        r"(?<!that )(?:my|his|her|the|pt'?s) "
        + REL
        + r"[^.!?]{0,60}(?:wasn'?t|weren'?t|was not|were not|never (?:been )?) "
        r"(?:told|called|rung|phoned|contacted|informed|consulted|included|invited|involved)\b|"
        r"\b(?:family|wife|husband|son|daughter|parents|nok|carer|relatives) not (?:told|called|rung|phoned|contacted|informed|"
        r"consulted|included|invited|involved)",
        0.65,
    ),
    (
        r"(?:nobody|no one|noone|no-one|never|didn'?t|did not|not)[^.!?]{0,20}(?:rang|phoned|called|contacted|informed|updated|"
        r"consulted|involved) (?:the house|any of us|either of (?:us|them)|my "
        + REL
        + r"|his "
        + REL
        + r"|her "
        + REL
        + r")\b",
        0.6,
    ),
    # "nobody thought to ring us / pick up the phone"
    (
        r"(?:nobody|no one|noone|no-one) (?:had )?(?:thought|bothered|had the decency|had the courtesy) to (?:\w+ ){1,2}"
        r"(?:us|the family|his \w+|her \w+|me,)|(?:nobody|no one) (?:\w+ )?thought to pick up",
        0.65,
    ),
    # decided without the family: "no discussion with us", "weren't part of any conversation", "without anyone letting us know"
    (
        r"(?:no|without any|without|not part of any|part of any) (?:discussion|conversation|notice|consultation|warning)[^.!?]{0,10}"
        r"(?:with|to) (?:us|the family|his \w+|her \w+)|(?:weren'?t|wasn'?t|not) part of (?:any|the) (?:conversation|discussion|"
        r"decision|plan)|without anyone (?:letting|telling|asking|consulting) (?:us|the family)",
        0.6,
    ),
    (
        r"(?:moved|transferred|discharged|sent home)[^.!?]{0,60}(?:without (?:anyone|anybody|any word|a word)|"
        r"no one (?:told|rang|let)|nobody (?:told|rang|let))",
        0.6,
    ),
    (
        r"(?:nobody|no one|noone|no-one|never|not once)[^.!?]{0,30}(?:sat down|spoke|spoken|talked) (?:with|to) "
        r"(?:the family|us|me about (?:mum|dad|him|her|my))",
        0.6,
    ),
    # meetings promised or held without them: "promised a family meeting", "best interests meeting ... wasn't invited"
    (
        r"(?:best interests?|family|discharge(?: planning)?) meeting[^.!?]{0,60}(?:without|never|not|wasn'?t|weren'?t|before)|"
        r"(?:promised|agreed|said there'?d be|would be) (?:a )?(?:best interests?|family) meeting",
        0.6,
    ),
    # told the patient, not the relative: "rang him, not me", "spoke to her, not us"
    (
        r"(?:rang|phoned|called|told|wrote to|updated) (?:him|her|his \w+|her \w+)[,]? not (?:me|us)|"
        r"(?:talk|talked|talking|spoke|speak|speaks|spoken|discussed|went through \w+)[^.!?]{0,20}(?:with|to) (?:him|her),? not (?:me|us)\b",
        0.7,
    ),
    # news or decisions given to a vulnerable patient alone: "told on his own", "with her alone", "'agreed' on his own"
    (
        r"(?:told|discussed|went through|gave)[^.!?]{0,60}(?:with (?:him|her) )?(?:on (?:his|her) own|alone)\b",
        0.5,
    ),
    (
        r"(?:with|to|asked) (?:her|him) alone|(?:agreed|consented|signed)[^.!?]{0,40}on (?:his|her) own|"
        r"on (?:his|her) own,? (?:a|the) (?:doctor|nurse|consultant)|(?:got|asked|let|had) (?:her|him|mum|dad) (?:to )?(?:sign|consent|decide|agree)",
        0.55,
    ),
    # happened while the relative stepped away: "while I was parking", "while we'd popped down to the canteen"
    (
        r"while (?:i|we|she|he|my \w+)(?: was| were| had|'d)? (?:\w+ )?(?:parking|moving the car|in the (?:corridor|car park|canteen|"
        r"waiting room|day room)|outside|gone (?:down|home)|popped|nipped|sat outside|waiting outside)",
        0.7,
    ),
    # asked to be called / present / involved
    (
        r"(?:asked|begged|requested)[^.!?]{0,30}to be (?:called|rung|phoned|kept (?:updated|informed)|told|updated|involved|there|present|in the room)|"
        r"(?:asked|wanted)[^.!?]{0,15}(?:for )?(?:me|us|my \w+|her \w+|his \w+) to (?:be (?:there|with|present)|come in|sit with|stay)",
        0.6,
    ),
    # sent away / kept out: "sent me out", "made my brother leave", "visiting is over", "wouldn't let me stay", "'no visitors'"
    (
        r"(?:sent|asked|told|made)[^.!?]{0,10}(?:me|us|him|her|dad|mum|my \w+) (?:out|to (?:leave|go home|step out(?:side)?|wait outside|wait in))|"
        r"(?:made|make|making) (?:me|us|him|her|my \w+|his \w+|her \w+) (?:leave|go home)|"
        r"visiting (?:is|was|has|had) (?:over|finished|ended)|visiting (?:hours|time) (?:is|are|was|were|had) (?:over|finished)|"
        r"(?:wouldn'?t|would not|won'?t|didn'?t|did not) let (?:me|us|him|her|them) (?:stay|in|come|be)|"
        r"(?:weren'?t|wasn'?t|not) allowed (?:in|to (?:stay|be|come|sit|go))|'no visitors|"
        r"(?:parents|partners|dads|relatives|family) (?:leave|go home|can wait|must leave)",
        0.6,
    ),
    # refused information on confidentiality grounds: "because of confidentiality", "'for data protection'", "told us nothing"
    (
        r"(?:because of|for|citing|on grounds of|due to) '?(?:patient )?(?:confidentiality|data protection)|consent(?:ed)? (?:to|for) (?:us )?shar|"
        r"told us nothing|(?:won'?t|wouldn'?t|would not|will not|can'?t|couldn'?t|refused to) (?:tell|speak to|talk to|update) us\b",
        0.55,
    ),
    # age threshold shuts parents out: "turned eighteen", "cos im not 18", "treated her as an adult"
    (r"turned (?:eighteen|18|sixteen|16)|(?:not|under) 18\b|as an adult\b", 0.55),
    # arrived to find the patient gone: "turned up to an empty bed", "his bed was stripped"
    (
        r"(?:turned up|arrived|came in|got there|found|find|to) (?:to )?(?:an |his |her |the )?empty bed\b|"
        r"bed (?:was |had been )?stripped",
        0.6,
    ),
    # left waiting in the relatives' room
    (
        r"(?:sat|put|waited|waiting|left|sitting) in (?:the|a) (?:relatives'?|family|quiet) room",
        0.55,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (0, 2, 3, 6, 19)]
