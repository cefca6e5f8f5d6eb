"""Fictional companies: Chinese names built from parts, addresses, USCCs and FtM output."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from stdnum.cn import uscc as stdnum_uscc

from labortrace.demo._tables import STREETS, Industry, LegalForm, Place, Syllable

#: Every generated entity carries this note, so no demo record can pass for real data.
FICTIONAL_NOTE = "FICTIONAL: generated demo data, not a real company"

#: Characters allowed in the organisation-code part of a USCC (no I, O, S, V, Z).
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass(frozen=True)
class Brand:
    """A two-syllable trade name such as 瑞达 / Ruida."""

    first: Syllable
    second: Syllable

    @property
    def han(self) -> str:
        return self.first.han + self.second.han

    @property
    def pinyin(self) -> tuple[str, str]:
        return (self.first.pinyin, self.second.pinyin)

    @property
    def english(self) -> str:
        return (self.first.pinyin + self.second.pinyin).capitalize()


@dataclass(frozen=True)
class ChineseName:
    """A company name as place + brand + industry + legal form, renderable in several ways."""

    place: Place
    brand: Brand
    industry: Industry
    legal: LegalForm

    def han(self, *, place: bool = True, legal: bool = True) -> str:
        """The Han name, optionally without place or legal form."""
        parts = [self.place.han if place else "", self.brand.han, self.industry.han]
        return "".join(parts) + (self.legal.han if legal else "")

    def english(self, *, place: bool = True, legal: str | None = None, exonym: bool = True) -> str:
        """The English name; `legal` replaces the legal form ('' drops it), `exonym` picks Kashgar over Kashi."""
        place_word = self.place.english if exonym else _title(self.place.pinyin)
        words = [place_word if place else "", self.brand.english, self.industry.english]
        words.append(self.legal.english if legal is None else legal)
        return " ".join(w for w in words if w)

    def pinyin(self, *, place: bool = True, legal: bool = False, run_together: bool = False) -> str:
        """Hanyu pinyin of the Han name, one word per part, or all parts run together."""
        parts = [self.place.pinyin if place else (), self.brand.pinyin, self.industry.pinyin]
        if legal:
            parts.append(self.legal.pinyin)
        words = [_title(p) for p in parts if p]
        return "".join(words).capitalize() if run_together else " ".join(words)

    def key(self) -> tuple[str, str, str]:
        """What makes two generated names the same company name."""
        return (self.place.han, self.brand.han, self.industry.han)


def _title(syllables: tuple[str, ...]) -> str:
    return "".join(syllables).capitalize()


@dataclass(frozen=True)
class DemoCompany:
    """One fictional company, as written to a dataset file."""

    id: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    address: str = ""
    country: str = "cn"
    uscc: str = ""
    topics: tuple[str, ...] = ()
    description: str = ""
    program: str = ""
    publisher: str = ""
    parts: ChineseName | None = None  #: how a Chinese name was built; not written out

    def to_ftm(self) -> dict[str, Any]:
        """The entity as a FollowTheMoney JSON object (only non-empty properties)."""
        props: dict[str, list[str]] = {"name": list(self.names)}
        optional = {
            "alias": list(self.aliases),
            "address": [self.address],
            "country": [self.country],
            "registrationNumber": [self.uscc],
            "uscCode": [self.uscc],
            "topics": list(self.topics),
            "program": [self.program],
            "publisher": [self.publisher],
            "description": [self.description],
        }
        props.update({k: v for k, v in optional.items() if any(v)})
        props["notes"] = [FICTIONAL_NOTE]
        return {"id": self.id, "schema": "Company", "properties": props}


def make_uscc(rng: random.Random, division: str) -> str:
    """A well-formed USCC (valid check digit) registered in `division`."""
    body = "91" + division + "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(7))
    return body + stdnum_uscc.calc_check_digit(body)


def make_address(rng: random.Random, place: Place, *, english: bool) -> str:
    """A street address in `place`, in Han or in English."""
    street_han, street_en = rng.choice(STREETS)
    number = rng.randint(1, 399)
    if english:
        return f"No. {number} {street_en}, {place.address_en}, China"
    return f"{place.address_han}{street_han}{number}号"


def pick_weighted(rng: random.Random, items: tuple[Any, ...], weights: tuple[int, ...]) -> Any:
    """One item drawn with the given relative weights."""
    return rng.choices(items, weights=weights, k=1)[0]


def fullwidth(text: str) -> str:
    """The text with ASCII letters, digits and punctuation as full-width forms, as some CJK input writes them."""
    return "".join(
        "\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text
    )


def transpose_typo(rng: random.Random, word: str) -> str:
    """The word with two different adjacent inner letters swapped: a typical typing slip."""
    spots = [i for i in range(1, len(word) - 2) if word[i] != word[i + 1]]
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
