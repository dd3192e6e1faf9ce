# privacy-breach: new phrase patterns (regexes on the lower-cased narrative).
# Each names a way people describe personal information reaching someone who should not have it.
PATTERNS = [
    # 1. Correspondence sent where the wrong person sees it (old address, ex, parents, work, school).
    (
        r"(?:letters?|results?|summary|referral|text|reminder|bill|invoice|e-?mail|fit note|report|copy|correspondence)[^.!?]{0,60}"
        r"(?:went|sent|posted|e-?mailed|delivered|copied|cc'?d|faxed|addressed|arrived|going|gone|came) (?:in)?to (?:my|his|her|their|our|the|an?)? ?"
        r"(?:old|ex|ex-\w+|wrong|work|employer|parents|mum|mother|dad|father|school|neighbour|previous|former|another|different|husband|wife|partner)",
        0.6,
    ),
    # 2. ... and the wrong person opened / read / played / heard it.
    (
        r"(?:ex|ex-husband|ex-wife|mum|mother|neighbou?r|tenants?|manager|husband|flatmates?|post room|school office|lodger|dad|father|son|daughter|kids|children|grandson|sister|brother|mother-in-law)"
        r"[^.!?]{0,15}(?:opened|read|played|picked (?:it )?up|heard) (?:it|them|the|my|her|his)",
        0.6,
    ),
    # 3. Others now know / learned it before the patient told them (or before the patient knew).
    (
        r"(?:knew|knows|found out|heard|read it)[^.!?]{0,50}before (?:i|we|she|he|they|my \w+) (?:did|had|'d|even|could)"
        r"|(?:had ?n'?t|had not|wasn'?t|was not)(?: even)? been told (?:myself|herself|himself)"
        r"|(?:didn'?t|did not|doesn'?t|does not) know(?: yet)?[.!]\s*(?:she|he|they) (?:does|do) now"
        r"|(?:had ?n'?t|had not|never) (?:even )?told (?:anyone|anybody|my (?:own )?(?:mum|mother|family|parents|husband|partner|dad)|the (?:children|kids|family))"
        r"|\bnow knows\b|\bknows now\b|(?:they|she|he|strangers|everyone|everybody|people|neighbours?|the \w+) (?:all )?now know\b"
        r"|(?:how|why) (?:does|did|do) (?:my|his|her|the) [\w-]+ (?:know|find out)"
        r"|(?:whole|half (?:the|my)) (?:team|office|street|estate|ward|congregation|close|hostel|site|waiting \w+|queue)[^.!?]{0,20}(?:knows|knew|heard|saw|could (?:hear|see|read))",
        0.65,
    ),
    # 4. Called / shouted / read out across a public space.
    (
        r"(?:shouted|shouts|called|calling|read|reading|announced|said|asked|repeated)[^.!?]{0,60}(?:across|down) (?:the|a) (?:whole |full |busy )?"
        r"(?:waiting|room|ward|bay|desk|counter|corridor|area|reception|station)"
        r"|(?:across|down) (?:the|a|to (?:her|his|a|the)) (?:whole |full |busy |crowded |packed |open )?(?:waiting (?:room|area)|bay|queue|counter|desk|colleague)"
        r"|(?:loud enough|at full volume|out loud|loudly)[^.!?]{0,60}(?:queue|waiting|bay|room|everyone|people|behind me|heard|hear)"
        r"|read (?:\w+ ){0,4}out (?:to (?:her|his|their|the) (?:visitors|friends?|colleagues?|driver)|at the (?:counter|desk|station|nurses' station|reception|hatch)|in (?:the|a) (?:bay|queue|waiting))"
        r"|(?:on|over) (?:the )?(?:speaker|speakerphone|intercom|tannoy)"
        r"|weigh\w* (?:me |her |him )?(?:in|on) (?:the|a) (?:corridor|bay|waiting)|(?:read|called|shouted) (?:out )?(?:the|my|her|his) (?:number|weight)(?: out)?",
        0.6,
    ),
    # 5. Sensitive conversation held with others listening or close by.
    (
        r"(?:with|while)[^.!?]{0,60}(?:listening|looking on|stood round|within earshot|in earshot|sitting right|sat right)"
        r"|(?:strangers?|other patients?|other families|people|visitors|family)[^.!?]{0,40}(?:feet|metres|yards|foot) away|(?:two|three|four|five|six|\d+) (?:other patients|strangers)"
        r"|(?:with|in front of) (?:my|her|his) (?:mum|dad|mother|father|son|daughter|boyfriend|partner|husband|wife|brother|sister|mother-in-law|sister-in-law|\w+'s mum)"
        r"[^.!?]{0,20}(?:in the room|right there|sitting|sat|next to|present|standing|listening)",
        0.6,
    ),
    (
        r"(?:heard|overhear\w*) (?:\w+ ){0,2}(?:discussing|talking about|chatting about)|heard (?:the whole (?:history|consultation|conversation)|(?:his|her|their|other)[^.!?]{0,30}(?:history|diagnos\w+|consultation|results))"
        r"|(?:i|we) (?:now )?know (?:the diagnos\w+|everyone'?s|each other'?s|all about (?:his|her|their))|knows all about (?:my|his|her)",
        0.6,
    ),
    # 6. Bad news given in a corridor / lift because there was no private room.
    (
        r"(?:results?|diagnosis|bad news|news|scan|biopsy|cancer)[^.!?]{0,40}in (?:a|the) (?:busy |main |open )?(?:corridor|lift|lift lobby|day room|hallway)"
        r"|(?:rooms?|side rooms?) (?:were|was|are) (?:all )?(?:busy|full|taken)|no (?:rooms?|side rooms?|quiet room|private room) (?:free|available)|nowhere private|somewhere private",
        0.6,
    ),
    # 7. Only a curtain / an open door between the patient and passers-by.
    (
        r"curtains? (?:don'?t|didn'?t|doesn'?t|do not|did not|wouldn'?t) (?:meet|close|shut)|(?:only|just) (?:a |the )?curtains?|curtains? (?:was |were )?(?:left )?open"
        r"|door (?:was )?(?:left )?(?:wide )?open|open door|glass panel",
        0.5,
    ),
    # 8. Names / diagnoses displayed where the public can read them.
    (
        r"(?:whiteboard|screen|board|display|door sign|sign on)[^.!?]{0,100}(?:names?|diagnos\w+)"
        r"|(?:whiteboard|board|sign|screen|label|sticker|sticky note)[^.!?]{0,80}(?:in big|big (?:red |green |black )?letters|for (?:anyone|all) to|on display|visible|can be read|could read|read it out)"
        r"|(?:screen|computer|monitor)[^.!?]{0,40}(?:turned|facing|faced) (?:towards|to|the|out)"
        r"|envelope window|window envelope|through the (?:envelope )?window|on the (?:front of the )?envelope|printed (?:on|across) the (?:envelope|front)",
        0.6,
    ),
    (
        r"(?:can|could) be read from|(?:anyone|any visitor|every visitor|visitors|people)[^.!?]{0,30}(?:walking|standing|sitting|passing|in the queue)[^.!?]{0,30}(?:could|can|would) (?:see|read|hear)"
        r"|(?:for )?(?:anyone|any visitor|everyone|every visitor|any passer-?by) (?:to see|to read|could (?:see|read|hear)|can (?:see|read|hear)|walking past|who walked past)",
        0.7,
    ),
    # 9. Another patient's details given to the wrong person / records mixed up / papers left about.
    (
        r"another (?:man|woman|lady|child|family|person)'?s|other (?:patients?|pts?|women|lady|man)'?s? (?:discharge|letter|details|history|consultations?|results|notes|name)|strangers? ?'?s? notes"
        r"|(?:someone|somebody) else'?s[^.!?]{0,60}(?:name|address|date of birth|details|nhs number|history|appointments)|(?:name|address|date of birth|details) (?:on|of) (?:someone|somebody) else"
        r"|(?:handed|given|gave|left)[^.!?]{0,40}(?:to|on) (?:the )?(?:wrong (?:patient|person)|next bed|pt in bed|another patient|patient in bed)"
        r"|(?:merged|unmerged|filed)[^.!?]{0,40}(?:records?|with another|husband'?s|wife'?s|wrong)",
        0.7,
    ),
    (
        r"(?:handover sheet|printout|list of|notes|report|form|chart)[^.!?]{0,60}(?:found|left)[^.!?]{0,40}(?:on|in) (?:a|the) "
        r"(?:seat|table|caf|toilet|car park|bus|chair|lift|printer|corridor|counter)",
        0.65,
    ),
    # 10. Messages left on shared phones / sent to old numbers.
    (
        r"(?:voicemail|answer ?phone|message)[^.!?]{0,60}(?:landline|home phone|house phone|family|shared|whoever)"
        r"|(?:landline|home phone|house phone|work number|work phone|mum'?s phone|shared (?:family )?(?:ipad|phone|email|account))"
        r"|(?:old|previous) (?:mobile|number|phone)|texted the old|(?:went|sent|came) to (?:my|her|his) (?:mum'?s|dad'?s|husband'?s|ex'?s|wife'?s|parents'?) (?:phone|mobile|e-?mail|number)",
        0.6,
    ),
    # 11. Information given to a caller without checking who they were.
    (
        r"without (?:even )?(?:checking|asking|confirming) who (?:i|he|she|they|we) (?:was|were)|before (?:asking|checking|i'?d (?:even )?said) who|could have been anyone"
        r"|told (?:him|her|them) (?:everything|all about|which ward)|(?:was|were|got) told everything"
        r"|(?:confirmed|told)[^.!?]{0,40}(?:was an inpatient|was on the \w+ (?:ward|unit)|which (?:bay|ward) (?:he|she) was)",
        0.7,
    ),
    # 12. A known wish for non-disclosure (or consent) was ignored.
    (
        r"court order|non-molestation|restraining order|\brefuge\b|not (?:to be|allowed to be) (?:given|told)"
        r"|(?:didn'?t|did not) want (?:my|her|his|him|them|anyone) (?:\w+ )?(?:told|to know|to see|seeing)|be told nothing"
        r"|(?:asked|said|told them|made it clear)[^.!?]{0,30}(?:not to (?:be told|tell|share|discuss|use)|(?:didn'?t|did not) want (?:\w+ ){0,3}(?:present|there|told|to know|in the room)"
        r"|without my (?:\w+ )?there|to (?:talk|speak) to (?:\w+ ){0,2}alone|for no visitors)"
        r"|nobody'?s business|everybody'?s business|without (?:my|her|his) say[- ]so|never (?:consented|agreed) to (?:that|this|it)|(?:discussed|talked about|went through)[^.!?]{0,60}without asking",
        0.65,
    ),
    (
        r"(?:told|said to|went through (?:it|them|everything)|discussed[^.!?]{0,30})[^.!?]{0,20}with (?:my|her|his) (?:\d+ ?(?:yo|year old|yr old)|teenage|fifteen|son|daughter|sister|brother)|before asking (?:her|him|me)",
        0.5,
    ),
    # 13. Named as a confidentiality breach / data-protection matter.
    (
        r"breach(?:ed|es)? (?:of )?(?:my |her |his |patient )?(?:confidentiality|privacy)|(?:confidentiality|privacy)[^.!?]{0,20}(?:breach|broken)|patient confidentiality|in confidence",
        0.75,
    ),
    (
        r"data protection|information commissioner|\bico\b|caldicott|information governance|\big (?:team|lead|incident)",
        0.5,
    ),
    # 14. Employer / work told.
    (
        r"(?:sent|copied|cc'?d|posted|e-?mailed|told|rang|confirmed|went|forwarded|faxed|gave)[^.!?]{0,50}(?:employer|occupational health|line manager|manager|boss|work address|work e-?mail)"
        r"|(?:employer|occupational health|manager|boss|post room)[^.!?]{0,40}(?:opened|knows|now knows|got told|was told|picked up|mentioned it|has access|saw it)"
        r"|(?:employer|boss|manager)[^.!?]{0,30}(?:rang|phoned|called)[^.!?]{0,60}(?:told (?:him|her|them)|confirmed|gave (?:him|her|them))|confirmed[^.!?]{0,80}to (?:his|her|my|their) (?:employer|boss|manager)",
        0.6,
    ),
    # 15. Staff talk / gossip outside the need to know; records looked at without reason.
    (
        r"(?:in|on|at) the (?:staff )?(?:lift|canteen|caf\w+|car park|school gate|church|pub|shop)[^.!?]{0,60}(?:discuss\w*|talking about|chatting|heard|asked (?:me|my|her|him) (?:about|how)|mention\w*)"
        r"|gossip|word (?:has )?(?:got|gets|went) (?:round|around)|small town"
        r"|(?:chatted|chatting|talking|talked|gossiping|gossiped) (?:to|with) (?:the )?(?:visitors|other patients|tea lady|another patient|relatives|her friends?|his friends?)"
        r"|(?:told|telling|said to) (?:the tea lady|another patient|other patients|the visitors|her visitors|a visitor|the neighbours|my neighbour)",
        0.6,
    ),
    (
        r"(?:gone|went|been|looking|looked|had a look|go) (?:into|in|at|on) (?:my|his|her|our) (?:records?|notes|file)|(?:had a look|looked) on the system|record was (?:opened|accessed)|access to (?:my|her|his) records",
        0.7,
    ),
    # 16. Photos and social media.
    (
        r"(?:photo\w*|picture|pic|selfie|tiktok|snapchat|whatsapp)[^.!?]{0,60}(?:own phone|personal phone|posted|without (?:asking|consent)|background|portfolio|lecture)"
        r"|(?:photograph\w*|took (?:a )?(?:photo|picture|pic)s?|taking (?:photos|pictures|pics))[^.!?]{0,40}(?:chart|notes|whiteboard|case presentation|phone)"
        r"|posted (?:a |on )?(?:\w+ )?(?:pic|photo|video|selfie|tiktok)|\b(?:tiktok|snapchat|whatsapp)\b",
        0.65,
    ),
    # 17. Interpreter from the patient's own community; old name used (outing).
    (
        r"interpreter[^.!?]{0,60}(?:from (?:our|my|her|his) (?:own )?(?:\w+ )?(?:town|community|village|church|area|street|mosque)|knew (?:my|her|him|me|us))",
        0.7,
    ),
    (r"(?:old|former|dead) ?name|outed me|outs me", 0.6),
]

# Shipped: the candidates above that add the most matches on the development split,
# greedily, at dev precision >= 0.75 and with strings a narrative must contain for them
# to match (each pattern costs time on every narrative).
PATTERNS = [PATTERNS[i] for i in (2, 3, 8, 10, 14)]
