"""Benchmark region detection on real Chinese company registrations: `python -m bench.regions [--misses N]`.

Data: ../shared/data/real/cn_enterprise_registration_2019_sample (34,215 registrations of 2019 from six
provinces, CC BY-NC-SA 4.0, unverified: read its PROVENANCE.md). The true province is the file's province.
Prints, per method, province accuracy, Xinjiang precision and recall and rows not located; the address method
also gives addresses per CPU-second (one core). Appends (or replaces) '## Region detection' in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from labortrace.names.regions import locate
from labortrace.names.uscc import parse_uscc

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "real" / "cn_enterprise_registration_2019_sample"
RESULTS = ROOT / "bench" / "RESULTS.md"
PROVINCES = {"xinjiang": "650000", "guangdong": "440000", "zhejiang": "330000",
             "jiangsu": "320000", "fujian": "350000", "shandong": "370000"}
XJ = "650000"
Row = dict[str, str]
Miss = tuple[str, str | None, Row]


def load_rows() -> list[tuple[str, Row]]:
    rows: list[tuple[str, Row]] = []
    for key, code in PROVINCES.items():
        with (DATA / f"registrations_2019_{key}.csv").open(encoding="utf-8", newline="") as fh:
            rows.extend((code, r) for r in csv.DictReader(fh))
    return rows


def by_address(row: Row) -> str | None:
    place = locate(row["注册地址"])
    return place.province_code if place else None


def by_uscc(row: Row) -> str | None:
    parsed = parse_uscc(row["统一社会信用代码"])
    return parsed.place.province_code if parsed and parsed.place else None


def by_name(row: Row) -> str | None:
    place = locate(row["企业名称"])
    return place.province_code if place else None


def by_all(row: Row) -> str | None:
    place = locate(row["注册地址"])
    if place:
        return place.province_code
    found = by_uscc(row)
    if found:
        return found
    named = locate(row["企业名称"])
    return named.province_code if named else None


def score(rows: list[tuple[str, Row]], method: Callable[[Row], str | None]) -> tuple[dict[str, float], list[Miss]]:
    start = time.process_time()  # CPU time of this one-threaded process: fair on a machine shared with others
    guesses = [method(r) for _, r in rows]
    seconds = time.process_time() - start
    truth = [t for t, _ in rows]
    pairs = list(zip(truth, guesses))
    tp = sum(t == XJ and g == XJ for t, g in pairs)
    flagged = sum(g == XJ for _, g in pairs)
    stats = {
        "accuracy": sum(t == g for t, g in pairs) / len(pairs),
        "xj_precision": tp / flagged if flagged else 0.0,
        "xj_recall": tp / sum(t == XJ for t in truth),
        "not_located": sum(g is None for g in guesses),
        "wrong": sum(g is not None and g != t for t, g in pairs),
        "per_second": len(rows) / seconds,
    }
    misses = [(t, g, r) for (t, r), g in zip(rows, guesses) if g != t]
    return stats, misses


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def report(results: dict[str, dict[str, float]]) -> str:
    lines = ["| method | province accuracy | Xinjiang precision | Xinjiang recall | not located | wrong | rows per CPU-second |",
             "|---|---|---|---|---|---|---|"]
    for name, s in results.items():
        lines.append(f"| {name} | {s['accuracy']:.4f} | {s['xj_precision']:.4f} | {s['xj_recall']:.4f} | "
                     f"{s['not_located']} | {s['wrong']} | {s['per_second']:,.0f} |")
    return "\n".join(lines)


def write_results(table: str, n: int) -> None:
    section = (f"## Region detection\n\n{datetime.date.today().isoformat()}, `python -m bench.regions`, "
               f"nproc {os.cpu_count()}, {cpu_model()}, Python {platform.python_version()}, one core; rows per CPU-second "
               f"(process time), which still varied by about a quarter between runs on this shared machine.\n"
               f"Data: {n:,} registrations of 2019 (cn_enterprise_registration_2019_sample), province from the "
               f"file; `locate()` on the registered address, `parse_uscc()` on the credit code, and address, "
               f"then code, then company name; the name alone is shown for comparison.\n\n{table}\n")
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    head, sep, rest = text.partition("## Region detection")
    if sep:  # replace our own section only, keep whatever follows it
        after = rest.find("\n## ")
        text = head + section + (rest[after + 1:] if after >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=10, help="how many misses of the address method to print")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the real registration sample is not on this machine)")
        return
    rows = load_rows()
    locate("warm up the gazetteer")
    results: dict[str, dict[str, float]] = {}
    misses: list[Miss] = []
    methods = (("address", by_address), ("USCC", by_uscc), ("name", by_name), ("address, USCC, name", by_all))
    for name, method in methods:
        results[name], m = score(rows, method)
        misses = misses or m
    table = report(results)
    print(f"{len(rows):,} registrations, {sum(t == XJ for t, _ in rows):,} in Xinjiang\n{table}")
    kinds = Counter("not located" if g is None else f"{t}->{g}" for t, g, _ in misses)
    print("address misses:", dict(kinds.most_common(12)))
    for t, g, r in misses[: args.misses]:
        print(f"  {t} -> {g}: {r['注册地址']!r}")
    write_results(table, len(rows))
    print(f"wrote '## Region detection' to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
