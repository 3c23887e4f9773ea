"""Extraction steps, one room per fact type: entities, quotes, events, plus dates and places."""
