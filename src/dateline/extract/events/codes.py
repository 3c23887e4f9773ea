"""How an event reads in CAMEO terms: intents, threats and refusals for actions not (yet) done.

``Event.category`` is the PLOVER type of the action itself. A planned or hypothetical action is
reported as an intent to cooperate (CAMEO 03) or a threat (13); a negated intention ("will not
accept") as a refusal (12); a conditional one ("will withdraw unless ...") as a threat. Which code
stands for which reading of which category is the ``reading_of`` column of ``data/events/cameo.tsv``.
:func:`reported_category` gives the PLOVER category of that reading, the one a CAMEO-derived
coder (and the PLOVER gold records) assign.
"""

from __future__ import annotations

from ...model import Event
from .lexicon import TriggerLexicon, lexicon

#: Categories whose negation is a refusal in any tense: "has not accepted", "did not agree".
WILLING = frozenset({"AGREE", "SUPPORT", "CONCEDE"})


def threat_code(category: str, lex: TriggerLexicon | None = None) -> str:
    """The CAMEO code of a threat to do an action of ``category`` (130, a plain threat, by default)."""
    return (lex or lexicon()).readings.get(("threat", category), "130")


def cameo_reading(
    category: str, modality: str, cameo: str | None, refusal: bool = False, unless: bool = False,
    lex: TriggerLexicon | None = None,
) -> str | None:
    """The CAMEO code of what the text reports: an intent, threat or refusal for unrealised actions.

    ``refusal`` marks a negated intention ("will not accept", "would not meet"), not a denial of
    something past ("did not discuss"); a negated agreement, endorsement or concession ("has not
    accepted") is a refusal in any tense; ``unless`` a conditional one ("will withdraw unless ..."),
    which is a threat whatever the action.
    """
    readings = (lex or lexicon()).readings
    if modality in ("planned", "hypothetical") and unless:
        return readings.get(("threat", category), "130")
    if modality in ("planned", "hypothetical"):
        return readings.get(("intent", category)) or readings.get(("threat", category), cameo)
    if modality == "negated" and (refusal or category in WILLING):
        return readings.get(("refusal", category), cameo)
    return cameo


def reported_category(event: Event) -> str:
    """PLOVER category of the CAMEO reading (AGREE for a planned visit, THREATEN for a planned ban)."""
    if event.modality in ("planned", "hypothetical", "negated") and event.cameo:
        code = lexicon().code(event.cameo[:2])
        if code is not None and code.plover and event.cameo[:2] in ("03", "12", "13"):
            return code.plover
    return event.category
