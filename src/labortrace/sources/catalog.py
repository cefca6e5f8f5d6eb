"""Reference datasets labortrace knows by name, their kind, and who published them.

Names are OpenSanctions dataset names, checked against the opensanctions/opensanctions repository
(datasets/us/dhs_uflpa/us_dhs_uflpa.yml, datasets/us/cbp_forced_labor/us_cbp_forced_labor.yaml,
datasets/_collections/sanctions.yml and special_interest.yml).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class KnownDataset:
    """A dataset `labortrace data pull NAME` knows: its kind, title and original publisher."""

    name: str
    kind: str
    title: str
    publisher: str
    publisher_url: str
    notes: str = ""


def _known(*datasets: KnownDataset) -> dict[str, KnownDataset]:
    return {d.name: d for d in datasets}


KNOWN_DATASETS: dict[str, KnownDataset] = _known(
    KnownDataset(
        "us_dhs_uflpa", "forced_labour_list",
        "US Uyghur Forced Labor Prevention Act (UFLPA) Entity List",
        "U.S. Department of Homeland Security, Forced Labor Enforcement Task Force",
        "https://www.dhs.gov/uflpa-entity-list",
    ),
    KnownDataset(
        "us_cbp_forced_labor", "forced_labour_list",
        "US CBP Withhold Release Orders and Findings",
        "U.S. Customs and Border Protection", "https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings",
    ),
    KnownDataset(
        "c4ads_xinjiang", "research", "C4ADS: companies linked to the XPCC (Xinjiang)",
        "C4ADS (Center for Advanced Defense Studies)", "https://c4ads.org/",
        "name verified (OpenSanctions special-interest collection); title ours",
    ),
    KnownDataset(
        "shu_uyghur_companies", "research", "Companies operating in the Uyghur region (Sheffield Hallam)",
        "Sheffield Hallam University, Helena Kennedy Centre for International Justice",
        "https://www.shu.ac.uk/helena-kennedy-centre-international-justice",
        "name verified (OpenSanctions special-interest collection); title ours",
    ),
    KnownDataset(
        "us_ofac_sdn", "sanctions", "US OFAC Specially Designated Nationals (SDN) List",
        "U.S. Treasury, Office of Foreign Assets Control", "https://ofac.treasury.gov/",
    ),
    KnownDataset(
        "eu_fsf", "sanctions", "EU Financial Sanctions Files (FSF)",
        "European Commission", "https://data.europa.eu/",
    ),
    KnownDataset(
        "gb_hmt_sanctions", "sanctions", "UK HMT/OFSI Consolidated List of Targets",
        "Office of Financial Sanctions Implementation (HM Treasury)",
        "https://www.gov.uk/government/organisations/office-of-financial-sanctions-implementation",
        "no longer in OpenSanctions' sanctions collection; gb_fcdo_sanctions is the current UK list",
    ),
    KnownDataset(
        "gb_fcdo_sanctions", "sanctions", "UK FCDO Sanctions List",
        "Foreign, Commonwealth & Development Office", "https://www.gov.uk/government/publications/the-uk-sanctions-list",
    ),
    KnownDataset(
        "un_sc_sanctions", "sanctions", "UN Security Council Consolidated Sanctions List",
        "United Nations Security Council", "https://www.un.org/securitycouncil/content/un-sc-consolidated-list",
    ),
    KnownDataset(
        "ch_seco_sanctions", "sanctions", "Swiss SECO Sanctions/Embargoes",
        "State Secretariat for Economic Affairs (SECO)", "https://www.seco.admin.ch/",
    ),
    KnownDataset(
        "sanctions", "sanctions", "Consolidated Sanctions (OpenSanctions collection)",
        "OpenSanctions", "https://www.opensanctions.org/datasets/sanctions/",
        "a collection: includes us_dhs_uflpa and us_cbp_forced_labor among ~90 sources",
    ),
    KnownDataset(
        "default", "sanctions", "OpenSanctions Default (all screening-relevant data)",
        "OpenSanctions", "https://www.opensanctions.org/datasets/default/",
        "a collection: sanctions, PEPs, crime and more; large (GBs)",
    ),
)

#: OpenSanctions topics that tell a kind, for datasets not listed above.
_TOPIC_KINDS = (("sanction", "sanctions"), ("sanction.linked", "sanctions"), ("forced.labor", "research"))


def kind_for(name: str, topics: Iterable[str] = ()) -> str | None:
    """The kind of a dataset: the explicit catalogue first, then its OpenSanctions topics.

    OpenSanctions tags the UFLPA and CBP lists with the topic 'sanction', so topics alone would
    call them sanctions lists; the catalogue says forced_labour_list.
    """
    known = KNOWN_DATASETS.get(name)
    if known is not None:
        return known.kind
    topics = set(topics)
    for topic, kind in _TOPIC_KINDS:
        if topic in topics:
            return kind
    return None
