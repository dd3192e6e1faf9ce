"""Phrase patterns per root cause and per escalation reason: the explainable half of the
analyser. Each pattern names a meaning, not a keyword: "nobody mentioned ... could happen"
is an unexplained risk even though the word "risk" never appears.

Patterns are matched on lower-cased text. `NEG` is a negation cue; patterns that need a
negation include it themselves, and `POSITIVE_GUARDS` cancel a match when the sentence says
the opposite ("the surgeon did explain the risks").
"""

from __future__ import annotations

import re
from re import _constants as _sre  # the parser's opcodes (Python >= 3.11)
from re import _parser as _sre_parse

from .found import found

W = r"(?:[\w'’-]+[ ,]+)"  # one word and its trailing space (so NEG is followed by [ ,]+)
NEG = (
    r"(?:no one|noone|nobody|no-one|never|not|n't|nt|nothing|without|none of|neither|"
    r"failed to|didnt|didn't|wasnt|wasn't|werent|weren't|hasnt|hasn't|havent|haven't)"
)
TOLD = r"(?:explain\w*|told|tell|telling|mention\w*|warn\w*|inform\w*|discuss\w*|said|say|went through|go through|prepared|advis\w*)"
RISK = (
    r"(?:risk\w*|complication\w*|side[- ]?effect\w*|could happen|might happen|can happen|"
    r"what could go wrong|chance of|possib\w+|consequence\w*|downside\w*|danger\w*)"
)
FAMILY = (
    r"(?:family|relatives?|next of kin|daughter|son|wife|husband|partner|mum|mother|"
    r"dad|father|carer|brother|sister|children|kids|us|me|we)"
)


def _p(*parts: str) -> str:
    return "".join(parts)


