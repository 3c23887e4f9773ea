"""The versioned schema. Each migration is applied once, in order, in one transaction.

Table and column names are plain so the file reads naturally in Datasette.
"""

from __future__ import annotations

import sqlite3


def _entity_linking_columns() -> str:
    """Migration: why a name was left unlinked, how sure a corpus merge is, and people's attributes."""
    return """
    ALTER TABLE mentions ADD COLUMN unlinked TEXT;
    ALTER TABLE merges ADD COLUMN confidence REAL;
    ALTER TABLE merges ADD COLUMN evidence TEXT;
    ALTER TABLE entities ADD COLUMN affiliation TEXT;
    ALTER TABLE entities ADD COLUMN nationality TEXT;
    """


def event_entities() -> str:
    """Migration: event actors and targets point at entities through a table with foreign keys, so
    that relinking and corrections move an entity's events with its mentions and quotes. Rows are
    filled from the ids the events' data held, where the entity still exists."""
    links = "\n".join(
        f"""
    INSERT OR IGNORE INTO event_entities (event_id, role, position, entity_id, text)
    SELECT e.id, '{role}', CAST(j.key AS INTEGER), json_extract(j.value, '$.entity_id'),
           json_extract(j.value, '$.text')
    FROM events e, json_each(e.data, '$.{side}') j
    WHERE json_extract(j.value, '$.entity_id') IN (SELECT id FROM entities);"""
        for role, side in (("actor", "actors"), ("target", "targets"))
    )
    return """
    CREATE TABLE event_entities (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'target')),
        position INTEGER NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        text TEXT,
        PRIMARY KEY (event_id, role, position)
    );
    CREATE INDEX event_entities_entity ON event_entities(entity_id, event_id);
    """ + links


def stories_happenings_contradictions() -> str:
    """Corpus tables: stories and their articles, happenings (events of one happening, linked from
    ``events.happening_id``), contradictions between attributed claims, and entity corrections."""
    return """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        representative TEXT REFERENCES articles(id),
        first_seen TEXT,
        last_seen TEXT,
        articles INTEGER NOT NULL DEFAULT 0,
        outlets TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]',
        places TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        score REAL,
        PRIMARY KEY (article_id)
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE happenings (
        id TEXT PRIMARY KEY,
        story_id TEXT REFERENCES stories(id),
        category TEXT,
        date TEXT,
        date_precision TEXT,
        place TEXT,
        mentions INTEGER NOT NULL DEFAULT 0,
        sources INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0
    );
    ALTER TABLE events ADD COLUMN happening_id TEXT;
    CREATE INDEX events_happening ON events(happening_id);
    CREATE TABLE contradictions (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id),
        relation TEXT NOT NULL,           -- denies | disputes | conflicting_figures
        confidence REAL NOT NULL,
        evidence TEXT,
        claim_quote_id INTEGER NOT NULL REFERENCES quotes(id),
        counter_quote_id INTEGER NOT NULL REFERENCES quotes(id)
    );
    CREATE INDEX contradictions_story ON contradictions(story_id);
    CREATE TABLE entity_corrections (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,             -- merge | split
        entity_a TEXT NOT NULL,
        entity_b TEXT,
        who TEXT,
        at TEXT NOT NULL,
        why TEXT,
        detail TEXT,                      -- what a merge moved, so that it can be undone
        undone_at TEXT
    );
    """


MIGRATIONS: list[str] = [
    # 1: articles, sources, drops, entities, mentions, quotes, events, full-text search
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT,
        size INTEGER,
        format TEXT,
        status TEXT NOT NULL DEFAULT 'reading',   -- reading | done
        articles INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        drops INTEGER NOT NULL DEFAULT 0,
        started_at TEXT,
        finished_at TEXT,
        UNIQUE (path, sha256)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id),
        position INTEGER,
        format TEXT,
        outlet TEXT,
        url TEXT,
        title TEXT,
        byline TEXT,
        published TEXT,
        published_raw TEXT,
        language TEXT,
        text TEXT NOT NULL,
        near_duplicate_of TEXT,
        signature BLOB,
        meta TEXT,
        ingested_at TEXT
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_near ON articles(near_duplicate_of);
    CREATE TABLE copies (
        article_id TEXT NOT NULL REFERENCES articles(id),
        source_id INTEGER REFERENCES sources(id),
        position INTEGER,
        url TEXT,
        PRIMARY KEY (article_id, source_id, position)
    );
    CREATE TABLE captions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        credit TEXT,
        PRIMARY KEY (article_id, position)
    );
    CREATE TABLE drops (
        id INTEGER PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id),
        path TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL,
        detail TEXT,
        at TEXT,
        UNIQUE (path, source_id, position, reason)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL,
        PRIMARY KEY (entity_id, role)
    );
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity_id)
    );
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        entity_id TEXT REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        role TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        mention TEXT NOT NULL,
        start INTEGER,
        end INTEGER,
        rule TEXT NOT NULL
    );
    CREATE INDEX merges_entity ON merges(entity_id);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        content TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        content_spans TEXT NOT NULL,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker TEXT,
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_entity_id TEXT,
        speaker_kind TEXT,
        confidence REAL,
        anonymity_reason TEXT,
        relay TEXT,
        UNIQUE (article_id, position)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        category TEXT NOT NULL,
        action TEXT,
        modality TEXT,
        cameo TEXT,
        quad_class INTEGER,
        goldstein REAL,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        actors TEXT,
        targets TEXT,
        place TEXT,
        country TEXT,
        latitude REAL,
        longitude REAL,
        date TEXT,
        date_precision TEXT,
        sentence_start INTEGER,
        sentence_end INTEGER,
        confidence REAL,
        UNIQUE (article_id, position)
    );
    CREATE INDEX events_category ON events(category);
    CREATE TABLE dates (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER,
        end INTEGER,
        raw TEXT NOT NULL,
        value TEXT,
        precision TEXT,
        reason TEXT
    );
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER,
        end INTEGER,
        name TEXT NOT NULL,
        country TEXT,
        latitude REAL,
        longitude REAL,
        precision INTEGER,
        kind TEXT
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 2: mentions found in captions point into the caption's text
    """
    ALTER TABLE mentions ADD COLUMN field TEXT NOT NULL DEFAULT 'text';
    """,
    # 3: see _entity_linking_columns
    _entity_linking_columns(),
    # 4: stories, happenings, contradictions, entity corrections
    stories_happenings_contradictions(),
    # 5: covering indexes for an entity's articles, timeline and quotes about it
    """
    CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id, field, start, end);
    CREATE INDEX articles_id_published ON articles(id, published);
    CREATE INDEX quotes_article_span ON quotes(article_id, start, end);
    """,
    # 6: see event_entities
    event_entities(),
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`; returns the version it was at."""
    from ..errors import StoreError

    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {version} is newer than this dateline ({SCHEMA_VERSION}); "
            "upgrade dateline"
        )
    for number in range(version, SCHEMA_VERSION):
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version
