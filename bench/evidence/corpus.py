"""Build the project's fictional sets: <set>/src/NN.txt (annotated) -> <set>/NN.txt + <set>/NN.json.

Two sets: corpus/ (evaluation: dev 01-06, held-out test 07-31) and training/ (t01-t70, written for training
the stance model only; no sentence is copied from corpus/).

Annotated source format: a header (title, outlet, style, split), '---', then one paragraph a line.
A line '@ speaker | speaker_type | stance | indicators :: sentence' is a labelled claim; other lines are
context. '[[words=value]]' marks a quantity. Run: python -m bench.evidence.corpus
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"
TRAINING = Path(__file__).parent / "training"
_QTY = re.compile(r"\[\[(?P<text>[^=\]]+)=(?P<value>[\d.]+)\]\]")


def _parse(source: str) -> tuple[dict[str, str], list[str]]:
    head, body = source.split("\n---\n", 1)
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    return meta, [line for line in body.strip().splitlines() if line.strip()]


def build_one(path: Path) -> tuple[str, dict[str, Any]]:
    """Return the plain text and the labels of one annotated source file."""
    meta, lines = _parse(path.read_text("utf-8"))
    text = meta["title"] + "\n\n"
    claims: list[dict[str, Any]] = []
    quantities: list[dict[str, Any]] = []
    for line in lines:
        label = None
        if line.startswith("@ "):
            head, line = line[2:].split(" :: ", 1)
            speaker, kind, stance, indicators = (part.strip() for part in head.split("|"))
            label = {"speaker": speaker, "speaker_type": kind, "stance": stance,
                     "indicators": [i for i in indicators.split(",") if i]}
        start = len(text)
        plain, offset = "", start
        last = 0
        for m in _QTY.finditer(line):
            plain += line[last:m.start()]
            q_start = offset + len(plain)
            plain += m.group("text")
            quantities.append({"text": m.group("text"), "start": q_start, "end": q_start + len(m.group("text")),
                               "value": float(m.group("value"))})
            last = m.end()
        plain += line[last:]
        text += plain + "\n\n"
        if label is not None:
            claims.append({"text": plain, "start": start, "end": start + len(plain), **label})
    labels = {"id": path.stem, **meta, "claims": claims, "quantities": quantities}
    return text, labels


def build(folder: Path = CORPUS) -> None:
    """Write <folder>/NN.txt and <folder>/NN.json for every annotated source in <folder>/src."""
    for path in sorted((folder / "src").glob("*.txt")):
        text, labels = build_one(path)
        (folder / f"{path.stem}.txt").write_text(text, "utf-8")
        (folder / f"{path.stem}.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", "utf-8")


def load(folder: Path = CORPUS) -> list[tuple[str, dict[str, Any]]]:
    """Return (text, labels) for every document of a built set."""
    return [((folder / f"{p.stem}.txt").read_text("utf-8"), json.loads(p.read_text("utf-8")))
            for p in sorted(folder.glob("*.json"))]


if __name__ == "__main__":
    build(CORPUS)
    build(TRAINING)