# slug -> [(pattern, weight)]
TAG_PATTERNS: dict[str, list[tuple[str, float]]] = {
    "unexplained-risk": [
        (_p(NEG, r"\b[ ,]+", W, "{0,5}", TOLD, r"\b", r"[^.!?]{0,80}?", RISK), 0.9),
        (
            _p(
                NEG,
                r"\b[ ,]+",
                W,
                "{0,4}",
                r"(?:warned|prepared|told)\b[^.!?]{0,60}(?:could|might|would|may)\b",
            ),
            0.75,
        ),
        (
            r"(?:consent form|consent)[^.!?]{0,80}(?:two minutes|rushed|pushed|didn'?t understand|"
            r"not explained|wasn'?t explained|no one explained|nobody explained|just signed|signed it)",
            0.85,
        ),
        (
            r"(?:would have|wouldn'?t have)[^.!?]{0,40}(?:agreed|gone ahead|had it|chosen|asked for)"
            r"[^.!?]{0,60}(?:known|told|explained|warned)",
            0.8,
        ),
        (
            r"(?:if (?:we|i) had known|had (?:we|i) known|if anyone had (?:explained|told|warned))",
            0.8,
        ),
        (
            r"(?:nobody|no one|never)[^.!?]{0,30}(?:said|mentioned|told us|told me)[^.!?]{0,60}"
            r"(?:could|might|would|possib|chance|risk|lose|go wrong|happen)",
            0.85,
        ),
        (r"(?:it would have been nice|would have liked) to know (?:beforehand|before|that)", 0.75),
        (
            r"(?:uninformed|not informed) consent|didn'?t (?:really )?understand what (?:i|he|she|they) (?:was|were) signing",
            0.85,
        ),
        (
            r"(?:known|common|recognised) (?:complication|side[- ]effect|risk)[^.!?]{0,60}"
            r"(?:never|nobody|no one|not) (?:told|mentioned|explained|warned)",
            0.9,
        ),
        (
            r"(?:came as|was) a (?:complete )?(?:shock|surprise)[^.!?]{0,60}(?:after|from) (?:the|his|her|my) "
            r"(?:operation|surgery|procedure|treatment|scan|injection|chemo)",
            0.5,
        ),
    ],
    "unmet-information-need": [
        (
            _p(
                NEG,
                r"\b[ ,]+",
                W,
                "{0,4}",
                r"(?:told|tell|explain\w*|update\w*|inform\w*)",
                r"\b[ ,]+",
                W,
                r"{0,3}(?:us|me|him|her|them|anything|what)\b",
            ),
            0.4,  # broad: "nobody told us" is as often a family or delay story (dev precision 0.40)
        ),
        (
            r"(?:no one|nobody)[^.!?]{0,20}(?:told|tell|explain\w*|update\w*)[^.!?]{0,20}(?:anything|us anything|what)",
            0.85,
        ),
        (
            r"(?:still|never|don'?t|do not|didn'?t|did not) (?:know|understand|found out|got an? (?:answer|explanation))"
            r"[^.!?]{0,60}(?:diagnosis|plan|what (?:is|was) (?:wrong|happening|going on)|results?|"
            r"what happens next|why|what (?:it|this|they) mean)",
            0.85,
        ),
        (
            r"(?:no|without any|without an?) (?:explanation|information|leaflet|plan|idea|clue|"
            r"number to call|contact number|one to ask|follow[- ]up plan|discharge plan|instructions)",
            0.7,
        ),
        (
            r"(?:left|kept|sent home)[^.!?]{0,30}(?:in the dark|without (?:any )?(?:explanation|information|"
            r"a plan|knowing|instructions|advice))",
            0.9,
        ),
        (r"(?:nobody|no one|noone)[^.!?]{0,30}(?:could|would) (?:tell|explain|say)", 0.8),
        (r"who (?:to|we should|i should|should we|should i) (?:call|ring|contact|phone)", 0.55),
        (
            r"(?:what (?:to expect|happens next)|what the plan (?:is|was))[^.!?]{0,40}(?:no one|nobody|never|not)",
            0.7,
        ),
        (r"(?:had|have) to (?:find out|google|look it up|read (?:it )?(?:on|in))", 0.6),
    ],
    "not-listened-to": [
        (
            r"(?:didn'?t|did not|wouldn'?t|would not|refused to|never) (?:listen|take (?:me|us|it|her|him|them) seriously|believe)",
            0.9,
        ),
        (
            r"(?:ignored|dismissed|brushed (?:off|aside)|fobbed off|wrote it off|written off|waved away|"
            r"shrugged off|not taken seriously|put it down to|blamed it on|laughed off)",
            0.85,
        ),
        (
            r"(?:kept|keep|repeatedly|several times|three times|twice|over and over)[^.!?]{0,30}"
            r"(?:saying|telling|asking|told|asked|said|raised|pressed)",
            0.65,
        ),
        (
            r"(?:nobody|no one|noone)[^.!?]{0,20}(?:listened|listens|would listen|took (?:any )?notice|took it seriously)",
            0.9,
        ),
        (r"(?:i|we) know (?:her|him|my \w+|them) better than", 0.75),
        (
            r"(?:told|said)[^.!?]{0,30}(?:anxious|anxiety|overreacting|fussing|making a fuss|attention|nothing to worry|"
            r"normal for (?:her|his|their) age|just (?:her|his) age|in (?:my|her|his) head)",
            0.8,
        ),
        (
            r"(?:concerns?|worries|requests?|pain)[^.!?]{0,40}(?:ignored|dismissed|not acted on|nothing was done|"
            r"not listened to|went unanswered|fell on deaf ears)",
            0.85,
        ),
        (
            r"(?:asked|begged|pleaded|requested)[^.!?]{0,60}(?:but|and)[^.!?]{0,30}(?:no one|nobody|nothing|never|refused|told (?:no|not))",
            0.6,
        ),
        (
            r"(?:never (?:once )?looked at|didn'?t (?:even )?look at|looking at (?:the|his|her) (?:computer|screen|phone))",
            0.6,
        ),
    ],
    "disrespect": [
        (
            r"\b(?:rude|rudely|sarcastic|patronis\w+|patroniz\w+|condescending|dismissive|belittl\w+|"
            r"humiliat\w+|degrading|undignified|disrespect\w*|contempt|mocked|sneered|snapped|shouted|"
            r"rolled (?:her|his|their) eyes|tutted|sighed at|made fun)\b",
            0.85,
        ),
        (
            r"(?:treated|spoke to|talked to|spoken to)[^.!?]{0,30}(?:like|as if|as though)[^.!?]{0,30}"
            r"(?:child|idiot|nuisance|nothing|piece of meat|number|criminal|drug|stupid|burden|inconvenience)",
            0.9,
        ),
        (
            r"(?:talked|spoke) (?:over|about) (?:her|him|them|me)[^.!?]{0,30}(?:head|as if|like)",
            0.85,
        ),
        (
            r"(?:left|lying|sat)[^.!?]{0,40}(?:soiled|naked|exposed|in (?:his|her|their) own|uncovered|curtains? open)",
            0.8,
        ),
        (
            r"(?:because|just because|assumed)[^.!?]{0,40}(?:dementia|learning disabilit\w+|autis\w+|weight|age|"
            r"accent|colour|race|religion|homeless|disabilit\w+|mental health|transgender|gay|english)",
            0.7,
        ),
        (
            r"(?:comment|remark|joke)\w*[^.!?]{0,40}(?:weight|age|appearance|accent|about (?:her|him|me))",
            0.7,
        ),
        (r"(?:no|without|lack of) (?:dignity|respect|compassion|kindness|manners)", 0.85),
    ],
    "inconsistent-information": [
        (
            r"(?:one|a) (?:doctor|nurse|consultant|person|member of staff|registrar|surgeon)[^.!?]{0,80}"
            r"(?:another|the other|a different|next)[^.!?]{0,40}(?:said|told|says|tells)",
            0.9,
        ),
        (
            r"(?:contradict\w*|conflicting|inconsistent|mixed messages|different (?:story|stories|answer|answers|"
            r"things|information|plan|plans|version))",
            0.85,
        ),
        (
            r"(?:every|each) (?:shift|nurse|doctor|day|person|time)[^.!?]{0,30}(?:something different|different|"
            r"a different|another)",
            0.85,
        ),
        (
            r"(?:told|said)[^.!?]{0,60}(?:then|but then|later|next day)[^.!?]{0,30}(?:told|said|another|different|changed)",
            0.45,
        ),
        (
            r"(?:ward|clinic|department|gp|team)[^.!?]{0,40}(?:said|told us)[^.!?]{0,60}(?:but|while|whereas)[^.!?]{0,40}"
            r"(?:said|told|had never|no record|never been)",
            0.7,
        ),
        (r"(?:nobody|no one) (?:seemed to )?(?:know|knew|agree\w*) (?:which|what|who)", 0.6),
    ],
    "delayed-communication": [
        (
            r"(?:still )?(?:waiting|waited|chasing|chased)[^.!?]{0,40}(?:result|call|answer|response|reply|letter|"
            r"update|news|someone to|anyone to|to hear)",
            0.8,
        ),
        (
            r"(?:never|no one|nobody|noone)[^.!?]{0,20}(?:rang|called|phoned|got back|came back|wrote|replied|responded|"
            r"returned (?:my|our) call)",
            0.85,
        ),
        (
            r"(?:promised|said (?:they|he|she) would|supposed to)[^.!?]{0,40}(?:call|ring|phone|update|letter|get back|"
            r"contact)[^.!?]{0,60}(?:never|didn'?t|did not|no one|nobody|still|but)",
            0.9,
        ),
        (
            r"(?:call|phone call|call-back|callback|letter|results?|update|reply|response)[^.!?]{0,30}"
            r"(?:never came|never arrived|didn'?t come|still (?:not|hasn'?t)|weeks? late|months? late|"
            r"came late|arrived late|arrived after|took (?:weeks|months|\w+ weeks))",
            0.85,
        ),
        (r"(?:left|leaving) (?:\w+ )?(?:messages?|voicemails?)", 0.75),
        (
            r"(?:sat|waited) by the phone|heard nothing|no word from|not heard (?:anything|back)|haven'?t heard",
            0.8,
        ),
        (
            r"(?:third|fourth|fifth|several|many|countless|numerous) (?:time|call|message|email)s?",
            0.45,
        ),
    ],
    "family-excluded": [
        (
            r"(?:next of kin|nok|carer|power of attorney|lasting power)[^.!?]{0,80}(?:not|never|nobody|no one|"
            r"wasn'?t|weren'?t|didn'?t|excluded|ignored|left out)",
            0.9,
        ),
        (
            r"(?:nobody|no one|never|not|didn'?t|did not|without)[^.!?]{0,20}(?:rang|called|phoned|told|informed|"
            r"contacted|involved|consulted|asked|invited|let)[^.!?]{0,15}(?:the family|us|me|family|relatives|"
            r"his wife|her husband|the kids|anyone)[^.!?]{0,60}(?:moved|transferred|discharged|died|deteriorat\w+|"
            r"fell|meeting|decided|decision|plan|sent home|surgery|operation)",
            0.85,
        ),
        (
            r"(?:discharged|sent home|moved|transferred)[^.!?]{0,60}without[^.!?]{0,30}(?:telling|informing|"
            r"contacting|asking|consulting)[^.!?]{0,15}(?:us|me|the family|family|anyone|his|her)",
            0.95,
        ),
        (
            r"(?:only found out|found out)[^.!?]{0,60}(?:when we|when i|from (?:a|another|the) (?:neighbour|patient|"
            r"porter|friend)|turned up|arrived to visit|came to visit|by chance)",
            0.75,
        ),
        (
            r"(?:the family|we|i) (?:were|was) (?:not|never) (?:invited|included|involved|consulted|asked|allowed)",
            0.9,
        ),
        (
            r"(?:told|said)[^.!?]{0,40}(?:couldn'?t|could not|can'?t|wouldn'?t) (?:tell|discuss|share)[^.!?]{0,40}"
            r"(?:with (?:us|me|the family|family)|confidential)",
            0.7,
        ),
        (r"(?:excluded|shut out|left out|kept out)", 0.6),
    ],
    "expectation-mismatch": [
        (
            r"(?:nothing like|not what|far from what|different from what)[^.!?]{0,40}(?:expected|told|promised|"
            r"led to (?:believe|expect)|were told|described)",
            0.9,
        ),
        (r"(?:led to (?:believe|expect)|we (?:were|had been) (?:told|assured|promised))", 0.55),
        (
            r"(?:nobody|no one|never)[^.!?]{0,40}(?:prepared us|said it (?:would|might|could) take|said how long|"
            r"said it might not work|said it might only)",
            0.8,
        ),
        (
            r"(?:should have been|was supposed to be|meant to be)[^.!?]{0,40}(?:simple|routine|quick|minor|day case|"
            r"straightforward|two weeks|a few days)",
            0.7,
        ),
        (
            r"(?:expected|thought|believed|assumed)[^.!?]{0,60}(?:would|to be|it was going to)[^.!?]{0,60}"
            r"(?:fix|cure|better|quick|home|normal|seen|within)",
            0.45,
        ),
        (
            r"(?:recovery|healing|result|outcome)[^.!?]{0,60}(?:much longer|far longer|worse than|not as|"
            r"disappoint\w*|nothing like)",
            0.7,
        ),
    ],
    "privacy-breach": [
        (
            r"(?:confidential\w*|privacy|private (?:information|details|matters?|conversation))[^.!?]{0,60}"
            r"(?:breach\w*|broken|ignored|no respect|exposed|shared|disclosed|discussed|overheard|read out)",
            0.9,
        ),
        (
            r"(?:read out|shouted out|announced|discussed|talking about|talked about|gossip\w*|said (?:loudly|out loud))"
            r"[^.!?]{0,60}(?:diagnosis|condition|results?|history|case|details|hiv|pregnan\w+|miscarriage|"
            r"termination|medication|notes|name and)[^.!?]{0,60}(?:in front of|whole|everyone|waiting room|corridor|"
            r"lift|other patients|bay|reception|loudly|overheard|could hear)",
            0.9,
        ),
        (
            r"(?:notes|records|letter|results|file|details|paperwork|discharge summary)[^.!?]{0,50}"
            r"(?:left|lying|sent|emailed|posted|given|handed|shown)[^.!?]{0,40}(?:anyone|wrong (?:address|person|"
            r"patient|family)|old address|another patient|someone else|for all|public|unattended|on the (?:chair|desk|counter|bed))",
            0.9,
        ),
        (
            r"(?:told|informed|shared with|passed on to|discussed with)[^.!?]{0,20}(?:my|our|a|the) (?:neighbour|employer|"
            r"boss|ex|friend|colleague|school)",
            0.85,
        ),
        (
            r"(?:everyone|the whole (?:waiting room|ward|bay)|other patients|strangers)[^.!?]{0,40}(?:could hear|heard|knew|"
            r"could see|saw) (?:my|her|his|their|about)",
            0.85,
        ),
        (
            r"(?:looked|accessed|went through|read) (?:at )?(?:my|her|his) (?:records|notes|file)[^.!?]{0,40}"
            r"(?:no reason|without|shouldn'?t|not involved|nothing to do)",
            0.9,
        ),
    ],
    "clinical-quality": [
        (
            r"(?:sent home|discharged)[^.!?]{0,60}(?:twice|again|too early|still|with a virus|\"a virus\"|"
            r"'a virus'|nothing wrong|paracetamol|only to|before they found|then found|later found|turned out)",
            0.8,
        ),
        (
            r"(?:never|didn'?t|did not|no one|nobody)[^.!?]{0,20}(?:examined|examine|checked|assessed|looked at "
            r"(?:the|his|her|my) (?:wound|leg|arm|chest|x-ray|scan))",
            0.7,
        ),
        (
            r"(?:wrong|poor|bad|botched|incompetent|sloppy|substandard|questionable|negligent)[^.!?]{0,20}"
            r"(?:treatment|care|decision|surgery|operation|stitching|procedure|judgement|practice|diagnosis)",
            0.75,
        ),
        (
            r"(?:attempts?|goes|tries) to (?:get|put|find)[^.!?]{0,20}(?:cannula|line|vein|blood)",
            0.6,
        ),
        (
            r"(?:had to be|needed to be) (?:reopened|redone|repeated|re-operated|operated on again)|second operation to fix",
            0.75,
        ),
        (
            r"(?:x-ray|scan|bloods?|tests?)[^.!?]{0,40}(?:missed|misread|not looked at|ignored|not done|never done|"
            r"weren'?t done|wasn'?t done)",
            0.75,
        ),
    ],
    "safety-incident": [
        (
            r"(?:wrong|incorrect|someone else'?s|another patient'?s|double|extra|missed|overdose\w*)[^.!?]{0,20}"
            r"(?:medication|medicine|tablets?|dose|drug|insulin|injection|blood|leg|side|patient|prescription)",
            0.85,
        ),
        (
            r"(?:given|gave|received)[^.!?]{0,40}(?:meant for|belonging to|prescribed for)[^.!?]{0,30}"
            r"(?:someone else|another|the (?:lady|man|patient|person))",
            0.95,
        ),
        (r"\b(?:fell|fall|falls|fallen|found on the floor|on the floor|slipped|tripped)\b", 0.7),
        (
            r"(?:pressure (?:sore|ulcer|damage)|bed ?sore|infection|infected|sepsis|mrsa|c\.? ?diff|"
            r"blood clot|dvt|pulmonary embolism|burn|burnt|scald)",
            0.6,
        ),
        (
            r"(?:deteriorat\w+|got worse|went downhill|stopped breathing|collapsed|crashed)[^.!?]{0,60}"
            r"(?:nobody|no one|not|never|unnoticed|until|before anyone|rushed)",
            0.8,
        ),
        (r"(?:allergic|allergy)[^.!?]{0,60}(?:given|gave|despite|even though)", 0.9),
        (
            r"(?:wound|stitches|drain|cannula|catheter|line)[^.!?]{0,40}(?:green|pus|smell\w*|infected|left in|"
            r"came out|swollen|oozing|red and hot)",
            0.75,
        ),
        (
            r"(?:bed rails|bedrails|call bell)[^.!?]{0,40}(?:down|out of reach|left|removed|not)",
            0.75,
        ),
        (
            r"(?:harm|injur\w+|hurt|bruis\w+|fracture\w*|broke (?:her|his|my) (?:hip|wrist|arm|leg))",
            0.25,  # dev precision 0.31: "hurt" is mostly emotional
        ),
    ],
    "access-delay": [
        (
            r"(?:waited|waiting|wait of|sat)[^.!?]{0,30}(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
            r"eleven|twelve|several|many) (?:hours|hrs|weeks|months)",
            0.75,
        ),
        (
            r"(?:cancel\w*|postponed|rescheduled|moved|rearranged|bumped)[^.!?]{0,40}(?:again|twice|three times|"
            r"\w+ times|appointment|operation|surgery|procedure|clinic|at the last minute|on the day)",
            0.85,
        ),
        (
            r"(?:waiting list|referral|appointment)[^.!?]{0,60}(?:months|weeks|still|no date|not been|never|"
            r"lost|arrived (?:the day )?after|impossible|no sign)",
            0.8,
        ),
        (r"(?:trolley|corridor|chair)[^.!?]{0,30}(?:hours|all night|overnight)", 0.8),
        (
            r"(?:can'?t|cannot|couldn'?t|impossible to|unable to) (?:get (?:through|an appointment|seen)|book|get a "
            r"date)",
            0.85,
        ),
        (
            r"(?:letter|appointment)[^.!?]{0,30}(?:arrived|came|turned up)[^.!?]{0,30}(?:after|too late|the day after)",
            0.85,
        ),
        (
            r"(?:still|no) (?:haven'?t|have not|not)? ?(?:been )?(?:seen|given a date|heard about (?:a|the) date)",
            0.45,
        ),
    ],
    "administrative-process": [
        (
            r"(?:bill|invoice|charge|charged|debt collect\w*|payment)[^.!?]{0,60}(?:wrong|late|deceased|died|"
            r"dead|mistake|error|twice|even though|sent to)",
            0.85,
        ),
        (
            r"(?:records?|notes|paperwork|forms?|letter|referral|prescription|results?|file)[^.!?]{0,30}"
            r"(?:lost|missing|mislaid|wrong|incorrect|mixed up|never arrived|not sent|went missing)",
            0.8,
        ),
        (
            r"(?:wrong|incorrect|misspelt|misspelled|someone else'?s) (?:name|address|date of birth|details|nhs number|gp|"
            r"medication list|records?)",
            0.8,
        ),
        (
            r"(?:discharge (?:letter|summary|paperwork)|sick note|fit note|forms?)[^.!?]{0,60}(?:wrong|error|"
            r"mistake|missing|never|not|incorrect)",
            0.8,
        ),
        (
            r"(?:sent|passed|transferred|pushed) (?:from|back and forth|round|around)[^.!?]{0,40}"
            r"(?:office|department|desk|person|pillar to post)",
            0.8,
        ),
        (r"(?:bureaucra\w+|red tape|paperwork|admin error|administrative)", 0.6),
    ],
    "environment": [
        (
            r"(?:dirty|filthy|unclean|not (?:been )?cleaned|hadn'?t been cleaned|blood on|stained|smell\w*|stank|"
            r"stink\w*|mouldy|moldy|dusty|rubbish|sticky)",
            0.8,
        ),
        (
            r"(?:toilet|bathroom|shower|floor|sheets|bed|ward|room)[^.!?]{0,30}(?:dirty|filthy|disgusting|unclean|"
            r"not clean|blocked|broken|out of order|soiled)",
            0.85,
        ),
        # weight 0.3: "loud" mostly hits "out loud" / "read aloud" (privacy); dev precision 0.28
        (r"(?:noise|noisy|loud|couldn'?t sleep|no sleep|didn'?t sleep|lights on all night)", 0.3),
        (
            r"(?:food|meals?|drink|water jug|tea)[^.!?]{0,40}(?:cold|inedible|awful|terrible|late|missed|out of reach|"
            r"not (?:given|offered)|never came|left)",
            0.7,
        ),
        (
            r"(?:parking|car park|no chairs|nowhere to sit|stood for|standing room|freezing|too hot|heating|"
            r"broken (?:equipment|chair|bed|lift))",
            0.75,
        ),
        (
            r"(?:short[- ]staffed|understaffed|not enough (?:staff|nurses)|no staff|rushed off their feet|"
            r"(?:call )?bells? (?:rang|ringing|went unanswered))",
            0.75,
        ),
    ],
}

