"""The fast paths of name analysis agree with the slow ones they replace (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rigour.text.scripts import text_scripts

from labortrace.names.lexicon import lexicon
from labortrace.names.normalize import detect_scripts
from labortrace.names.pinyin import PIECE_MAX, read_pinyin, syllables


def _read_pinyin_plain(
    spelling: str, words: dict[str, tuple[str, ...]], bounds: frozenset[int]
) -> tuple[str, ...] | None:
    """read_pinyin as it was before pieces were pruned by their prefixes: every piece up to PIECE_MAX letters."""
    known, n = syllables(), len(spelling)
    best: list[tuple[int, int, int] | None] = [None] * n + [(0, 0, 0)]
    step: list[tuple[int, tuple[str, ...]]] = [(n, ())] * (n + 1)
    for i in range(n - 1, -1, -1):
        penalty = int(i > 0 and spelling[i] in "aeo")
        for j in range(min(n, i + PIECE_MAX), i, -1):
            after = best[j]
            piece = spelling[i:j]
            word = words.get(piece)
            if word is not None and bounds and any(i < b < j for b in bounds) and not (
                (i == 0 or i in bounds) and (j == n or j in bounds)
            ):
                word = None
            tokens = word or ((known[piece],) if piece in known else None)
            if after is None or tokens is None:
                continue
            ends_plain = after[2] if j < n else int(word is None)
            cost = (after[0] + 1, after[1] + penalty, ends_plain)
            if best[i] is None or cost < best[i]:  # type: ignore[operator]
                best[i], step[i] = cost, (j, tokens)
    if best[0] is None:
        return None
    out: list[str] = []
    i = 0
    while i < n:
        i, tokens = step[i]
        out.extend(tokens)
    return tuple(out)


_PIECES = sorted(syllables()) + sorted(lexicon().pinyin)[:400] + ["x", "q", "zz", "v", "ng", "r"]
_SPELLINGS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(_SPELLINGS, st.booleans())
def test_pruned_read_pinyin_reads_as_the_plain_one(pieces: list[str], use_lexicon: bool) -> None:
    spelling = "".join(pieces)
    bounds = frozenset(len("".join(pieces[:k])) for k in range(1, len(pieces)))
    words = lexicon().pinyin if use_lexicon else {}
    assert read_pinyin(spelling, words, bounds) == _read_pinyin_plain(spelling, words, bounds)
    assert read_pinyin(spelling, words) == _read_pinyin_plain(spelling, words, frozenset())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_scripts_are_rigours(text: str) -> None:
    assert detect_scripts(text) == frozenset(s.lower() for s in text_scripts(text))


def test_every_ascii_character_has_rigours_script() -> None:
    for code in range(128):
        ch = chr(code)
        assert detect_scripts(ch) == frozenset(s.lower() for s in text_scripts(ch)), repr(ch)
