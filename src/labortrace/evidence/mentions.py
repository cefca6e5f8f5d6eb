"""Find mentions of companies, organisations, government bodies, places and people by patterns and a small gazetteer."""

from __future__ import annotations

import re
from functools import cache

import pycountry

from labortrace.evidence.model import Mention

_XINJIANG = ("Xinjiang|Urumqi|Ürümqi|Kashgar|Kashi|Hotan|Khotan|Aksu|Kizilsu|Kyzylsu|Turpan|Turfan|Hami|Kumul|Changji|"
             "Bortala|Bayingolin|Korla|Ili|Yining|Ghulja|Tacheng|Chuguchak|Altay|Karamay|Shihezi|Yarkand|Shache|Kuqa|"
             "Atush|Artux|Aral|Tumxuk|Wujiaqu|Beitun|Kokdala|Kunyu|Huyanghe|Xinxing|Baiyang|Lop|Peyziwat")
_PROVINCES = ("Anhui|Beijing|Chongqing|Fujian|Gansu|Guangdong|Guangxi|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|"
              "Hunan|Inner Mongolia|Jiangsu|Jiangxi|Jilin|Liaoning|Ningxia|Qinghai|Shaanxi|Shandong|Shanghai|Shanxi|"
              "Sichuan|Tianjin|Tibet|Yunnan|Zhejiang|Hong Kong|Macau|Taiwan|Shenzhen|Guangzhou|Qingdao|Xiamen|Dongguan|"
              "Wuhan|Nanjing|Hangzhou|Ningbo|Suzhou|Wuxi|Changsha|Chengdu|Xi'an|Zhengzhou|Hefei")
_US_STATES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
              "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
              "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
              "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
              "Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming")
_COMPANY = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){0,6}?(?:[A-Z][\w&'’.-]*)\s+(?:Co\.,? Ltd\.?|Co\.|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|"
    r"Group|Company|Holdings|Industries|Industrial|Textiles?|Apparel|Garments?|Technology|Technologies|Electronics|"
    r"Trading|Manufacturing|LLC|PLC|plc|GmbH|S\.A\.|AG)\b\.?")
_GOVERNMENT = re.compile(
    r"\b(?:(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:Ministry|Bureau|Department|Commission|Office|Council|Government|"
    r"Embassy|Congress|Senate|Parliament|Administration|Customs|Police|Committee)(?:\s+(?:of|for|on)(?:\s+(?:the\s+)?[A-Z][\w'’-]*)+)?"
    r"|Xinjiang Production and Construction Corps|XPCC|CBP|State Council|White House|State Department|"
    r"Communist Party(?: of China)?|Foreign Ministry)\b")
_ORGANISATION = re.compile(
    r"\b(?:Human Rights Watch|Amnesty International|(?:[A-Z][\w'’-]*\s+){1,6}(?:Institute|University|Watch|Centre|Center|"
    r"Foundation|Coalition|Project|Association|Consortium|Alliance|Initiative|Network|Congress|Society|Federation|Union))\b"
    r"(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w'’-]*)+)?")
_PERSON = re.compile(
    r"\b(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+|(?:spokes(?:person|man|woman)|minister|professor|researcher|director|"
    r"executive|official|analyst|scholar|chairman|secretary|ambassador|senator|worker|farmer|detainee)\s+)"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})")
_PLACE_ORDER = {"government": 0, "company": 1, "organisation": 2, "person": 3, "place": 4}


@cache
def _place_pattern() -> re.Pattern[str]:
    countries = sorted({c.name for c in pycountry.countries if "," not in c.name and "(" not in c.name}
                       | {"China", "United States", "Britain", "Russia", "Vietnam", "South Korea", "Iran", "Kyrgyzstan"},
                       key=len, reverse=True)
    names = "|".join([_XINJIANG, _PROVINCES, _US_STATES] + [re.escape(c) for c in countries])
    return re.compile(rf"\b(?:{names})\b|新疆|喀什|和田|阿克苏|乌鲁木齐|吐鲁番|哈密")


def find_mentions(text: str, extra_people: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Return non-overlapping mentions found in `text`; `extra_people` adds speaker spans known to be names."""
    found: list[Mention] = []
    for kind, pattern in (("government", _GOVERNMENT), ("company", _COMPANY), ("organisation", _ORGANISATION)):
        found += [Mention(m.group(), kind, m.start(), m.end()) for m in pattern.finditer(text) if len(m.group()) > 3]
    for m in _PERSON.finditer(text):
        found.append(Mention(m.group("name"), "person", m.start("name"), m.end("name")))
    for start, end in extra_people or []:
        found.append(Mention(text[start:end], "person", start, end))
    found += [Mention(m.group(), "place", m.start(), m.end()) for m in _place_pattern().finditer(text)]
    # longer, more specific spans win; then by kind order
    found.sort(key=lambda x: (-(x.end - x.start), _PLACE_ORDER[x.type]))
    kept: list[Mention] = []
    for mention in found:
        if not any(mention.start < k.end and k.start < mention.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda x: x.start)