# Meanings told as stories rather than in the tag's words (added after reading where the
# patterns above missed on the development split; written for the meaning, not the example).
PEOPLE = (
    r"(?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|brother|sister|grandad|"
    r"grandma|nan|aunt|uncle|carer|next of kin|family|relatives?)"
)
SPEAKER = r"(?:doctor|nurse|consultant|registrar|surgeon|midwife|physio|gp|ward|clinic|letter|team|anaesthetist|secretary|staff)"
STORY_PATTERNS: dict[str, list[tuple[str, float]]] = {
    "unexplained-risk": [
        (
            r"(?:nobody|no one|no-one|never|nobody had|no one had)[^.!?]{0,25}(?:said|told|warned|mentioned|explained|"
            r"sat down|went through)[^.!?]{0,80}(?:could|might|can|may|would|effect|affect|happen|possible|"
            r"likely|chance|cause)",
            0.7,
        ),
        (
            r"(?:didn'?t|did not|never|wouldn'?t) (?:know|realise|realize|understand) (?:that |this |it |what )?"
            r"(?:was|could|might|would|(?:i|she|he|we|they) (?:was|were) (?:agreeing|signing|consenting))",
            0.7,
        ),
        (
            r"(?:wish (?:i|we)'?d|if (?:i|we)'?d|had (?:i|we)) (?:known|been told|been warned)|"
            r"(?:thought|think) twice|never have (?:rushed|agreed|gone ahead|said yes|had it)",
            0.8,
        ),
        (
            r"small print|(?:'|\")(?:it )?never happens|(?:'|\")you won'?t feel a thing|was news to (?:me|us)",
            0.6,
        ),
        (
            r"(?:consent|signed)[^.!?]{0,80}(?:groggy|morphine|two in the morning|no interpreter|nobody to|"
            r"without (?:an? )?(?:interpreter|explanation)|didn'?t understand|rushed)",
            0.8,
        ),
        (
            r"(?:nobody|no one|not a word)[^.!?]{0,40}(?:what (?:it|they) (?:might|could|would) do|side effects?|"
            r"what to (?:watch|look) (?:for|out))",
            0.75,
        ),
    ],
    "unmet-information-need": [
        (
            r"(?:nobody|no one|no-one|noone|nobody'?s|no one'?s|not one person)[^.!?]{0,30}(?:told|said|explained|"
            r"rang|called)[^.!?]{0,20}(?:us |me |him |her |them )?(?:what|whether|why|where|when|how|if|which)",
            0.8,
        ),
        (
            r"(?:still |just )?(?:don'?t|do not|didn'?t|did not|doesn'?t|does not) (?:know|understand) "
            r"(?:what|whether|why|where|if|which|how|when)",
            0.75,
        ),
        (
            r"(?:no idea|not sure|confused|unsure) (?:about |as to )?(?:what|whether|why|where|which|how|when)",
            0.65,
        ),
        (
            r"(?:like|want|wanted|need|needed) (?:someone|somebody|a doctor|one person|anyone) to (?:tell|explain|"
            r"ring|call|sit down)",
            0.7,
        ),
        (
            r"who (?:do|should|can|could) (?:i|we) (?:call|ring|ask|contact|speak to|believe)|who to ask",
            0.65,
        ),
        (
            r"(?:went home and )?googled|long words|didn'?t like to ask|(?:have|has) not spoken to a doctor",
            0.6,
        ),
        (r"(?:no|without a|without any) (?:reason|new date|explanation|answers?)\b", 0.5),
    ],
    "not-listened-to": [
        (
            r"(?:asked|told (?:them|him|her|the \w+)|said|mentioned|raised it|pointed out)[^.!?]{0,40}"
            r"(?:twice|three times|\w+ times|again and again|repeatedly|at every|every time|more than once)",
            0.7,
        ),
        (
            r"(?:i|we|she|he) (?:asked|told them|said|requested|specifically asked)[^.!?]{0,80}"
            r"(?:anyway|regardless|still|all the same|even so)",
            0.65,
        ),
        (
            r"(?:put down to|gets put down to|wrote (?:it|me|her|him) off|not (?:being )?believed|stop being believed|"
            r"took (?:me|us|her|him|it) seriously|heard (?:me|us|her|him) out|'?keep going'?|'?trust me'?|"
            r"'?don'?t worry about (?:that|it)'?|'?(?:first babies|these things) )",
            0.6,
        ),
        (
            r"(?:sent (?:her|him|me|us) home|told (?:her|him|me|us) to (?:stay at home|go home|wait))[^.!?]{0,40}"
            r"(?:twice|again|anyway|even though|despite)?",
            0.4,
        ),
        (
            r"(?:care plan|written instructions|on (?:his|her|my) notes|in (?:his|her|my) notes|wristband|red book)"
            r"[^.!?]{0,60}(?:still|anyway|ignored|not|despite|yet)",
            0.55,
        ),
    ],
    "disrespect": [
        (r"\b(?:laughed|laughing|sniggered|smirked|mocking|joked)\b", 0.7),
        (
            r"(?:like|as if|as though) (?:i|she|he|we|they) (?:was|were|wasn'?t|weren'?t) (?:a |an )?(?:piece of|"
            r"furniture|being difficult|not there|asleep|invisible|stupid|a child|nothing|in the way|there)",
            0.85,
        ),
        (
            r"(?:frequent flyer|bed[- ]blocker|time[- ]waster|drama queen|'?the patient'?|one of the \w+ lot|"
            r"grown-ups|not running a)",
            0.8,
        ),
        (
            r"(?:her|his|their|the) (?:whole )?(?:manner|tone|attitude)[^.!?]{0,30}(?:changed|was|towards)",
            0.6,
        ),
        (
            r"(?:walked past|didn'?t (?:even )?(?:stop|introduce|look at (?:me|her|him|us))|without (?:stopping|"
            r"introducing|looking at))",
            0.55,
        ),
        (r"(?:called|referred to) (?:me|her|him|my \w+|us)[^.!?]{0,10}(?:a |an |as )", 0.45),
        (r"(?:shouldn'?t have to|still a person|a human being|treated (?:with|like))", 0.5),
    ],
    "inconsistent-information": [
        (
            r"(?:said|says|told (?:me|us|him|her|them)|advised|promised)[^.!?]{0,120}[.;]\s*[^.!?]{0,80}"
            r"(?:said|says|told (?:me|us|him|her|them)|advised|became|stated)[^.!?]{0,60}"
            r"(?:different|instead|no such|not at all|never|opposite|no record|another|anything but)",
            0.45,
        ),
        (
            r"(?:which (?:one )?is (?:right|true|correct)|who (?:do|should) (?:i|we) believe|one of them is wrong|"
            r"don'?t know which|different idea|different (?:doctor|nurse|consultant)[^.!?]{0,40}(?:said|says|told))",
            0.8,
        ),
        (
            r"(?:the first|one)[^.!?]{0,40}(?:said|says)[^.!?]{0,60}(?:the second|the other|another|the next)",
            0.85,
        ),
        (
            r"(?:"
            + SPEAKER
            + r") (?:says|said)[^.!?]{0,80}[.;]\s*(?:the )?(?:"
            + SPEAKER
            + r"|hospital|"
            r"consultant'?s team|echo department) (?:says|said|told)",
            0.75,
        ),
        (
            r"(?:night|day|morning|afternoon|evening|junior|first) (?:nurse|doctor|shift|registrar)[^.!?]{0,80}"
            r"(?:night|day|morning|afternoon|evening|consultant|next|second) (?:nurse|doctor|shift|registrar)?",
            0.5,
        ),
        (r"(?:then|later)[^.!?]{0,20}(?:it became|they said|was told|told (?:me|us))", 0.4),
    ],
    "delayed-communication": [
        (
            r"(?:days|weeks|months|a fortnight|hours) later[^.!?]{0,40}(?:told|heard|found out|letter|rang|call)|"
            r"(?:told|heard|found out|informed)[^.!?]{0,40}(?:days|weeks|months|a fortnight) later",
            0.75,
        ),
        (
            r"(?:until|till) the (?:next|following) (?:day|morning|afternoon|evening|week)|"
            r"(?:weren'?t|wasn'?t|were not|was not) told until",
            0.75,
        ),
        (
            r"(?:nobody'?s|no one'?s|nobody has|no one has|hasn'?t|haven'?t|has not|have not) (?:rung|called|phoned|"
            r"got back|replied|been in touch)|rings? out|no reply|no response|then nothing",
            0.75,
        ),
        (
            r"(?:no one|nobody|noone|nothing|no word|no news|no update|not a word)[^.!?]{0,40}(?:for|in) "
            r"(?:\w+ )?(?:hours|days|weeks|months)",
            0.75,
        ),
        (
            r"(?:left|leave) (?:a )?messages?|(?:third|fourth|fifth|sixth|second) (?:letter|phone call|call|email|time)",
            0.6,
        ),
        (
            r"(?:that was|it was) (?:\w+day|last week|weeks ago|a month ago)[^.!?]{0,5}[.!]\s*(?:it'?s|it is|still)",
            0.7,
        ),
    ],
    "family-excluded": [
        (
            r"(?:nobody|no one|never|not|without)[^.!?]{0,20}(?:asked|told|rang|phoned|called|contacted|consulted|"
            r"involved|included|invited|updated) (?:me|us|the family|his family|her family|mum|dad|his wife|"
            r"her husband|the carer)",
            0.55,
        ),
        (
            r"(?:without (?:him|her|me|us|the family|his wife|her husband|contacting (?:her|him|me|us))|while (?:i|we) "
            r"(?:was|were) (?:at work|away|out|not there|at home))",
            0.55,
        ),
        (
            r"(?:i'?m|i am|as) (?:his|her|their|mum'?s|dad'?s) (?:\w+ )?(?:carer|next of kin|power of attorney|wife|husband|"
            r"mum|mother|dad|father)",
            0.45,
        ),
        (
            r"(?:asked|wanted|begged) to (?:stay|be there|be present|come in|go in)|(?:wait|waiting) outside|"
            r"only speak to|real family|not allowed (?:in|to stay)",
            0.7,
        ),
        (
            r"(?:if someone would|someone could|nobody thought to) (?:just )?(?:ring|call|tell|contact) (?:me|us)",
            0.7,
        ),
        (
            r"(?:wasn'?t|weren'?t|was not|were not)[^.!?]{0,15}(?:there|present|at the appointment)[^.!?]{0,60}"
            r"(?:nobody|no one|never) (?:told|asked|rang)",
            0.75,
        ),
    ],
    "expectation-mismatch": [
        (
            r"(?:was|were|been) (?:told|promised|assured|led to believe)[^.!?]{0,80}(?:would|will|'d|'ll|going to|"
            r"within|only|just|definite|fade|nothing)",
            0.5,
        ),
        (r"(?:the (?:leaflet|letter|website|brochure) (?:said|says|shows|showed))", 0.5),
    ],
    "privacy-breach": [
        (
            r"(?:told|informed|rang|passed on|shared|gave|handed|discussed[^.!?]{0,30}with)[^.!?]{0,40}(?:my|her|his|our) "
            r"(?:sister|brother|ex|ex-wife|ex-husband|neighbou?r|lodger|mother|father|employer|boss|mates|friends?|"
            r"colleagues?)",
            0.6,
        ),
        (
            r"(?:facebook|instagram|social media|posted (?:about|online)|in front of|within earshot|could hear|"
            r"heard every word|overheard|door open|lock screen|wandering in and out|the whole (?:bay|room|ward))",
            0.55,
        ),
        (
            r"(?:someone else'?s|another patient'?s|a different patient|the wrong patient'?s)[^.!?]{0,30}(?:letter|results?|"
            r"records?|details|notes|pages|diagnosis)|(?:pages|letter|details) about a different",
            0.8,
        ),
        (
            r"(?:diagnosis|details|results?|condition|status|hiv|medication)[^.!?]{0,60}(?:printed|written|shown|"
            r"in the (?:text|message)|on the (?:label|envelope|invoice)|emailed|visible)",
            0.6,
        ),
        (
            r"without (?:my|his|her|their) (?:permission|consent|knowledge)|asked[^.!?]{0,20}not to (?:share|tell)|"
            r"(?:open|opened|accessed|looked (?:at|in)|went into) (?:my|his|her) (?:file|records?|notes)",
            0.75,
        ),
    ],
    "clinical-quality": [
        (
            r"(?:glanced|less than a minute|ten seconds|barely looked|without (?:looking|examining|checking|"
            r"reading)|with (?:her|his) coat still on)",
            0.7,
        ),
        (
            r"(?:broken|fractured) all along|it was (?:her|his|my|actually) \w+|turned out (?:to be|it was)|"
            r"missed the|(?:probably|just) (?:anxiety|a virus|constipation|wind|indigestion)|changed[^.!?]{0,30}"
            r"medication without",
            0.65,
        ),
        (
            r"(?:before the (?:local|anaesthetic)[^.!?]{0,30}worked|done right|not done properly|second opinion|"
            r"(?:wrong|different) (?:decision|diagnosis))",
            0.55,
        ),
    ],
    "safety-incident": [
        (
            r"(?:double|twice|half) (?:the )?(?:correct |normal |usual )?dose|dosing error|overdos\w*|"
            r"(?:doses?|tablets?)[^.!?]{0,30}(?:missed|in the bin|not given)|missed doses?",
            0.85,
        ),
        (
            r"\b(?:bleed|bleeding|haemorrhage|stroke|perforat\w+|tear in|burst|stillborn|collapsed|readmitted|"
            r"welts|reaction|rash|seizure|spasms?|fit\b|choked|aspirat\w+|dehydrat\w+|malnourish\w+)",
            0.3,  # dev precision 0.33: topic words (stroke care, "my reaction")
        ),
        (r"(?:allergic|allergy|allergies)", 0.6),
        (r"(?:tray|food|meals?)[^.!?]{0,40}(?:taken away|untouched|uneaten|out of reach)", 0.55),
    ],
    "access-delay": [
        (
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|eighteen|"
            r"twenty|forty) (?:weeks|months|hours)\b",
            0.2,  # dev precision 0.32: durations appear in almost every story
        ),
        (
            r"(?:cancelled|postponed|no new date|waiting list|on the list|in a queue|sitting in a queue|"
            r"next available|earliest (?:date|appointment)|referral)",
            0.5,
        ),
        (r"(?:seen first|still (?:waiting|not been seen)|hasn'?t been seen|no appointment)", 0.55),
    ],
    "administrative-process": [
        (
            r"(?:no (?:such )?(?:record|booking)|no record of|blank|filed in|not on the system|couldn'?t find (?:her|him|me) "
            r"on|marked (?:as )?'?did not attend|discharged back|number on file|wrong (?:ward|clinic|department))",
            0.7,
        ),
        (
            r"(?:letter|invoice|envelope|form|booking|appointment letter|text)[^.!?]{0,40}(?:says|said|stated|listed|"
            r"addressed|sent to|emailed to|posted to)",
            0.2,  # dev precision 0.32: mostly letters quoted in other complaints
        ),
        (
            r"(?:subject access request|copy of (?:my|her|his) (?:notes|records)|records arrived|pages missing)",
            0.6,
        ),
    ],
    "environment": [
        (
            r"(?:locked|buzzer didn'?t work|out of use|out of order|broken|didn'?t work|strip lights|"
            r"no (?:hot water|heating|wifi|signal)|(?:paid|pay|cost)[^.!?]{0,20}(?:to park|parking))",
            0.6,
        ),
        (r"(?:accessible entrance|wheelchair access|lift (?:was )?(?:broken|out))", 0.6),
    ],
}
# Clinical and administrative stories told without the tag's words.
STORY_PATTERNS["clinical-quality"] += [
    (
        r"(?:said|told|saying|assured|reassured)[^.!?]{0,30}(?:it'?s|its|it was|that'?s|thats|this is) "
        r"(?:viral|a virus|normal|nothing|fine|just|probably|only)",
        0.5,
    ),
    (
        r"(?:back|readmitted|returned|came back)[^.!?]{0,30}(?:later|next day|that night)[^.!?]{0,30}"
        r"(?:with|had|it was)|went with the (?:first|wrong)|operated[^.!?]{0,60}nothing there",
        0.6,
    ),
    (r"(?:says|said|reads) '?(?:skin intact|no concerns|nothing abnormal)", 0.55),
]
STORY_PATTERNS["administrative-process"] += [
    (
        r"(?:letters?|appointments?|texts?|results?|invoice)[^.!?]{0,40}(?:addressed to|sent to|copied to)"
        r"[^.!?]{0,60}(?:died|passed away|deceased|ex|wrong|old address|divorced)",
        0.75,
    ),
    (
        r"(?:on|in) (?:your|the|their) (?:system|records?|computer|database)|still (?:listed|registered|down) as",
        0.5,
    ),
    (
        r"(?:nothing|no appointment|no operation) (?:booked|on the system)|(?:belongings|property|wedding ring|"
        r"hearing aids?|dentures|glasses)[^.!?]{0,60}(?:lost|missing|located|never returned|not returned)",
        0.65,
    ),
]
for _slug, _patterns in STORY_PATTERNS.items():
    TAG_PATTERNS[_slug] = TAG_PATTERNS[_slug] + _patterns
