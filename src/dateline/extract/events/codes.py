"""How an event reads in CAMEO terms: intents, threats and refusals for actions not (yet) done.

``Event.category`` is the PLOVER type of the action itself. A planned or hypothetical action is
reported as an intent to cooperate (CAMEO 03) or a threat (13); a negated intention ("will not
accept") as a refusal (12); a conditional one ("will withdraw unless ...") as a threat.
:func:`reported_category` gives the PLOVER category of that reading, the one a CAMEO-derived
coder (and the PLOVER gold records) assign.
"""

from __future__ import annotations

from ...model import Event
from .lexicon import lexicon

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: CAMEO codes for an intended (03), threatened (13) or refused (12) action, by PLOVER category.
INTENT = {"AGREE": "030", "CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033",
          "CONCEDE": "035", "RETREAT": "035"}
THREAT = {"SANCTION": "132", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133",
          "REJECT": "131", "ACCUSE": "130", "REQUEST": "130"}
#: Categories whose negation is a refusal in any tense: "has not accepted", "did not agree".
WILLING = frozenset({"AGREE", "SUPPORT", "CONCEDE"})
REFUSAL = {"AGREE": "120", "CONSULT": "125", "SUPPORT": "120", "COOPERATE": "121", "AID": "122",
           "CONCEDE": "124", "RETREAT": "124"}


def cameo_reading(
    category: str, modality: str, cameo: str | None, refusal: bool = False, unless: bool = False
) -> str | None:
    """The CAMEO code of what the text reports: an intent, threat or refusal for unrealised actions.

    ``refusal`` marks a negated intention ("will not accept", "would not meet"), not a denial of
    something past ("did not discuss"); a negated agreement, endorsement or concession ("has not
    accepted") is a refusal in any tense; ``unless`` a conditional one ("will withdraw unless ..."),
    which is a threat whatever the action.
    """
    if modality in ("planned", "hypothetical") and unless:
        return THREAT.get(category, "130")
    if modality in ("planned", "hypothetical"):
        if category in INTENT:
            return INTENT[category]
        return THREAT.get(category, cameo)
    if modality == "negated" and (refusal or category in WILLING) and category in REFUSAL:
        return REFUSAL[category]
    return cameo


def reported_category(event: Event) -> str:
    """PLOVER category of the CAMEO reading (AGREE for a planned visit, THREATEN for a planned ban)."""
    if event.modality in ("planned", "hypothetical", "negated") and event.cameo:
        code = lexicon().code(event.cameo[:2])
        if code is not None and code.plover and event.cameo[:2] in ("03", "12", "13"):
            return code.plover
    return event.category
