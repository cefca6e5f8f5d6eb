"""Word lists of attribution: reporting verbs for the rules, cue lemmas and nouns for the parser, quotation signers.

One module holds them so the rules (attribution.py), the sentence splitter (sentences.py) and the parser
(parsing.py) read the same words; each list says where its words were chosen.
"""

from __future__ import annotations

# Verbs that sign a quotation right after it ('“Why not?” Graham asked.'): the splitter keeps such a signature in
# the quotation's sentence, and the rules read it as the quotation's cue. 'continued' signs a quotation but is
# no reporting verb elsewhere ('the company continued production'): the rules take it only after a quotation.
SIGNING_VERBS = tuple("""
said says asked asks added adds told tells wrote writes replied continued shouted demanded insisted explained noted
recalled declared tweeted exclaimed wondered argued joked
""".split())
QUOTATION_ONLY_VERBS = frozenset({"continued"})

# Reporting verbs of the rules (regular-expression alternatives, inflected forms). Third-person forms that are
# mostly plural nouns are left out ('the company's orders fell', 'rising fears prompted …'): on PolNeAR train their
# sources were annotated ones in orders 0 of 1 uses, requests 0 of 2, charges 2 of 8, worries 4 of 7, documents
# 0 of 6, tweets 0 of 3 (fears 3 of 3, left out all the same); 'points', 'remarks', 'names' were never in. A speaker
# ending in a possessive (POSSESSIVES, "'s") is refused as well, for the plural nouns that stay ('reports', 'claims').
_RULE_VERBS = (
    "said|says|say|told|tells|added|adds|stated|noted|notes|claimed|claims|alleged|alleges|insisted|"
    "insists|argued|argues|denied|denies|deny|rejected|rejects|refuted|refutes|dismissed|dismisses|wrote|writes|"
    "reported|reports|found|finds|concluded|concludes|documented|estimated|estimates|warned|warns|"
    "acknowledged|acknowledges|confirmed|confirms|explained|explains|urged|urges|described|describes|accused|"
    "accuses|maintained|maintains|asserted|asserts|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|believes|"
    "suggested|suggests|announced|announces|declared|declares|countered|counters|responded|replied|recalled|"
    "recalls|testified|revealed|reveals|showed|shows|show|called|calls|condemned|condemns|criticised|criticized|"
    "blamed|praised|observed|pointed out|made clear|has said|have said|had said|has found|have found|"
    "has denied|have denied|has rejected|have rejected|had told|has documented|have documented|"
    "has long denied|has repeatedly denied|has consistently denied|repeatedly denied|has also said|also said|"
    "previously said|later said|said on \\w+|wrote on \\w+|told reporters|told \\w+|"
    # more reporting verbs with high precision as cues on PolNeAR train (see CUE_LEMMAS)
    "asked|asks|endorsed|endorses|tweeted|defended|defends|refused|refuses|proposed|proposes|promised|"
    "promises|mentioned|mentions|declined|declines|vowed|vows|questioned|cited|cites|predicted|predicts|"
    "posted|expressed|expresses|agreed|agrees|blasted|blasts|slammed|slams|mocked|mocks|complained|complains|"
    "reiterated|reiterates|boasted|boasts|touted|touts|pledged|pledges|announced|admitted|admits|conceded|concedes|"
    "disclosed|discloses|recommended|recommends|indicated|indicates|implied|implies|highlighted|highlights|echoed|"
    "echoes|denounced|denounces|decried|decries|lamented|laments|applauded|applauds|contended|contends|cautioned|"
    "speculated|charged|assured|assures|ordered|requested|feared|worried|"
    # past and third-person forms of the verbs CUE_LEMMAS gained from PolNeAR train counts (general verbs of speaking
    # and taking a position); 'adopted' left out ('the EU adopted a regulation' is an act, not a statement)
    "pointed|referred|preferred|hoped|shouted|chanted|underscored|advocated|answered|apologized|apologised|"
    "challenged|characterized|characterised|compared|condemned|congratulated|deemed|demanded|determined|disavowed|"
    "distanced|emailed|embraced|encouraged|hinted|invoked|joked|laid out|learned|opposed|persuaded|pleaded|"
    "portrayed|pressed|promoted|published|pushed|quoted|railed|reacted|remarked|remembered|reminded|resisted|"
    "retweeted|shared|signaled|talked|testified|thanked|threatened|voiced|refers|prefers|underscores|apologizes|"
    "apologises|characterizes|characterises|compares|condemns|congratulates|deems|determines|disavows|encourages|"
    "invokes|opposes|persuades|pleads|portrays|promotes|publishes|reminds|resists|retweets|testifies|threatens"
)
# The rules' verbs with the quotation signers that are reporting verbs everywhere.
RULE_VERBS = "|".join(dict.fromkeys(
    _RULE_VERBS.split("|") + [v for v in SIGNING_VERBS if v not in QUOTATION_ONLY_VERBS]))