# Then the patterns found by error analysis on the development split (`found/`).
for _slug, _patterns in found().items():
    TAG_PATTERNS[_slug] = TAG_PATTERNS[_slug] + _patterns


# Sentences that cancel a tag's match in the same sentence (said in the positive).
POSITIVE_GUARDS: dict[str, list[str]] = {
    "unexplained-risk": [
        r"(?:did|had|were|was|clearly|carefully|fully|properly|thoroughly)[^.!?]{0,20}"
        r"(?:explain\w*|went through|go through|discussed|warned|told)[^.!?]{0,60}" + RISK,
        r"(?:explained|went through|discussed)[^.!?]{0,40}(?:every|all the|each) (?:risk|complication|side)",
    ],
    "not-listened-to": [
        r"(?:really|actually|properly) listened|listened (?:carefully|to (?:every|all))"
    ],
    "disrespect": [r"(?:was|were) (?:lovely|respectful|polite|kind|courteous|friendly|apologetic)"],
    "privacy-breach": [r"private room|privacy curtain (?:was|were) (?:drawn|closed)"],
    "delayed-communication": [
        r"(?:rang|called|got back to) (?:us|me) (?:straight away|the same day|within)"
    ],
}

# Escalation reasons: pattern -> (reason shown to the officer, weight)
ESCALATION_PATTERNS: list[tuple[str, str, float]] = [
    (
        r"\b(?:solicitor|lawyer|legal action|sue|suing|court|litigation|compensation claim|claim against|"
        r"no win no fee|negligence claim|legal advice)\b",
        "mentions a solicitor or legal action",
        0.9,
    ),
    (
        r"\b(?:ombudsman|phso|cqc|care quality commission|regulator|gmc|nmc|healthwatch|mp\b|member of parliament|"
        r"councillor|ico\b|information commissioner)",
        "mentions the ombudsman, a regulator or an MP",
        0.85,
    ),
    (
        r"\b(?:press|newspaper|local paper|the paper|media|journalist|social media|facebook|twitter|tiktok|go public)\b",
        "threatens to go to the press or social media",
        0.75,
    ),
    (
        r"(?:formal complaint|official complaint|complain formally|make a complaint|making a complaint|"
        r"escalat\w+ (?:this|it|my complaint))",
        "asks for a formal complaint",
        0.55,
    ),
    (
        r"(?:take|taking) (?:this|it|things|matters) (?:further|higher|elsewhere)|won'?t (?:let|leave) (?:this|it) (?:go|rest|there)",
        "says they will take it further",
        0.75,
    ),
    (
        r"(?:third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|several|many|countless|numerous|umpteen|so many) "
        r"(?:time|call|phone call|message|email|letter|attempt)s?",
        "repeated contact without an answer",
        0.6,
    ),
    (
        r"(?:rang|rung|ring|called|phoned|chased|e-?mailed|written|wrote|asked|contacted|been back)"
        r"[^.!?]{0,40}\b(?:three|four|five|six|seven|eight|nine|ten|\d+|several|many|numerous) times",
        "repeated contact without an answer",
        0.6,
    ),
    (
        r"(?:still|yet) (?:no|not|nobody|haven'?t|hasn'?t|waiting)[^.!?]{0,40}(?:answer|reply|response|call|heard|back)",
        "still waiting for an answer",
        0.45,
    ),
    (
        r"(?:lost|no) (?:all )?(?:trust|faith|confidence)|(?:don'?t|do not|no longer|never) trust",
        "says trust has broken down",
        0.7,
    ),
    (
        r"(?:want|demand|expect|insist on)\w*[^.!?]{0,30}(?:answers?|response|explanation|apology)[^.!?]{0,15}"
        r"(?:in writing|written|formally)",
        "wants a written response",
        0.5,
    ),
    (
        r"(?:disgrace\w*|appall\w*|appalled|outrage\w*|furious|livid|unacceptable|disgusted|negligen\w+|"
        r"scandal\w*|shocking|unforgivable)",
        "strong anger",
        0.4,
    ),
    (
        r"(?:died|death|passed away|lost (?:our|my) (?:baby|mum|dad|mother|father|son|daughter|husband|wife))",
        "a death is involved",
        0.55,
    ),
    (
        r"(?:nearly|almost|could have) died|(?:emergency|urgent) (?:surgery|operation)|intensive care|\bicu\b|"
        r"\bsepsis\b|septic|cancer|melanoma|tumou?r|stroke|cauda equina|brain damage|paralys\w+|stillb\w+|"
        r"miscarr\w+|permanent\w*|(?:too|far too) late|life[- ]threatening|resuscitat\w+|overdose",
        "serious harm to the patient",
        0.45,
    ),
    (
        r"next (?:stop|step) (?:is|will be)|(?:i|we) (?:will|shall|am going to|are going to) (?:report|write to|contact)|"
        r"(?:report|reporting) (?:you|this|it|them) to",
        "says where they will go next",
        0.6,
    ),
]

