"""New lexicon patterns for 'environment' (cleanliness, noise, food, parking, equipment,
visible understaffing, lack of space/privacy in the physical setting).
Each pattern names a way people describe the facility or staffing failing them."""

PATTERNS = [
    # parked on a trolley / plastic chair in a corridor (no space)
    (
        r"(?:trolley|plastic chair|wheelchair|bed)s?[^.!?]{0,30}\b(?:in|on|down|along) (?:a|the) (?:\w+ )?corridor",
        0.7,
    ),
    (
        r"(?:corridor|plastic chair)[^.!?]{0,40}(?:hours|all night|whole time|overnight)|(?:hours|all night|overnight)[^.!?]{0,40}(?:corridor|plastic chair)",
        0.6,
    ),
    # visible understaffing: ratios, 'run ragged', staff down / off sick
    (
        r"\b(?:one|two|three|1|2|3) (?:nurses?|rns?|registered nurses?|hcas?|staff|members? of staff)\b[^.!?]{0,30}\b(?:for|to|between|covering|looking after) (?:the (?:whole|entire) (?:ward|bay)|\w+ (?:patients|pts|beds|bays))",
        0.75,
    ),
    (
        r"run ragged|rushed off|(?:weren'?t|wasn'?t|were not|not) enough (?:of them|nurses|staff|hands)|short of staff|(?:staff|nurses?) (?:off sick|down)|(?:two|three|\d) (?:staff|nurses) (?:down|short|off)|(?:two|three|\d) off sick|staffing",
        0.6,
    ),
    # call bells / buzzers ringing unanswered or broken
    (
        r"(?:call bells?|buzzers?)[^.!?]{0,40}(?:for (?:\w+ )?(?:minutes|mins|an hour|hours)|nobody came|no one came|going|ringing|unanswered|dead|not working|didn'?t work)|(?:pressed|rang) (?:the|my|her|his) (?:buzzer|call bell)[^.!?]{0,30}(?:minutes|hour)",
        0.6,
    ),
    # no side room / put in a shared or mixed bay
    (
        r"(?:no|not a|wasn'?t a|promised a|get a|have a|be a|there'?s no) (?:free |spare |single )?(?:side room|private room|quiet room|quiet space)|side rooms?[^.!?]{0,20}(?:free|available)|(?:four|six|4|6|eight)[- ]bed(?:ded)? (?:mixed )?bay|bay of (?:four|six|eight)|mixed bay|mixed[- ]sex|bay with (?:\w+ )?men",
        0.65,
    ),
    # nowhere quiet/private to talk or wait; every room busy
    (
        r"(?:nowhere|no where|not one|isn'?t a|wasn'?t a|there was no|there'?s no|there is no) (?:quiet|private)(?: \w+)? (?:room|space|place|area|corner)|somewhere quiet|(?:all the|no|every) (?:rooms?|cubicles?)[^.!?]{0,15}(?:busy|free|full|taken)|nowhere else to put|no proper room",
        0.6,
    ),
    # bereaved / miscarrying mothers placed among pregnant women and babies
    (
        r"(?:next to|among|amongst|surrounded by|with|hear|heard|hearing)[^.!?]{0,25}(?:bumps|crying babies|babies crying|new mums|(?:women|mums) who'?d just given birth|pregnant women|happy couples|other (?:women'?s )?babies)",
        0.65,
    ),
    # curtains that don't close, thin walls, cramped chairs
    (
        r"curtains?[^.!?]{0,40}(?:(?:don'?t|didn'?t|wouldn'?t|doesn'?t|won'?t|do not|did not|would not) (?:meet|close|shut|reach)|half open)|(?:only|just) (?:separated by )?(?:a )?curtains?|separated (?:only )?by (?:a )?curtains?|curtains? only|walls? (?:like|as thin as) paper|through the (?:partition|wall|curtain)|no (?:screen|lock|locks|blind)\b|chairs? (?:are |were )?so close|\bcramped\b|don'?t recline|no reclining",
        0.6,
    ),
    # food: special diets not catered for
    (
        r"\b(?:vegetarian|vegan|halal|kosher|coeliac|gluten[- ]free|diabetic|renal) (?:meals?|options?|food|diet|menu)\b|nothing (?:halal|kosher|vegetarian|vegan)|(?:meals?|food)[^.!?]{0,30}(?:not suitable|no carb)|lived on (?:toast|bread|crisps|fruit|biscuits|sandwiches)",
        0.6,
    ),
    # food: quality / missing meals
    (
        r"(?:hospital|ward) food\b|the food\b[^.!?]{0,30}(?:was|is|:|on)|food[^.!?]{0,10}(?:dire|awful|terrible|disgusting|inedible|grim|horrendous|appalling)|stone cold|cold toast|cheese sandwich|jacket potato|no (?:lunch|dinner|breakfast|meals?|hot drinks?)\b",
        0.55,
    ),
    # refreshments: cafe shut/expensive, no water
    (
        r"(?:restaurant|cafe|café|canteen|shop|vending machine)[^.!?]{0,30}(?:shut|closed|expensive|empty|out of date)|nowhere to (?:buy|get) food|no (?:drinking )?water\b|water (?:cooler|fountain)",
        0.6,
    ),
    # temperature / windows
    (
        r"windows?[^.!?]{0,20}(?:won'?t|wouldn'?t|doesn'?t|didn'?t|don'?t|does not|did not|would not|could not|couldn'?t) (?:shut|open|close)|\d\d degrees|so (?:cold|hot)|roasting|sweltering|stifling|no fans?\b|\bfans?\b[^.!?]{0,15}(?:broke|shared)|heatwave|(?:slept|sat) in (?:his|her|my|our) coats?",
        0.65,
    ),
    # noise and lights at night
    (
        r"\b(?:telly|tv|television|radio)\b[^.!?]{0,25}(?:\bon\b|blaring|full|loud|volume)|shout\w* (?:all night|every night|through)|drilling from|building work|alarms? (?:going off|beeping)|beeping|keep (?:their|your|the) (?:voices|noise) down|turn (?:the |their |his )?(?:radio|telly|tv|music|volume) down|lights?\b[^.!?]{0,20}(?:on all night|on at|on till|switched on|left on|full on)|lights off",
        0.6,
    ),
    # named equipment missing, broken or on order
    (
        r"\b(?:hoist|pressure[- ](?:relieving )?mattress|sensor mat|bed alarm|commode|hearing loop|changing bench|syringe driver|splint|walking frame|monitor)s?\b[^.!?]{0,50}(?:on loan|not (?:working|available|switched)|wasn'?t working|no (?:working|spare)|broken|out of (?:action|service)|on order|never (?:came|arrived|turned up)|didn'?t have|ran out|split)",
        0.65,
    ),
    # machines / lifts broken down
    (
        r"(?:scanner|machine|lift|lifts|equipment|hoist)[^.!?]{0,20}(?:broke down|broken down|(?:is |was )?down\b|out of action|out of service|not working|isn'?t working|hasn'?t worked|failed)|no working (?:\w+ )?(?:lift|hoist|telly|tv|toilet|heater|call bell|microwave)",
        0.65,
    ),
    # kit not available / wrong size
    (
        r"(?:no|not a single|aren'?t any|wasn'?t a|weren'?t any|there (?:was|is|were) no) (?:spare |free |working )?(?:wheelchairs?|porters?|monitors?|splints?|couch|microwave|hoists?|trolleys?|cubicles?|pillows?)\b[^.!?]{0,10}(?:free|available|in (?:my|her|his|your) size|on the (?:whole )?ward|left)|(?:wheelchair|chair|bed|gown|cuff|mattress)s?[^.!?]{0,30}(?:too (?:low|small|narrow|big)|in (?:my|her|his|your) size|no footplates)|ordinary mattress",
        0.6,
    ),
    # cleanliness and hygiene supplies
    (
        r"(?:hand gel|gel dispensers?|soap|paper towels?|toilet (?:roll|paper)|bins?)[^.!?]{0,30}(?:empty|overflowing|ran out|run out)|no (?:soap|paper|toilet paper|paper towels|hand gel)\b|overflowing|cockroach\w*|mould\b|\bmice\b|vermin|used pad|plughole|faeces|sharps bin|wet floor|(?:no|without a) (?:warning|wet floor) sign",
        0.7,
    ),
    # toilets: too few, shared, closed, accessible one unusable
    (
        r"(?:one|a single|only one) toilet|shared (?:a|the) toilet|toilets?[^.!?]{0,20}(?:taped off|closed|out of use)|accessible toilet|disabled (?:toilet|loo)|changing bench",
        0.65,
    ),
    # waiting area: too few chairs, people standing, crowds
    (
        r"chairs? for (?:about |around )?(?:\w+|\d+) (?:people|of us|patients)|(?:not enough|no) (?:chairs|seats|seating)|(?:stood|standing) for (?:over |most of )|(?:standing|stood) on crutches|(?:people|patients|half of them|most of us) standing|nowhere (?:to|for)[^.!?]{0,10}(?:sit|sleep|wait|leave)|(?:about|around|over|at least) (?:forty|thirty|fifty|sixty|twenty|\d\d) (?:people|of us|patients)",
        0.65,
    ),
    # getting around the building
    (
        r"no (?:working )?lift|flights? of stairs|no ramp|no signs|signage|site map|signpost\w*|round in circles",
        0.6,
    ),
    # bedding
    (
        r"no (?:spare )?(?:pillows?|blankets?|sheets|linen)\b|(?:pillow|blanket)s?[^.!?]{0,30}(?:nothing came|none|bare|from home)|linen cupboard",
        0.65,
    ),
    # parking cost / pay machines
    (
        r"(?:a day|an hour|per day|per hour|a week) to park|to park[^.!?]{0,20}(?:cost|fortune|expensive)|pay on exit|coins only|only takes coins",
        0.55,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (0, 3, 5, 8, 10)]