# Sources whose last word shows that the cue after it is a noun: 'the company's orders', 'their fears'.
POSSESSIVES = frozenset("its their his her our my your whose".split())

# Reporting and attitude verbs (lemmas). Chosen on the PolNeAR train split: a lemma is kept when at least 40% of the
# sources it yields are annotated sources there ('say' 84%, 'tell' 68%, 'call' 49%). The last two lines came from
# a later count over train of every verb with a subject (a verb is kept when, in 8 or more uses with any subject, at
# least 40% are annotated cues with that subject as source, or 25% for the last line, a hand-picked set of verbs of
# speaking and attitude among those): general English verbs, no names or topics. 'hop' is how the model lemmatises
# 'hoped'.
CUE_LEMMAS = frozenset("""
say tell add write note argue announce claim suggest explain describe declare accuse recall acknowledge insist
conclude warn vow urge reply respond criticize criticise denounce decry lament tout assert reiterate confirm deny
reject dismiss admit praise applaud blast slam mock complain boast emphasize emphasise stress predict reveal
indicate imply cite reference highlight echo endorse propose promise pledge agree report show state allege contend
caution concede call ask decline estimate tweet post speculate charge counter express discuss refuse question
defend view fear worry blame repeat issue assure recommend order disclose request mention
point refer list prefer hope hop shout chant underscore rule
advocate aim cheer comment compare condemn demand differ dislike favor favour oppose portray promote quote recognize
recognise remember seek share threaten wonder yell
""".split())
# Verbs that are cues only with a named subject ('Trump continued', 'Clinton supports'), measured the same way:
# with such subjects about half their sources or more are annotated ones, with 'I', 'we' or 'it' far fewer.
# The later lines came from the later count over train (named subjects, 8 or more uses, at least 40% annotated;
# 25% for the last line, hand-picked as above: 'think', 'want', 'believe' count once quotations and statements
# reported inside another's content are left out). 'retweete' is how the model lemmatises 'retweeted'.
NAMED_CUE_LEMMAS = frozenset("""
find offer support release address attack continue launch
answer apologize apologise cast challenge characterize characterise congratulate deem determine disavow distance
email embrace encourage hint invoke joke lay learn name persuade plead press publish push rail react remark remind
resist retweet retweete signal talk testify thank voice
approve believe champion convince decide disagree laugh like opt plan protest realize realise think want unveil weigh
back
""".split())
# Nouns that carry someone's statement: "Trump's warning that …", "the ministry's denial of …".
CUE_NOUNS = frozenset("""
warning question call pledge suggestion argument complaint assertion denial allegation testimony insistence
claim contention vow
""".split())
# Sources that PolNeAR almost never annotates: first and second persons and 'it'/'they'/'that' (train: 4-23%).
# They are dropped in every sentence, quoted or not: inside a quotation ('"I think …," she said') the quoted
# speaker's own attribution is the one that counts, and outside one a bare 'we'/'it' names no one.
NESTED_SOURCES = frozenset("i me we us you it they them that".split())
# A line that opens with a speaker's name and a colon: transcripts and headlines ('PENCE: Well, …').
NOT_SPEAKERS = frozenset("""
question answer note update photo source editor related read watch q a warning correction clarification video latest
breaking live exclusive analysis opinion graphic audio transcript
""".split())
# Irregular forms of the cue verbs above, for the fast pass that picks the sentences worth parsing.
IRREGULAR = {"say": "said", "tell": "told", "show": "shown", "write": "wrote written", "find": "found",
              "think": "thought", "seek": "sought", "lay": "laid"}
# Documents that speak for themselves after 'in' ('In the latest poll, …'); statements and interviews do not:
# 'X said in a statement' has X as its source.
DOCUMENTS = frozenset("poll survey study report analysis audit".split())
# Prepositions whose object is what was said: 'called for …', 'spoke about …', 'railed against …'.
CONTENT_PREPS = frozenset("for about on against to over of with".split())
# Cues under these modals are what someone should or might say, not what they said.
MODALS = frozenset("should could would might must may can".split())
