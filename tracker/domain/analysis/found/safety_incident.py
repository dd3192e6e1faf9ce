# New lexicon patterns for the "safety-incident" tag (error or harm event).
# Each pattern names a way people describe an error/harm event, not a topic word.
MED = (
    r"(?:insulin|dose|doses|injection|antibiotics?|morphine|oramorph|heparin|tablets?|jab|medication|medicine|"
    r"meds|drugs?|paracetamol|warfarin|infusion|fluids|blood|transfusion|vaccin\w+)"
)

PATTERNS = [
    # duplicated dose: "insulin given twice", "gave him his heparin twice"
    (
        MED
        + r"[^.!?]{0,30}(?:given|gave|had|got)\b[^.!?]{0,20}\btwice\b|(?:given|gave|giving)[^.!?]{0,40}"
        + MED
        + r"[^.!?]{0,30}\btwice\b",
        0.8,
    ),
    # gross dose error: "ten times the dose", "10x the morphine", "an adult dose"
    (
        r"(?:\b\d+|ten|five|two|three|four) ?(?:times|x) (?:the )?(?:correct |prescribed |usual |normal |right )?"
        r"(?:dose|amount|morphine|midazolam|insulin|strength)|adult dose",
        0.8,
    ),
    # another patient's medicine / blood / milk / band: "the other lady's insulin", "someone else's blood"
    (
        r"(?:another|the other|a different|somebody else'?s|someone else'?s|someone elses) (?:\w+ )?"
        r"(?:lady|man|patient|woman|baby|child|person|mother|mum|gentleman)?'?s? ?(?:\w+ )?(?:insulin|tablets|medicine|"
        r"medication(?! list)|blood(?! results)|milk|morphine|drugs?|wristband|name band|label|discharge bag|bag)|"
        r"(?:tablets|medication|insulin|morphine|meds|milk|blood) (?:of|for|meant for|belonging to) (?:the|another) "
        r"(?:lady|man|patient|woman|person|baby|mother)",
        0.75,
    ),
    # wrong site / side / patient: "wrong knee", "marked my left", "that's the wrong one", "it's my right"
    (
        r"wrong (?:knee|eye|tooth|teeth|mole|arm|hip|hand|foot|finger|toe|site|place|way round|name|wristband|label|"
        r"baby|bed|kidney|ear|breast)|(?:marked|arrow|drew|drawn)[^.!?]{0,30}\b(?:left|right)\b|\bthe wrong one\b|"
        r"\bit'?s my (?:left|right)\b",
        0.75,
    ),
    # identification errors: "wristband had another baby's name", "labelled with another patient's details"
    (
        r"(?:wristband|name ?band|id band|label\w*)[^.!?]{0,40}(?:wrong|another|someone else|somebody else|"
        r"other (?:lady|man|patient|woman|baby))",
        0.75,
    ),
    # omitted or late medicines: "36 hours without his heart tablets", "tablets two hours late", "not due till"
    (
        r"(?:hours|days|night|overnight) without (?:any |his |her |their |my )?(?:medication|meds|tablets|insulin|"
        r"pain relief|antibiotics|oxygen|heart tablets|parkinson)|(?:tablets|meds|medication|insulin|antibiotics|doses?|"
        r"inhaler|painkillers|pain relief)[^.!?]{0,30}(?:\w+ hours? late\b|late every|went in at|not given|never given|"
        r"wasn'?t given|weren'?t given|never came|not due)|parkinson'?s (?:tablets|medication|meds|drugs|dose)",
        0.7,
    ),
    # known sensitivity ignored: "reacts badly to", "they gave it anyway", "X-rayed anyway"
    (
        r"\breacts? (?:badly )?to|(?:makes|made) (?:me|him|her) hallucinate|(?:gave|given|giving|put|x-?rayed|"
        r"fed (?:him|her|me)|yanked|pulled|took off|carried on|went ahead)[^.!?]{0,40}\banyway\b",
        0.65,
    ),
    # glycaemic harm: "went hypo", "developed DKA", "sugars all over the place", "a sugar of 1.9"
    (
        r"(?:went|go|gone|was|became|developed|into|ended up) (?:\w+ )?(?:hypo|dka)\b|hypoglyc\w*|"
        r"sugars? (?:of|was|were|at|dropped|went|sat)[^.!?]{0,10}(?:\d|sky|all over|through the roof)|"
        r"(?:a|with a) (?:sugar|reading|bm|cbg) of \d",
        0.65,
    ),
    # acute collapse / deterioration: "found unresponsive", "crash call", "went grey", "found her cold"
    (
        r"(?:found|was|went|became|left) (?:\w+ )?(?:unresponsive|unrousable|unconscious|barely rousable|clammy and)|"
        r"\b(?:arrested|crash call|cardiac arrest|arrest call|crash team)|(?:went|turned) (?:grey|blue|purple|rigid)|"
        r"blue[- ]lipped|found (?:him|her|them|mum|dad|my \w+)? ?(?:cold|on the \w+ floor|lying)",
        0.7,
    ),
    # falls described without "fell": "rolled off the trolley", "slid off", "down she went"
    (
        r"(?:rolled|slid|toppled|tipped) off|went down between|down (?:i|she|he) went|(?:she|he|i|mum|dad) went down\.",
        0.75,
    ),
    # absconding / unsupervised vulnerable patient: "found by police", "walked off the ward", "nobody noticed"
    (
        r"(?:found|picked up|brought back) by (?:the )?police|police (?:found|brought|picked)|found wandering|"
        r"walked (?:out of|off) (?:the )?(?:ward|a&e|unit|hospital)|(?:left|walked|wandered)[^.!?]{0,30}unnoticed|"
        r"nobody noticed",
        0.6,
    ),
    # retained objects: "swab left inside", "left glass in it", "cannula still in"
    (
        r"(?:swab|glass|instrument|needle|cannula|drain|clip|tampon|gauze)[^.!?]{0,30}(?:left (?:in|inside)|still in)|"
        r"left (?:inside|in (?:me|her|him))",
        0.75,
    ),
    # circulation compromised by cast/bandage: "cast so tight", "fingers went blue"
    (
        r"(?:cast|bandage|plaster|dressing)[^.!?]{0,40}(?:too tight|so tight)|(?:fingers|toes)[^.!?]{0,20}"
        r"(?:blue|purple|black|numb)",
        0.75,
    ),
    # injury from collapse: "fainted", "blacked out", "cut his head"
    (
        r"\b(?:fainted|passed out|blacked out|keeled over)|(?:cut|split|banged|hit) (?:his|her|my) head",
        0.6,
    ),
    # hospital-acquired harm: "caught norovirus on the ward", "sore on his sacrum", "skin breaking down"
    (
        r"\bcaught (?:\w+ )?(?:norovirus|covid|c\.? ?diff|infection|bug|flu|pneumonia|virus|mrsa)|"
        r"\bsores? on (?:his|her|my|the) |skin[^.!?]{0,20}(?:break\w* down|broken down|broke down)|red raw|"
        r"pressure[- ]reliev\w+",
        0.7,
    ),
    # near misses caught by patient/family/staff: "nearly given", "lucky I looked", "good spot"
    (
        r"(?:nearly|almost) (?:been )?(?:given|had|gave|operated|injected|transfused)|good spot|(?:caught|spotted) "
        r"(?:it|the error|the mistake)|lucky (?:i|we) (?:looked|noticed|was there|were there|checked)|"
        r"only noticed because|noticed,? not (?:them|the staff|the nurse)|before (?:i|we) could stop",
        0.6,
    ),
    # incident-governance language
    (r"never event|duty of candour|serious incident", 0.6),
    # monitoring lapses: "nobody checked his oxygen", "on fifteen-minute checks"
    (
        r"(?:nobody|no one|not|never|didn'?t)[^.!?]{0,20}(?:checked|check|took|monitored)[^.!?]{0,20}(?:obs|observations|"
        r"oxygen|blood sugar|sugars?|blood pressure|wristband|pulse|temperature|kidney)|(?:fifteen|15)[- ]minute? "
        r"(?:checks|obs|observations)|on (?:\w+ )?observations",
        0.65,
    ),
    # unsafe discharge: "sent home alone in a taxi", "taxi to an empty house"
    (
        r"(?:taxi|ambulance)[^.!?]{0,40}(?:alone|on (?:his|her|their) own|empty (?:house|flat))|"
        r"(?:alone|on (?:his|her) own) in a taxi",
        0.55,
    ),
    # equipment/infusion failures: "syringe driver ran out", "alarm beeped for forty minutes", "oxygen ran empty"
    (
        r"syringe driver[^.!?]{0,60}(?:ran|alarm|took down|taken down|run through|empty|wrong|times|set up with|out)|"
        r"alarm[^.!?]{0,40}(?:went off|beeped|went on|wasn'?t working|not working|for \w+ minutes)|"
        r"(?:oxygen|cylinder|driver|pump|bag|drip)[^.!?]{0,30}(?:ran out|ran empty|run through|was empty|ran dry)",
        0.65,
    ),
    # unattended birth: "baby came ... with nobody in the room", "born on the bathroom floor"
    (
        r"(?:baby|son|daughter|he|she) (?:came|was born|arrived)[^.!?]{0,40}(?:no one|nobody|on the (?:bed|floor|bathroom))",
        0.7,
    ),
    # lasting harm: "permanent nerve damage", "lost power in both legs", "cost me the vision"
    (
        r"permanent(?:ly)? (?:nerve )?damage|lost (?:the )?(?:power|sight|vision|feeling)|cost (?:me|him|her) "
        r"(?:the|my|his|her)",
        0.6,
    ),
    # results not acted on: "report sat in the system unread", "nobody acted on it"
    (
        r"(?:result|report|scan|x-?ray|bloods?|recommend\w*)[^.!?]{0,40}(?:not acted on|never acted on|wasn'?t acted on|"
        r"unread|nobody acted|sat (?:in|on))|(?:nobody|no one) acted on",
        0.65,
    ),
    # named iatrogenic complications
    (r"blistered|phlebitis|compartment (?:syndrome|pressure)|\bileus\b|extravasat\w+|tissued", 0.6),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (3, 6, 7, 8, 10)]