# Reasons that soften: the person says they do not want to escalate.
DEESCALATION_PATTERNS: list[str] = [
    r"(?:don'?t|do not|not) (?:want|wish|looking|intend\w*) (?:to )?(?:make )?(?:a|any) (?:formal )?complaint",
    r"(?:this is|it'?s) not a complaint|not (?:after|looking for) compensation|just (?:want|wanted) (?:to )?"
    r"(?:let|pass|feed|say|mention|flag)",
    r"(?:no|not a) big deal|minor (?:point|thing|issue)|otherwise (?:the )?(?:care|treatment|staff) (?:was|were) "
    r"(?:good|great|excellent|fine|brilliant)",
]


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings of which every match of `pattern` contains at least one (empty when none can
    be told): a narrative holding none of them is not searched with the pattern at all
    (see `candidates`); Python's regex engine was the analyser's bottleneck."""
    found_sets = _required(_sre_parse.parse(pattern))
    return tuple(sorted(_most_selective(found_sets) or ()))


def _most_selective(sets: list[set[str]]) -> set[str] | None:
    sets = [s for s in sets if s and min(map(len, s)) >= 3]
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


def _required(items) -> list[set[str]]:
    """Sets of strings such that a match contains one string of each set."""
    out: list[set[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= 3:
            out.append({"".join(run)})
        run = []
        if op is _sre.SUBPATTERN:
            out.extend(_required(av[-1]))
        elif op is _sre.BRANCH:
            alternatives = [_most_selective(_required(b)) for b in av[1]]
            if all(alternatives):
                out.append(set().union(*alternatives))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            out.extend(_required(av[2]))
    return out


def _trie_pattern(strings: list[str]) -> str:
    """One regex over many strings, shaped as their trie (each step tries one character, so
    matching costs the length of the match, not the number of strings); at a string's end
    it first tries to go on, so the longest string starting at a position is the one found."""
    trie: dict = {}
    for string in strings:
        node = trie
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


class LiteralFinder:
    """Which of many strings occur in a text, in one pass of the regex engine: a zero-width
    lookahead tries the trie at every position and reports the longest string found there;
    every string that is a prefix of it starts there too, so each reported string stands
    for its prefixes. (The strings are the patterns' required literals: testing them one
    by one with `in` was a quarter of the analyser's time.)"""

    def __init__(self, strings) -> None:
        strings = sorted(set(strings))
        self._pattern = re.compile(f"(?=({_trie_pattern(strings)}))") if strings else None
        known = set(strings)
        self._prefixes = {
            s: frozenset(s[:i] for i in range(1, len(s) + 1) if s[:i] in known) for s in strings
        }

    def present(self, text: str) -> frozenset[str]:
        if self._pattern is None:
            return frozenset()
        longest = {m.group(1) for m in self._pattern.finditer(text)}
        return frozenset().union(*(self._prefixes[s] for s in longest))


# Each pattern by its place in tag order, which patterns each required string lets through,
# and the patterns no string can rule out (none today, but a pattern may need none).
_FLAT: list[tuple[str, re.Pattern, float]] = []
_NEEDED_BY: dict[str, list[int]] = {}
_ALWAYS: list[int] = []
for _slug, _patterns in TAG_PATTERNS.items():
    for _pattern, _weight in _patterns:
        _needs = required_literals(_pattern)
        for _n in _needs:
            _NEEDED_BY.setdefault(_n, []).append(len(_FLAT))
        if not _needs:
            _ALWAYS.append(len(_FLAT))
        _FLAT.append((_slug, re.compile(_pattern), _weight))
REQUIRED = LiteralFinder(_NEEDED_BY)


def candidates(lower: str) -> list[tuple[str, list[tuple[re.Pattern, float]]]]:
    """The tags, each with its patterns that could match this (lower-cased) text, in the
    lexicon's order: a pattern is left out when the text holds none of the strings every
    match of it contains. Typically a dozen of the 242 patterns remain."""
    ids = set(_ALWAYS)
    for string in REQUIRED.present(lower):
        ids.update(_NEEDED_BY[string])
    out: list[tuple[str, list[tuple[re.Pattern, float]]]] = []
    for k in sorted(ids):
        slug, pattern, weight = _FLAT[k]
        if not out or out[-1][0] != slug:
            out.append((slug, []))
        out[-1][1].append((pattern, weight))
    return out


COMPILED_GUARDS = {slug: [re.compile(p) for p in pats] for slug, pats in POSITIVE_GUARDS.items()}
COMPILED_ESCALATION = [(re.compile(p), reason, w) for p, reason, w in ESCALATION_PATTERNS]
COMPILED_DEESCALATION = [re.compile(p) for p in DEESCALATION_PATTERNS]
