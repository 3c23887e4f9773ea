"""Events: who did what to whom, with PLOVER/CAMEO/ACLED codes, modality, place and date.

:class:`EventStep` is the step; its parts are triggers, arguments, actors, modality, codes and the
trigger lexicon.
"""

from .step import EventStep

__all__ = ["EventStep"]
