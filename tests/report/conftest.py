"""Results documents for the report tests: a realistic fictional sample and one full of hostile text."""

from __future__ import annotations

from typing import Any

import pytest

DATASETS = [
    {"name": "us_uflpa_entity_list", "kind": "forced_labour_list", "version": "2025-06-10"},
    {"name": "us_cbp_wro", "kind": "forced_labour_list", "version": "2025-05-30"},
    {"name": "opensanctions_sanctions", "kind": "sanctions", "version": "20250612"},
    {"name": "sheffield_hallam_research", "kind": "research", "version": "2024-12"},
]

# Fictional suppliers: (name, country, city, level, match caption or None, score).
SUPPLIERS: list[tuple[str, str, str, str, str | None, float]] = [
    ("北岭晨光棉纺有限公司", "CN", "阿克苏", "high", "北岭晨光棉纺有限公司", 0.97),
    ("Harbourline Apparel Ltd", "BD", "Dhaka", "none", None, 0.0),
    ("Westbrook Polysilicon Materials Co., Ltd.", "CN", "Shihezi", "high", "Westbrook Polysilicon Materials Co., Ltd.", 0.94),
    ("云杉纺织品贸易有限公司", "CN", "绍兴", "none", None, 0.0),
    ("Lumen Yarn Trading GmbH", "DE", "Hamburg", "none", None, 0.0),
    ("Redcliff Tomato Products Co.", "CN", "Changji", "elevated", "Redcliff Tomato Processing Group", 0.83),
    ("金穗电子元件厂", "CN", "东莞", "none", None, 0.0),
    ("Meridian Solar Glass Co., Ltd.", "VN", "Bac Ninh", "review", "Meridian Solar Holdings", 0.71),
    ("Saffron Loom Exports Pvt Ltd", "IN", "Tiruppur", "none", None, 0.0),
    ("天河棉业集团股份有限公司", "CN", "库尔勒", "elevated", "天河棉业集团", 0.86),
    ("Oakridge Footwear Components", "ID", "Surabaya", "none", None, 0.0),
    ("Bluewater Seafood Processing Co.", "TH", "Samut Sakhon", "review", "Blue Water Seafood Processing Company", 0.74),
    ("青石纺织机械有限公司", "CN", "常州", "none", None, 0.0),
    ("Northwind Garment Factory", "KH", "Phnom Penh", "none", None, 0.0),
    ("Corvale Aluminium Extrusions Ltd", "CN", "Urumqi", "high", "Corvale Aluminium Extrusions Ltd", 0.92),
    ("远航物流（深圳）有限公司", "CN", "深圳", "none", None, 0.0),
    ("Fernhill Cotton Traders", "PK", "Faisalabad", "none", None, 0.0),
    ("Sunmere Hair Products Co.", "CN", "Xuchang", "review", "Sunmere Hair Accessories", 0.72),
    ("华澜服饰有限公司", "CN", "宁波", "none", None, 0.0),
    ("Kestrel Fabrics S.A.", "PT", "Porto", "none", None, 0.0),
    ("Goldleaf PVC Chemical Co., Ltd.", "CN", "Korla", "elevated", "Goldleaf Chemical Industry Group", 0.81),
    ("Ivory Thread Mills", "TR", "Denizli", "none", None, 0.0),
    ("明泰电池材料有限公司", "CN", "宜宾", "none", None, 0.0),
    ("Pinecrest Packaging Ltd", "MY", "Penang", "none", None, 0.0),
    ("Stonebridge Denim Co.", "MX", "Torreón", "none", None, 0.0),
    ("丝路宏远农产品有限公司", "CN", "喀什", "high", "丝路宏远农业发展有限公司", 0.9),
    ("Amberfield Gloves Sdn Bhd", "MY", "Klang", "review", "Amberfield Glove Manufacturing Sdn Bhd", 0.76),
    ("Larkspur Knitwear", "VN", "Ho Chi Minh City", "none", None, 0.0),
    ("东海精密五金制品厂", "CN", "温州", "none", None, 0.0),
    ("Tidewell Shrimp Farms Ltd", "IN", "Nellore", "none", None, 0.0),
    ("Copperleaf Electronics Ltd", "CN", "Shenzhen", "none", None, 0.0),
    ("白杨河棉纺织厂", "CN", "石河子", "elevated", "白杨河纺织有限责任公司", 0.84),
    ("Marlowe Leather Goods", "IT", "Florence", "none", None, 0.0),
    ("Quarry Hill Stone Co.", "CN", "Hami", "review", "Quarry Hill Mining Group", 0.7),
    ("Silverline Toy Manufacturing", "CN", "Shantou", "none", None, 0.0),
    ("雪莲食品加工有限公司", "CN", "伊宁", "review", "雪莲食品集团", 0.73),
    ("Hollybrook Sportswear Ltd", "LK", "Colombo", "none", None, 0.0),
    ("Driftwood Home Textiles", "CN", "Nantong", "none", None, 0.0),
    ("Emberline Steel Wire Co.", "CN", "Tangshan", "none", None, 0.0),
    ("Palisade Workwear GmbH", "AT", "Graz", "none", None, 0.0),
]

