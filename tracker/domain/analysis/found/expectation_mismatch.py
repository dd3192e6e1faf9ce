"""New lexicon patterns for expectation-mismatch: the outcome or experience differed from what the
patient was led to expect, or expectations were never set. Each pattern names a way people say
"this is not what we were told / sold / promised", not a procedure or topic word."""

PATTERNS = [
    # sold / described / advertised as something it turned out not to be
    (
        r"(?:described|sold|advertised|billed|marketed|presented|pitched) (?:to (?:me|us|her|him) )?as",
        0.7,
    ),
    # belief the service created: "under the impression", "on the understanding", "given to understand", "made it sound"
    (
        r"under the impression|on the (?:clear )?understanding|given to understand|given the impression|in the belief|"
        r"made to think|made (?:it )?(?:sound|seem)|on the strength of",
        0.7,
    ),
    # the patient's own expectation spelled out: "I thought the op would...", "we understood 'home with support' to mean..."
    (
        r"(?:i|we|she|he) (?:had )?(?:thought|assumed|believed|understood)[^.!?]{0,60}(?:would|meant|was going to|'d be|means)",
        0.55,
    ),
    # the gap named: "not what we were told", "what my husband got was a plastic chair", "turns out it..."
    (
        r"(?:wasn'?t|isn'?t|not) what (?:i|we|she|he|they)(?:'d| had| was| were)? ?(?:expect|been told|told|promised|signed up|"
        r"planned|agreed|hoped|was expecting|were expecting)|what (?:\w+ ){0,2}(?:got|received) was",
        0.7,
    ),
    (r"turns? out (?:that|it|this|they)", 0.45),
    (
        r"(?:came|come|went|turned up|arrived|attended) (?:in )?expecting|expecting (?:to|a|an|the|that|somebody|someone)|"
        r"(?:i|we|she|he|pt|family) expected (?:to|a|an|the|that|somebody|someone|her|him)",
        0.55,
    ),
    # promised a service or setting that did not materialise (calls/results excluded: that is delayed communication)
    (
        r"promised (?!(?:me |us |her |him )?(?:a |an )?(?:call|phone))(?:\w+ ){0,4}(?:side room|single room|own room|private room|"
        r"room|bed|therapy|rehab|physio|continuity|consultant|care package|package|nurse|visit|daily|intensive|birth|pool|"
        r"equipment|carers?|placement|cure)",
        0.6,
    ),
    (r"(?:side|single|private|own) room[^!?]{0,120}\bbay\b", 0.55),
    # promised length of stay vs reality: "home the same day", "day case ... kept in three nights"
    (
        r"(?:home|discharged) (?:the )?(?:same day|next day|day after|by lunchtime|for (?:tea|lunch))",
        0.6,
    ),
    (
        r"(?:in and out|day case|day surgery|same day|for (?:tea|lunch)|home the next day)[^!?]{0,100}"
        r"(?:nights?\b|days\b|overnight|kept in|stayed|stay\b)",
        0.6,
    ),
    # promised recovery: "you'll be walking", "I'd be back at work in a week", "recovery takes one to two weeks"
    (
        r"(?:i'?d|he'?d|she'?d|you'?ll|we'?d|you'?d|i would|he would|she would) be (?:walking|back|home|off|dancing|fine|sorted|"
        r"up and about|driving|out|asleep|able to|seeing|seen by)",
        0.5,
    ),
    (
        r"(?:said|told|promised|assured|reckoned|says|'|would be|'d be|'ll be)[^.!?]{0,40}"
        r"(?:back (?:at|to) (?:work|normal|school|the golf course|my feet)|back on (?:my|his|her) feet|walking (?:normally|normal)?|"
        r"off (?:the )?crutches|dancing|off work|recovery|sore|settles?)[^.!?]{0,30}\b(?:in|within|by|after|takes?|for) "
        r"(?:a|an|\d+|one|two|three|four|six|a few|a couple of)[- ]?(?:\w+ )?(?:weeks?|fortnight|months?|days?)",
        0.55,
    ),
    (
        r"\b(?:\w+|\d+) (?:weeks?|wks|months?|years?) (?:on|later|after)\b[^.!?]{0,30}\bstill (?:can'?t|cannot|unable|"
        r"in (?:agony|pain)|on (?:crutches|them|sticks)|signed off|off work|not (?:walking|driving|right|back|able)|limping|sore|"
        r"numb|wearing|obliged|need)",
        0.55,
    ),
    # promised result of treatment: "would get rid of the pain", "change my life", "get to the bottom of it"
    (
        r"(?:would|'d|will|'ll|should|supposed to|going to)[^.!?]{0,10}(?:get rid of|sort (?:out|me out|it out)|fix|cure|"
        r"clear (?:it|up)|change (?:my|his|her) life|give (?:me|him|her) back|be the end of|get to the bottom)",
        0.55,
    ),
    # minimised beforehand: "a quick procedure", "told it was 'routine'", "said it might be 'a bit uncomfortable'"
    (
        r"(?:a|an|the) (?:quick|simple|routine|minor|small|little|tiny) (?:procedure|op|operation|test|job|look|camera|fix|day case)",
        0.5,
    ),
    (
        r"(?:said|told|called|described|sold|promised)[^.!?]{0,30}'(?:a |just a |only a |it'?s )?(?:routine|minor|simple|quick|"
        r"small|tiny|little|keyhole)(?:,? ?\w+)?(?:'| procedure| op\b| operation| test| job| look| fix| thing| day case| scratch)",
        0.5,
    ),
    (
        r"(?:said|told)[^.!?]{0,30}(?:i'?d|it'?d|it would|it might|she'?d|he'?d|would|might|will)[^.!?]{0,20}"
        r"'(?:a bit|a little|just|only|mild|like a)",
        0.55,
    ),
    # promised waiting time: "told I'd be seen within two weeks"
    (
        r"(?:told|promised|said|assured)[^.!?]{0,30}(?:seen|be seen|see (?:you|me|him|her)) within",
        0.5,
    ),
    # the feeling of a broken expectation: "let down", "false hope", "unrealistic", "managed that expectation"
    (
        r"let down|cheated|false hope|(?:got|built|raised|getting) (?:our|my|his|her|their) hopes|built up for nothing|"
        r"unrealistic|realistic (?:picture|idea|expectation)|(?:manage[sd]?|managing|set|raised?) (?:\w+ )?expectations?|"
        r"expectations? (?:were|was) (?:never|not)",
        0.55,
    ),
    # sarcastic echo of the promise: "dementia friendly my foot", "within 7 days? try 7 weeks"
    (
        r"(?:friendly|chance|simple|routine|quick|minor|little|small|easy|gentle|gentler|tiny|nothing|straightforward) my foot|"
        r"[?!.,]\s*try (?:\d+|\w+ (?:weeks|months|days|hours))",
        0.6,
    ),
    (
        r"\b(?:leaflet|website|brochure|booklet|poster|tour|open evening|information evening|advert)[^.!?]{0,20}"
        r"(?:promised|promises|describ\w+|showed|shows|advertis\w+|sells|sold)",
        0.5,
    ),
    # expectations never set or corrected: "nobody corrected me", "nobody prepared us", "even a possibility"
    (
        r"nobody (?:ever )?(?:managed|corrected|prepared|made clear)|nobody had said that'?s what|even (?:a )?possib\w+|"
        r"could (?:go|be|end up) like (?:this|that)|end up worse",
        0.55,
    ),
    (
        r"i wish (?:somebody|someone|they|anyone|he|she) had (?:said|told|mentioned|warned)|"
        r"(?:nice|good|handy|helpful) to know (?:before|beforehand|at the)",
        0.5,
    ),
    # plans made on the strength of what they were told: "I'd booked a holiday", "arranged two weeks off"
    (
        r"(?:booked|arranged|planned|cancel(?:led)?|organised)[^.!?]{0,30}(?:holiday|flights?|lift|time off|weeks? off|"
        r"annual leave|shifts|childcare|kennels|wedding)",
        0.55,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (1, 7, 9, 10, 13)]
