"""New lexicon patterns for 'administrative-process' (billing, records, discharge paperwork,
lost documents, bureaucracy). Each pattern names a way people describe the paperwork or
the system failing them: post to the wrong address, letters arriving after the date,
referrals 'never received', records merged or wrong, certificates nobody will sign,
being sent round in circles, wrongly marked DNA, belongings lost."""

PATTERNS = [
    # post / results / texts sent to the wrong place or person
    (
        r"(?:letters?|results?|summary|text|reminders?|appointments?|invoice|bill|referral|report|request|correspondence|copy)[^.!?]{0,40}(?:went|sent|posted|emailed|faxed|addressed|copied|came|going|goes|keep going) to (?:my |his |her |our |the |a |an )?(?:old|previous|former|wrong|ex|work|school|employer|occupational health|mum'?s|neighbour|another|different|someone|email|address)|(?:work|school) (?:address|email)",
        0.75,
    ),
    # contact details out of date on the system
    (
        r"(?:old|previous|former) (?:address|flat|house|mobile|number|phone|name|gp|surgery)|(?:updated|changed|gave|confirmed) (?:my|his|her|our|the) (?:address|number|details|contact details|name)",
        0.6,
    ),
    # letters arriving after the date they refer to
    (
        r"arrived (?:after|the day after|a day after|too late|on the day of)|dated (?:for )?the day before|(?:appointment|appt) (?:that|which) (?:was|had been) (?:yesterday|last week|already)|after the (?:date|appointment) (?:it|had|was)|letter[^.!?]{0,40}(?:dated|posted) (?:the |on the )?\d",
        0.7,
    ),
    # duplicate / conflicting bookings
    (
        r"(?:two|three|four|five|six|\d) (?:different )?(?:appointment )?(?:letters|texts)|(?:each|all) with a different (?:date|time)|different (?:date|time)s? (?:on|for) the same|booked for the (?:wrong|day after)|(?:two|three) appointments? for the same|appointments? (?:at|on) the same (?:day|time)",
        0.65,
    ),
    # post to the dead / after a loss; window envelopes
    (
        r"addressed to (?:my |her |his )?(?:late|dead)|(?:letters?|reminders?|questionnaire|invitation)[^.!?]{0,60}(?:late (?:wife|husband|father|mother|mum|dad|son)|(?:after|since) (?:he|she) died)|reminding (?:me|her) to book|nobody had updated|take (?:him|her) off (?:your|the) system|window envelope|through the (?:envelope )?window|on the envelope|envelope window",
        0.65,
    ),
    # bereavement paperwork
    (
        r"death certificate|mccd|funeral (?:was |had to be |has been )?(?:delayed|moved|postponed)|(?:certificate|paperwork)[^.!?]{0,30}(?:not (?:been )?(?:signed|issued)|reissue|amended)|bereavement (?:office|team|officer)[^.!?]{0,60}(?:bounce|closed|only open|open \d|can'?t|couldn'?t|haven'?t|didn'?t|never|not|sent|lost)",
        0.7,
    ),
    # charging, billing, refunds, fines and appeals
    (
        r"overseas visitor|invoice|\bbill(?:ed)?\b|final demand|debt collect\w*|refund|private (?:amenity|patient)|\bcharged\b|penalty (?:charge|notice)|\bpcn\b|parking (?:fine|charge|ticket)|appeal(?:ed)?\b",
        0.6,
    ),
    # referrals / requests / letters never received or rejected
    (
        r"(?:referral|request|form|sample|biopsy|specimen|results?|report|prescription|letter|summary)[^.!?]{0,40}(?:never (?:received|reached|arrived|sent|got|logged)|hadn'?t been (?:sent|received|processed|done)|wasn'?t (?:sent|received|processed)|not (?:been )?(?:received|processed|sent|logged)|(?:got|been|was|went) lost|rejected|sent back)",
        0.7,
    ),
    (
        r"(?:sample|specimen|biopsy|bloods?|tube)s?[^.!?]{0,40}(?:lost|never (?:reached|arrived|got to|logged)|not (?:been )?(?:processed|logged|received)|went missing|in the bin)",
        0.7,
    ),
    (
        r"(?:gp|surgery|practice|community team|district nurses?)[^.!?]{0,40}(?:never|didn'?t|did not|hasn'?t|still hasn'?t|has not|haven'?t|still no|no) (?:got|had|received|seen|have)?[^.!?]{0,10}(?:letter|summary|discharge|referral|report|plan)",
        0.65,
    ),
    (
        r"(?:out of date|wrong|old|right|correct|new) version|(?:used the old|out of date|old) (?:form|referral form)|(?:form|request)[^.!?]{0,15}(?:rejected|sent back|not accepted)",
        0.65,
    ),
    # paperwork lost in the system / backlog
    (
        r"typing (?:pool|backlog)|in the (?:doctor'?s |consultant'?s )?tray|(?:gone|went) astray|fallen off the list|fell off (?:the list|it)|lost track|misplaced|hadn'?t been picked up|(?:can'?t|couldn'?t|could not|cannot|cant|nobody can) find (?:it|them)|(?:can'?t|couldn'?t|could not|cannot) be found|hadn'?t been passed on|didn'?t go through|failed to send|faxed|fax (?:line|number)",
        0.65,
    ),
    # records wrong, merged, someone else's, need correcting
    (
        r"(?:wrong|another (?:patient|woman|man|lady)'?s?|someone else'?s|other patient'?s|my husband'?s|my wife'?s) (?:records?|notes|file|discharge (?:summary|letter)|results?|letters?|paperwork|details)|merged (?:my|his|her) (?:record|notes)|system error|(?:record|system|notes|file) (?:still )?(?:has|had|shows?|says?|lists?) (?:my|his|her|the) (?:old|previous|wrong)|(?:correct|amend|change|update)[^.!?]{0,10}(?:my|his|her|the) (?:records?|notes|file)|(?:records?|notes) (?:corrected|amended)|booking system|the system (?:didn'?t|hadn'?t|had (?:her|him|me))",
        0.65,
    ),
    (
        r"(?:name|date of birth|dob)[^.!?]{0,15}(?:spelt|spelled|wrong|incorrect)|spel(?:t|led) (?:my |her |his )?name wrong|maiden name|misspel\w*|same name and (?:birthday|date of birth)|nhs number",
        0.6,
    ),
    # wrong person recorded as next of kin
    (
        r"(?:was|were|is) (?:still )?(?:down|listed|registered) as (?:the )?(?:named )?next of kin|(?:still|old|wrong|ex|previous)[^.!?]{0,30} as (?:the )?next of kin|next of kin (?:field|details)|\bnok (?:field|number|details)|(?:had|has|put) (?:her|his|my) \w+ down|still on (?:my|his|her) (?:file|record)",
        0.6,
    ),
    # not on the list / nobody has a record
    (
        r"(?:never heard of|no record of|no idea who|didn'?t know who) (?:me|him|her|us|i was)|(?:wasn'?t|not|weren'?t) on (?:the|their) list|(?:any|no) record of",
        0.6,
    ),
    # discharge paperwork wrong or missing
    (
        r"discharge (?:letter|summary|paperwork)[^.!?]{0,60}(?:went|sent|said|says|lists|listed|states|stated|hadn'?t|wasn'?t|never|not|arrived|reached|missing|wrong|spelt)",
        0.65,
    ),
    # forms, certificates and signatures nobody will do
    (
        r"fit note|sick note|med ?3|(?:form|letter) from the (?:ward|unit|hospital|consultant)|(?:wouldn'?t|won'?t|refused to|isn'?t allowed to|can'?t) (?:sign|write|do) (?:it|one|the form|a letter)|blue badge (?:form|application)|dvla|(?:exemption|hc2) certificate|countersignature|signature from|needed a signature|form (?:signed|stamped)|prescription[^.!?]{0,30}(?:wasn'?t signed|not signed|re-?done|not (?:been )?processed)|subject access",
        0.65,
    ),
    # forms to be filled in again; funding and eligibility rules
    (
        r"(?:had|has|have) to (?:fill in|complete|do) (?:the|a|it|this) (?:\w+ )?(?:form|questionnaire|assessment)[^.!?]{0,20}again|(?:form|questionnaire|assessment)[^.!?]{0,40}(?:again|twice|three times|from scratch)|(?:isn'?t|not|wasn'?t) (?:nhs )?funded|funding criteria|ineligible|(?:don'?t|didn'?t|doesn'?t) qualify",
        0.6,
    ),
    # transport booking
    (
        r"transport (?:booking|wasn'?t booked|was(?:n'?t)? cancelled|booked for the wrong|refused|eligib|(?:said|says) (?:i|she|he) (?:wasn'?t|isn'?t))|(?:not|isn'?t|wasn'?t) eligible for (?:patient |hospital )?transport",
        0.7,
    ),
    # phone lines and booking systems
    (
        r"automated (?:menu|message|line|machine)|automatic machine|press (?:1|one)|mailbox (?:is )?full|cuts? (?:me )?off after|cut (?:me )?off|no (?:email|text|online) option|on hold for|hold music",
        0.6,
    ),
    # sent round in circles between departments
    (
        r"round and round|back and forth|pillar to post|(?:ward|gp|hospital|clinic|pharmacy|secretary|bereavement)[^.!?]{0,30}says?[^.!?]{0,50}(?:the )?(?:ward|gp|hospital|clinic|pharmacy|secretary|council|mortuary|lab)[^.!?]{0,10}says?",
        0.65,
    ),
    # wrongly marked DNA / removed from list
    (
        r"(?:marked|recorded|down) (?:him |her |me |as )?(?:as )?(?:a )?(?:dna|did not attend|attended)|dna letter|did[- ]not[- ]attend|taken (?:me |him |her )?off (?:the|your) (?:list|system|waiting list)|discharged (?:me |him |her )?(?:back to (?:my|the) gp )?because (?:i|he|she|we)|(?:discharged|taken off)[^.!?]{0,40}(?:not attending|did not (?:attend|engage)|didn'?t attend|not engag|hadn'?t responded|not respond)|(?:letter|appointment) (?:i|she|he|we) never (?:got|received)",
        0.7,
    ),
    # belongings lost
    (
        r"(?:hearing aids?|dentures|glasses|wedding ring|engagement ring|belongings|property|wallet|handbag|\bthings\b)[^.!?]{0,40}(?:lost|missing|went missing|never (?:turned up|came back|returned)|sent to (?:the )?(?:laundry|mortuary|bereavement)|bagged up|misplaced)",
        0.6,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (1, 3, 6, 11, 17)]
