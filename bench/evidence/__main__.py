"""Print the evidence figures and append them to bench/RESULTS.md: python -m bench.evidence [--no-write]
[--polnear-split dev|train|test] (PolNeAR on dev or train prints only)."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from pathlib import Path
from typing import Any

from bench.evidence import polnear, project

RESULTS = Path(__file__).resolve().parents[1] / "RESULTS.md"


def _f(t: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.3f}" for x in t)


def _project_rows(figures: dict[str, dict[str, Any]]) -> list[str]:
    rows = ["| split | docs | gold claims (alleges/denies/neutral) | claims P/R/F1 | stance macro-F1 | stance acc | "
            "speaker acc | speaker type acc | quantities P/R/F1 | indicators P/R/F1 |", "|" + "---|" * 10]
    for split, f in figures.items():
        s = f["gold_by_stance"]
        rows.append(f"| {split} | {f['docs']} | {f['gold_claims']} ({s.get('alleges', 0)}/{s.get('denies', 0)}/"
                    f"{s.get('neutral', 0)}) | {_f(f['claims'])} | {f['stance_macro_f1']:.3f} | "
                    f"{f['stance_accuracy']:.3f} | {f['speaker_accuracy']:.3f} | {f['speaker_type_accuracy']:.3f} | "
                    f"{_f(f['quantities'])} | {_f(f['indicators'])} |")
    return rows


def main() -> None:
    split = _option("--polnear-split", "test")
    if split not in ("dev", "train", "test"):
        sys.exit(f"--polnear-split must be dev, train or test, not {split!r}")
    figures = {"dev": project.evaluate("dev"), "test": project.evaluate("test"),
               "test 07-27": project.evaluate("test", range(7, 28)), "test 28-31": project.evaluate("test", range(28, 32))}
    speed = project.throughput()
    parsed_speed = project.throughput(parser=True)
    load = os.getloadavg()[0]
    pol = {"rules (default pipeline)": polnear.evaluate(split),
           "parser (optional; parses the sentences with a cue word) + rules": polnear.evaluate(split, parser=True)}
    lines = [
        "",
        f"### Evidence extraction, {datetime.date.today().isoformat()}",
        "",
        f"`python -m bench.evidence`, nproc {os.cpu_count()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, one process, load average {load:.1f}. Default pipeline: rules for "
        "attribution and speakers, stance by the trained model (src/labortrace/evidence/data/stance_model.json, "
        f"`python -m bench.evidence.train`: training set {_training_names()} + dev 01-06, so dev figures are not held "
        "out).",
        "",
        "Project set (bench/evidence/corpus: fictional articles; dev = docs 01-06 used for development, "
        "test = 07-31 held out from training; the aggregate figures of 07-27 were looked at during development, "
        "28-31 were written and committed before anything was run on them):",
        "",
        *_project_rows(figures),
        "",
        "Stance per class on test (P / R / F1): " + "; ".join(
            f"{label} {_f(prf)}" for label, prf in figures["test"]["stance_by_class"].items()) + ".",
        "",
        f"Speed: {speed:.0f} docs/s on one core (analyse_text on already-read text, process CPU time, best of 5 "
        "passes); "
        + (f"with the optional spaCy parse of the sentences its fast pass selects as well: {parsed_speed:.0f} docs/s."
           if parsed_speed
           else "spaCy model absent: parser speed not measured."),
        "",
    ]
    lines += [f"PolNeAR {split} split (first annotator's file per article; discontinuous spans taken first-to-last "
              "character; a source mention heading several cues counted once, as annotated; train/dev used for "
              "development):", "",
              "| method | source exact | source overlap | content exact | content overlap |", "|---|---|---|---|---|"]
    for method, scores in pol.items():
        if scores is None:
            lines.append(f"| {method} | skipped: corpus (../shared/data/real/polnear) or spaCy model absent | | | |")
        else:
            lines.append(f"| {method} | " + " | ".join(_f(scores[k]) for k in
                         ("source_exact", "source_overlap", "content_exact", "content_overlap")) + " |")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if "--no-write" not in sys.argv and split == "test":  # dev figures are for development, not for RESULTS.md
        RESULTS.write_text(_insert(RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n", text),
                           "utf-8")


def _option(name: str, default: str) -> str:
    """The value after `name` on the command line ('--polnear-split dev'), else `default`."""
    args = sys.argv[1:]
    if name in args and args.index(name) + 1 < len(args):
        return args[args.index(name) + 1]
    return default


def _training_names() -> str:
    names = sorted(p.stem for p in (Path(__file__).parent / "training").glob("t*.json"))
    return f"{names[0]}-{names[-1]}" if names else "(none)"


def _insert(existing: str, text: str) -> str:
    """Append `text` at the end of the '## Evidence extraction' section, leaving other sections alone."""
    heading = "## Evidence extraction"
    if heading not in existing:
        return existing.rstrip("\n") + f"\n\n{heading}\n" + text + "\n"
    start = existing.index(heading) + len(heading)
    following = existing.find("\n## ", start)
    end = len(existing) if following < 0 else following + 1
    return existing[:end].rstrip("\n") + "\n" + text + "\n\n" + existing[end:].lstrip("\n")

if __name__ == "__main__":
    main()