REASONS = {
    "high": "Named on the UFLPA Entity List (us_uflpa_entity_list 2025-06-10) with a name match of {score:.2f}.",
    "elevated": "Likely the same company as a group on a sanctions list (opensanctions_sanctions 20250612).",
    "review": "Similar name to an entity in research data (sheffield_hallam_research 2024-12); check the address.",
}


def _match(name: str, caption: str, score: float, level: str, index: int) -> dict[str, Any]:
    datasets = {
        "high": ["us_uflpa_entity_list", "opensanctions_sanctions"],
        "elevated": ["opensanctions_sanctions"],
        "review": ["sheffield_hallam_research"],
    }[level]
    explanation = f"Names agree on {round(score * 100)}% of tokens after normalisation ('{name}' vs '{caption}')."
    return {
        "entity_id": f"lt-demo-{index:04d}",
        "caption": caption,
        "score": score,
        "datasets": datasets,
        "explanation": explanation,
    }


def _result(index: int, supplier: tuple[str, str, str, str, str | None, float]) -> dict[str, Any]:
    name, country, city, level, caption, score = supplier
    matches = []
    reasons: list[str] = []
    if caption is not None:
        matches.append(_match(name, caption, score, level, index))
        reasons.append(REASONS[level].format(score=score))
        if level == "high":
            matches.append(_match(name, caption + " (branch)", round(score - 0.12, 2), "review", index + 500))
            reasons.append("The supplier's city lies in a region named in CBP withhold release orders (us_cbp_wro 2025-05-30).")
    return {
        "row": index,
        "input": {"Supplier Name": name, "Country": country, "City": city, "Supplier ID": f"S-{1000 + index}"},
        "risk": {"level": level, "reasons": reasons},
        "matches": matches,
    }


def make_sample_doc() -> dict[str, Any]:
    """Build a fictional 40-row results document with Han and English names and every level."""
    return {
        "run": {
            "id": "run-2025-06-14-0001",
            "started_at": "2025-06-14T09:30:00+00:00",
            "datasets": DATASETS,
            "threshold": 0.7,
            "review_threshold": 0.6,
            "input_file": "suppliers_q2.xlsx",
            "encoding": "utf-8",
            "mapping": {"name": "Supplier Name", "country": "Country", "city": "City"},
            "fictional": True,
            "labortrace_version": "0.1.0",
            "algorithm": "name-tokens-v1",
        },
        "results": [_result(i, s) for i, s in enumerate(SUPPLIERS, start=1)],
    }


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "</script><script>alert(2)</script>",
    "<a href=\"https://evil.example/\">click</a>",
    "<style>@import url(https://evil.example/x.css);</style>",
    "x" * 5000,
]


def make_hostile_doc() -> dict[str, Any]:
    """Build a results document whose every text field carries markup, templates or huge strings."""
    results = []
    for row, text in enumerate(HOSTILE, start=1):
        results.append(
            {
                "row": row,
                "input": {"name": text, "note": "=HYPERLINK(\"https://evil.example\")", text[:40]: text},
                "risk": {"level": "high", "reasons": [text, "供应商 " + text]},
                "matches": [
                    {"entity_id": text, "caption": text, "score": 0.9, "datasets": [text], "explanation": text}
                ],
            }
        )
    run = {"id": HOSTILE[0], "started_at": HOSTILE[1], "datasets": [{"name": HOSTILE[3], "kind": HOSTILE[4], "version": HOSTILE[2]}],
           "threshold": 0.7, "input_file": HOSTILE[5], "algorithm": HOSTILE[1]}
    return {"run": run, "results": results}


@pytest.fixture
def sample_doc() -> dict[str, Any]:
    return make_sample_doc()


@pytest.fixture
def hostile_doc() -> dict[str, Any]:
    return make_hostile_doc()
