"""Print the evidence figures and append them to bench/RESULTS.md: python -m bench.evidence."""

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
    figures = {split: project.evaluate(split) for split in ("dev", "test")}
    speed = project.throughput()
    pol = polnear.evaluate("test")
    lines = [
        "",
        f"### Evidence extraction, {datetime.date.today().isoformat()}",
        "",
        f"`python -m bench.evidence`, nproc {os.cpu_count()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, one process. Rules only (no parser, no trained model).",
        "",
        "Project set (bench/evidence/corpus: fictional articles; dev = docs 01-06 used for development, "
        "test = 07-27 held out):",
        "",
        *_project_rows(figures),
        "",
        f"Speed: {speed:.0f} docs/s on one core (analyse_text on already-read text).",
        "",
    ]
    if pol is None:
        lines.append("PolNeAR: corpus absent (../shared/data/real/polnear), skipped.")
    else:
        lines += ["PolNeAR test split (first annotator's file per article; discontinuous spans taken first-to-last "
                  "character), one attribution per sentence:", "",
                  "| span | P / R / F1 |", "|---|---|",
                  *[f"| {key.replace('_', ' ')} | {_f(value)} |" for key, value in pol.items()], ""]
    text = "\n".join(lines)
    print(text)
    if "--no-write" not in sys.argv:
        existing = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
        if "## Evidence extraction" not in existing:
            existing = existing.rstrip("\n") + "\n\n## Evidence extraction\n"
        RESULTS.write_text(existing.rstrip("\n") + "\n" + text, "utf-8")


if __name__ == "__main__":
    main()
