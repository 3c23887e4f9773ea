"""The column layouts of every export: name → kind (string, int64, float64), in file order.

The GDELT and ACLED layouts follow the anchors' published codebooks column for column, so scripts
written against GDELT 2.0 or ACLED files run on ours unchanged:

- GDELT 2.0 Event Database Data Format Codebook V2.0 (event table, 61 columns; the date column is
  named ``SQLDATE`` as in GDELT's BigQuery tables) and GDELT 2.0 Event Mentions table (16 columns).
- ACLED Codebook 2023 (current export: 31 columns from ``event_id_cnty`` to ``timestamp``).

dateline's own columns follow the anchors' where a layout has room for them (ACLED).
"""

from __future__ import annotations

from .cells import F, N, S


def _actor_block(n: int) -> dict[str, str]:
    names = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
    return {f"Actor{n}{name}": S for name in names}


def _geo_block(prefix: str) -> dict[str, str]:
    return {f"{prefix}_Type": N, f"{prefix}_FullName": S, f"{prefix}_CountryCode": S,
            f"{prefix}_ADM1Code": S, f"{prefix}_ADM2Code": S, f"{prefix}_Lat": F, f"{prefix}_Long": F,
            f"{prefix}_FeatureID": S}


GDELT_EVENTS: dict[str, str] = {
    "GLOBALEVENTID": N, "SQLDATE": N, "MonthYear": N, "Year": N, "FractionDate": F,
    **_actor_block(1), **_actor_block(2),
    "IsRootEvent": N, "EventCode": S, "EventBaseCode": S, "EventRootCode": S, "QuadClass": N,
    "GoldsteinScale": F, "NumMentions": N, "NumSources": N, "NumArticles": N, "AvgTone": F,
    **_geo_block("Actor1Geo"), **_geo_block("Actor2Geo"), **_geo_block("ActionGeo"),
    "DATEADDED": N, "SOURCEURL": S,
}

GDELT_MENTIONS: dict[str, str] = {
    "GLOBALEVENTID": N, "EventTimeDate": N, "MentionTimeDate": N, "MentionType": N,
    "MentionSourceName": S, "MentionIdentifier": S, "SentenceID": N, "Actor1CharOffset": N,
    "Actor2CharOffset": N, "ActionCharOffset": N, "InRawText": N, "Confidence": N,
    "MentionDocLen": N, "MentionDocTone": F, "MentionDocTranslationInfo": S, "Extras": S,
}

ACLED_EVENTS: dict[str, str] = {
    "event_id_cnty": S, "event_date": S, "year": N, "time_precision": N, "disorder_type": S,
    "event_type": S, "sub_event_type": S, "actor1": S, "assoc_actor_1": S, "inter1": N,
    "actor2": S, "assoc_actor_2": S, "inter2": N, "interaction": N, "civilian_targeting": S,
    "iso": N, "region": S, "country": S, "admin1": S, "admin2": S, "admin3": S, "location": S,
    "latitude": F, "longitude": F, "geo_precision": N, "source": S, "source_scale": S, "notes": S,
    "fatalities": N, "tags": S, "timestamp": N,
    # dateline's own, after ACLED's
    "modality": S, "confidence": F, "article_id": S,
}

DATELINE_EVENTS: dict[str, str] = {
    "article_id": S, "url": S, "outlet": S, "published": S, "sentence": S, "sentence_start": N,
    "sentence_end": N, "trigger": S, "trigger_start": N, "trigger_end": N, "action": S,
    "category": S, "mode": S, "reported_category": S, "cameo": S, "cameo_root": S,
    "quad_class": N, "goldstein": F, "acled_event_type": S, "acled_sub_event_type": S,
    "modality": S, "actors": S, "actor_countries": S, "actor_groups": S, "actor_sectors": S,
    "targets": S, "target_countries": S, "target_groups": S, "target_sectors": S,
    "attributed_to": S, "attributed_country": S, "instrument": S, "casualties": S,
    "fatalities": N, "place": S, "place_country": S, "latitude": F, "longitude": F,
    "geo_precision": N, "place_kind": S, "admin1": S, "admin2": S, "date": S, "date_precision": S, "date_raw": S,
    "date_source": S, "source_quote": N, "confidence": F, "primary": N,
}

DATELINE_QUOTES: dict[str, str] = {
    "article_id": S, "position": N, "type": S, "content": S, "start": N, "end": N, "cue": S,
    "cue_text": S, "cue_start": N, "cue_end": N, "speaker": S, "speaker_mention": S,
    "speaker_start": N, "speaker_end": N, "speaker_entity_id": S, "speaker_kind": S,
    "anonymity_reason": S, "relay": S, "confidence": F, "url": S, "outlet": S, "published": S,
}

DATELINE_ENTITIES: dict[str, str] = {
    "id": S, "name": S, "type": S, "country": S, "aliases": S, "roles": S, "mentions": N, "articles": N,
}

DATELINE_ARTICLES: dict[str, str] = {
    "id": S, "title": S, "outlet": S, "published": S, "url": S, "byline": S, "format": S,
    "source": S, "copies": N, "near_duplicate_of": S, "captions": S, "credits": S, "length": N, "text": S,
}
