# New phrase patterns for "unexplained-risk": risks, side effects or likely outcomes of a test,
# treatment or operation were not explained (or not understood) before it happened; consent that
# was not truly informed. Regexes run on the lower-cased narrative; every gap is bounded to one
# sentence ([^.!?]{0,N}) so a positive sentence elsewhere cannot complete a match.

PATTERNS = [
    # "nobody ever explained the risks", "they didn't really discuss any complications":
    # negation, a few words, a telling verb, then a risk word.
    (
        r"(?:nobody|no one|no-one|noone|never|not|n't|didnt|without)\b[^.!?]{0,40}\b"
        r"(?:explain\w*|told|mention\w*|warn\w*|discuss\w*|said|went through|prepared|advis\w*)\b[^.!?]{0,80}"
        r"(?:risks?\b|complication\w*|side[- ]?effect\w*|could happen|might happen|can happen|go wrong|chance of|"
        r"possib\w+|consequence\w*|danger\w*)",
        0.8,
    ),
    # "nobody mentioned keloid", "nobody discussed the effect on mood", "not once did anybody mention"
    # (not "nobody discussed it with the family", which is about who was involved)
    (
        r"(?:nobody|no one|no-one|noone|not once did (?:any|some)\w*|not one \w+)[^.!?]{0,20}"
        r"(?:mentioned|discussed|made clear)\b(?! (?:to|with) )(?! (?:it|this|that|anything) (?:to|with) )",
        0.6,
    ),
    # "no mention of bleeding", "it was never mentioned", "clots had never once been mentioned"
    (
        r"no mention of|(?:never|didn'?t|did not|not) (?:once )?(?:been )?mention(?:ed)?\b|wasn'?t mentioned|"
        r"never came up|nothing about (?:side|any)",
        0.6,
    ),
    # "nobody said a word about bleeding", "said nothing about not smoking", "not one word about it"
    (
        r"(?:said|mentioned|told (?:me|us|him|her|them)) (?:a word|anything|nothing)(?: at all)? "
        r"(?:about|before|regarding)|not (?:one|a) word (?:about|on)|said nothing about",
        0.6,
    ),
    # "was not told the arm could swell", "what he didn't say was that the headache could flatten me"
    (
        r"(?:\bnot|neither|n't|didnt|hadnt|wasnt)\b[^.!?]{0,25}(?:told|said|explained|mention\w*|warned)"
        r"[^.!?]{0,60}\b(?:could|might|may|can)\b",
        0.6,
    ),
    # "nobody warned me", "without any warning", "why didnt anyone warn me"
    (
        r"(?:nobody|no one|no-one|noone|never|not|n't|didnt|without (?:any|a))[^.!?]{0,30}\bwarn(?:ed|ing)\b",
        0.7,
    ),
    # precautions and warning signs never given: "nobody told her to avoid alcohol", "no one told her she
    # mustn't bend", "nobody had told us what signs of bleeding to watch for"
    (
        r"(?:nobody|no one|no-one|noone|never|not)[^.!?]{0,25}(?:told|said|explained|warned)[^.!?]{0,20}"
        r"\b(?:must(?:n'?t)?|not to|to avoid|to stop|to watch|to look out|should(?:n'?t)?|to keep)\b|"
        r"(?:nobody|no one|never|not|n't|nothing)[^.!?]{0,60}(?:(?:what|which) (?:signs?|symptoms?)[^.!?]{0,30}"
        r"(?:watch|look) (?:for|out)|what to (?:watch|look) (?:for|out))",
        0.55,
    ),
    # "I had no idea that could happen", "didn't know my fingers could go numb" (not "no idea whether ...")
    (
        r"(?:no idea|no clue|didn'?t know|did not know|didn'?t realise|never knew|wasn'?t aware|was not aware|"
        r"unaware|dint no)(?! (?:whether|if|which|what|where|how|when|who))[^.!?]{0,40}\b(?:could|might|can|would|"
        r"was (?:likely|possible|a risk))\b",
        0.6,
    ),
    # the patient asked about the risks: "asked what could go wrong", "asked about side effects"
    (
        r"(?:asked|asking)[^.!?]{0,40}(?:side[- ]?effects?|go wrong|the chances|the risks?|worst that|"
        r"complications?|would affect)",
        0.6,
    ),
    # the risk played down in the clinician's words: "told it was 'very safe'", "'just a bit of discomfort'"
    (
        r"(?:said|told|called|described|sold)[^.!?]{0,40}'(?:it'?s )?(?:very safe|basically (?:no|zero|nothing)|"
        r"nothing really|you'?ll be fine|just a (?:look|scratch|bit)|a bit of (?:a )?(?:discomfort|headache|tired)|"
        r"routine|in and out|tiny|minor)",
        0.55,
    ),
    # only afterwards told it is common: "they said 'yes, that can happen'", "it's 'really common'"
    (
        r"(?:said|says|say|told (?:me|us|him|her)|tell (?:me|us))[^.!?]{0,30}(?:(?:it'?s|that'?s|this is|is) )?"
        r"(?:(?:really|very|quite|fairly) )?(?:common\b(?! (?:procedure|operation|condition|problem))|"
        r"a (?:known|recognised|common) (?:risk|complication|side)|"
        r"can happen|possible complication|happens (?:sometimes|to some)|(?:a )?small percentage)",
        0.6,
    ),
    # not told BEFOREHAND: "why wasn't this mentioned before I signed", "never said at the start"
    (
        r"(?:never|not|n't|nobody|no one|why|should|could|wish|if)[^.!?]{0,40}(?:said|told|mentioned|warned|"
        r"put to|explained|say|tell|mention)[^.!?]{0,40}(?:beforehand|before (?:i|we|he|she|you|it|hand) "
        r"(?:signed|agreed|paid|went|had|started|pay|sign|did)|at the start|in advance)",
        0.65,
    ),
    # "would've been nice to know", "would of been nice if someone said", "I'd rather have heard that before",
    # "this should have been explained to her before", "could've told me before!"
    (
        r"(?:would|could)(?:'?ve| have| of) been (?:nice|handy) (?:to (?:know|be told|be warned|hear|plan)|"
        r"if (?:someone|somebody|anyone|they|you))|(?:rather|handy to) (?:have )?(?:heard|known|know|been told)"
        r"[^.!?]{0,20}(?:before|beforehand|first|in advance)|should(?:'?ve| have| of) been (?:told|explained|"
        r"warned|mentioned)[^.!?]{0,40}(?:before|beforehand|first|in advance)|(?:should|could)(?:'?ve| have) "
        r"(?:told|warned|mentioned)[^.!?]{0,20}(?:before|beforehand|first|in advance)",
        0.6,
    ),
    # "why didn't anyone warn me??", "why was this never mentioned", "why was I hearing that for the first time"
    (
        r"why (?:didn'?t|didnt|did not|wasn'?t|wasnt|was not|did nobody|did no one|has nobody|weren'?t|not|was i|"
        r"they don'?t|nobody)[^.!?]{0,30}(?:warn|tell|told|mention|say|said|explain|hearing)",
        0.6,
    ),
    # the odds were not given honestly: "nobody gave me a realistic picture", "I wish Mum had been given the
    # real picture", "the clinic's success rate" (a negation or regret is needed before "realistic picture",
    # so "she gave us an honest picture" does not fire)
    (
        r"(?:no|not|never|nobody|no one|wish|without|n't|before|until|only|after|instead|why)\b[^.!?]{0,60}"
        r"(?:real|realistic|honest|true) (?:picture|figures?|numbers|chances?|odds)|success rates?",
        0.55,
    ),
    # consent taken where it cannot be informed: in the corridor, on a trolley, sedated, "sign here,
    # it's just standard stuff", without reading glasses or hearing aids, "risks: as discussed"
    (
        r"(?:consent(?: form)?|the form|sign(?:ed)? (?:the|for|here|it))[^.!?]{0,80}(?:corridor|trolley|"
        r"standard stuff|just standard|sign here|rattled|wheeled|pre-?med|sedat\w+|between contractions|morphine|"
        r"reading glasses|hearing aids?|as discussed|crossed|pointed|running behind)",
        0.7,
    ),
    # "informed consent??", "that isn't consent", "I still don't know what I'm agreeing to"
    (
        r"informed consent|(?:that|this|it) (?:isn'?t|wasn'?t|is not|was not) (?:real |proper |true |valid |"
        r"really )?consent|(?:didn'?t|did not|not|no idea|don'?t|do not) (?:know|understand|realise|realize)"
        r"[^.!?]{0,20}what (?:i|he|she|we|they)(?:'?d| was| were|'?m| am| had| is| are) (?:agreeing|agreed|"
        r"consenting|consented|signing|signed)",
        0.6,
    ),
    # consent or a risk conversation through a child or relative translating, or with no interpreter
    (
        r"(?:translat\w+|interpret\w+)[^.!?]{0,80}(?:operation|procedure|biopsy|options|surgery|bleeding|"
        r"risks?|consent|sign)|(?:sign\w*|consent\w*)[^.!?]{0,100}(?:no interpreter|without (?:an )?"
        r"interpreter|in english)",
        0.55,
    ),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (1, 2, 3, 7, 9)]
