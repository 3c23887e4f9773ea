"""Geography: countries and their names, the gazetteer of places, facilities, organisations' home countries."""
