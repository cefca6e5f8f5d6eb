"""Score source and content spans of the attribution rules (and the optional parser) on PolNeAR, exact and overlap."""

from __future__ import annotations

from pathlib import Path

from labortrace.evidence.attribution import Attribution, attribute
from labortrace.evidence.parsing import parse_attributions, parser_available
from labortrace.evidence.sentences import split_sentences

from bench.evidence.scoring import prf

ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real" / "polnear" / "data"
Span = tuple[int, int]


def _gold(ann: Path) -> tuple[list[Span], list[Span]]:
    """Source and content spans of one annotation file (discontinuous spans: first to last character)."""
    sources, contents = [], []
    for line in ann.read_text("utf-8").splitlines():
        if not line.startswith("T") or "\t" not in line:
            continue  # a span's text can run over several lines: only 'T' lines with a tab carry offsets
        kind_span = line.split("\t")[1]
        kind, rest = kind_span.split(" ", 1)
        numbers = [int(x) for part in rest.split(";") for x in part.split()]
        span = (min(numbers), max(numbers))
        if kind == "Source":
            sources.append(span)
        elif kind == "Content":
            contents.append(span)
    return sources, contents


def _predict(text: str, parser: bool) -> tuple[list[Span], list[Span]]:
    """Rules: one attribution per sentence; parser: every cue the parse shows, and the rules' attribution where
    the parse gives none with a source for that content (it replaces the parse's sourceless ones there).

    A bare quotation that continues the previous speaker extends the previous content rather than starting one.
    """
    sentences = list(split_sentences(text))
    found: list[Attribution] = []
    # PolNeAR's annotators mostly leave an attribution reported inside another's content unannotated
    parsed = dict(((s.start, s.end), a) for s, a in parse_attributions(sentences, nested=False)) if parser else {}
    for sentence in sentences:
        by_parse = parsed.get((sentence.start, sentence.end), [])
        rule = attribute(sentence)
        if rule is not None and rule.continued and not by_parse and found:
            # a bare quotation that goes on after an attribution extends that attribution's content
            last = found[-1]
            found[-1] = Attribution((last.content[0], rule.content[1]), last.source, last.cue, last.pronoun)
            continue
        if rule is not None and not any(_overlaps(rule.content, a.content) for a in by_parse if a.source is not None):
            # the rules also name the speaker the parse missed ('“…,” added a Democrat'): theirs replaces it
            by_parse = [a for a in by_parse if not _overlaps(rule.content, a.content)] + [rule]
        found += by_parse
    # PolNeAR marks a source mention once, however many cues it heads ('X promised … and said …'): one span each
    sources = list(dict.fromkeys(a.source for a in found if a.source is not None))
    return sources, [a.content for a in found]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hits(pred: list[Span], gold: list[Span], exact: bool) -> int:
    used, hits = set(), 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(i)
                hits += 1
                break
    return hits


def evaluate(split: str = "test", parser: bool = False, limit: int | None = None) -> dict[str, tuple[float, float, float]] | None:
    """Return P/R/F1 for sources and contents, exact and overlap; None when the corpus (or the parser) is absent."""
    folder = ROOT / split
    if not folder.is_dir() or (parser and not parser_available()):
        return None
    counts = {key: [0, 0, 0] for key in ("source_exact", "source_overlap", "content_exact", "content_overlap")}
    for text_path in sorted((folder / "text").glob("*.txt"))[:limit]:
        anns = sorted((folder / "attributions").glob(text_path.stem + "*.ann"))
        if not anns:
            continue
        text = text_path.read_text("utf-8")
        gold_s, gold_c = _gold(anns[0])  # one annotator per article: the first file
        pred_s, pred_c = _predict(text, parser)
        for kind, pred, gold in (("source", pred_s, gold_s), ("content", pred_c, gold_c)):
            for mode in ("exact", "overlap"):
                c = counts[f"{kind}_{mode}"]
                c[0] += _hits(pred, gold, mode == "exact")
                c[1] += len(pred)
                c[2] += len(gold)
    return {key: prf(*c) for key, c in counts.items()}
