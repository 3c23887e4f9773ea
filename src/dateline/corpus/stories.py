"""Stories: articles that report the same happening, grouped across outlets and days.

Each article becomes one TF-IDF vector over its content words (title words count twice, each word
weighted by how specific it is in the language: :func:`specificity`), the names
it mentions (``e:`` terms, weighted up) and its event signatures (``v:`` terms: category with place
or actor). Vectors keep their :data:`TOP_TERMS` strongest terms, so similar pairs are found through
an inverted index without comparing every pair. A pair's score is the cosine of the two vectors
times a time decay (half per :data:`HALF_LIFE_DAYS` between publication days; nothing links beyond
:data:`WINDOW_DAYS`).

Grouping is agglomerative: links are taken strongest first and two groups join only when the
average score over all their cross pairs (pairs never scored count as 0) reaches
:data:`JOIN_AVERAGE`. A distractor that shares one minister or one city with a story shares few
other words with it, so its average with the story's articles stays low.

An undated article (day 0) is first placed on the day of the dated article it is most similar to
(:func:`nearest_days`), so it joins its story like any other report.

Everything is computed from the articles alone, sorted by id, with sums taken in a fixed order:
the same articles give the same groups whatever order they were ingested in. Story ids are kept
stable across ingests by :func:`assign_ids`.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import lexicon
from .words import content_words, split_names

TOP_TERMS = 30
#: A term already in more than this many articles of the time window is common in those days: it
#: adds nothing to the scores of the article that meets it so (scores sum over the other terms). This
#: bounds the work per article however dense the corpus is.
BUSY_TERM = 150
NAME_WEIGHT = 0.6
#: Scale of :func:`specificity` (a word of one sense weighs this / sqrt(2)).
SPECIFIC_SCALE = 1.0
#: Weight of a word WordNet does not know.
UNKNOWN_WORD = 0.3
EVENT_WEIGHT = 1.5
WINDOW_DAYS = 5
HALF_LIFE_DAYS = 4.0
#: Scores below this are not kept at all (they count as 0 in averages).
FLOOR = 0.05
#: A link must score at least this to be considered for a join.
LINK = 0.10
#: Two groups join when the average over their cross pairs reaches this.
JOIN_AVERAGE = 0.10
#: Terms in more than this share of the articles (and more than MIN_COMMON) carry no signal.
COMMON_SHARE = 0.05
MIN_COMMON = 30
#: IDF is taken as if the corpus had at least this many articles, so that in a small corpus a word
#: shared by two of five articles still counts as rare (it would be, among many more articles).
PRIOR_ARTICLES = 1000


@dataclass
class ArticleDoc:
    """What grouping needs of one article. ``day``: proleptic ordinal of its publication day."""

    id: str
    day: int
    title: str = ""
    text: str = ""
    names: Sequence[str] = ()
    events: Sequence[str] = ()


@dataclass
class Group:
    """One story's articles (sorted by id) and its most central article."""

    articles: list[str]
    representative: str
    scores: dict[str, float] = field(default_factory=dict)


def doc_terms(doc: ArticleDoc) -> Counter[str]:
    """Weighted terms of one article: content words, title words again (those the text writes in lower
    case: a title capitalises names and words alike, and names count as names), names, event signatures."""
    words, names = split_names(doc.text)
    terms: Counter[str] = Counter(words)
    terms.update("e:" + n for n in names)
    title_words = [w for w in content_words(doc.title) if w in terms]
    terms.update(title_words + title_words)
    for name in doc.names:
        terms["e:" + name.lower()] += 1
    for event in doc.events:
        terms["v:" + event] += 1
    return terms


def _weight(term: str) -> float:
    if term.startswith("e:"):
        return NAME_WEIGHT
    return EVENT_WEIGHT if term.startswith("v:") else specificity(term)


def specificity(word: str) -> float:
    """How specific a (stemmed) word is in the language: 1 / sqrt(1 + its WordNet senses), so that
    "capsize" or "insurgent" outweigh "set", "keep" or "operation" that the corpus happens to hold
    rarely. A word WordNet does not know (a technical term, a word of another language, a stem the
    lookup misses) weighs :data:`UNKNOWN_WORD`."""
    for form in (word, word + "e", word + "s"):
        count = lexicon.senses(form)
        if count:
            return float(SPECIFIC_SCALE / math.sqrt(1 + count))
    return UNKNOWN_WORD


class _Index:
    """Term ids, document frequencies and the truncated, normalised vectors of every article.

    Term ids are given in the order terms first appear in the (id-sorted) articles, so the same
    articles always give the same ids, vectors and sums.
    """

    def __init__(self, docs: Sequence[ArticleDoc]) -> None:
        ids: dict[str, int] = {}
        weights: list[float] = []
        rows: list[dict[int, int]] = []
        df: Counter[int] = Counter()
        for doc in docs:
            row: dict[int, int] = {}
            for term, count in doc_terms(doc).items():
                key = ids.get(term)
                if key is None:
                    key = ids[term] = len(weights)
                    weights.append(_weight(term))
                row[key] = count
            df.update(row.keys())
            rows.append(row)
        total = max(len(docs), PRIOR_ARTICLES) + 1
        common = max(MIN_COMMON, int(COMMON_SHARE * len(docs)))
        idf = {k: math.log(total / (d + 0.5)) * weights[k] for k, d in df.items() if d <= common}
        self.vectors: list[tuple[array, array]] = []
        for row in rows:
            scored = sorted(((1 + math.log(c)) * idf[k], k) for k, c in row.items() if k in idf)
            norm = math.sqrt(math.fsum(w * w for w, _ in scored)) or 1.0
            top = sorted([(k, w) for w, k in scored[::-1] if df[k] > 1][:TOP_TERMS])
            self.vectors.append((array("i", (k for k, _ in top)), array("d", (w / norm for _, w in top))))


def decay(gap_days: int) -> float:
    if gap_days > WINDOW_DAYS:
        return 0.0
    return float(0.5 ** (gap_days / HALF_LIFE_DAYS))


def nearest_days(docs: Sequence[ArticleDoc], vectors: Sequence[tuple[array, array]]) -> list[int]:
    """Publication days, an undated article (day 0) taking the day of the dated article it is most
    similar to whatever their days (at least :data:`LINK`); with none, it stays apart (day 0)."""
    days = [d.day for d in docs]
    undated = [i for i, d in enumerate(days) if not d]
    if not undated:
        return days
    postings: dict[int, list[tuple[int, float]]] = {}
    for j, (keys, weights) in enumerate(vectors):
        if days[j]:
            for k, w in zip(keys, weights, strict=True):
                found = postings.setdefault(k, [])
                if len(found) <= BUSY_TERM:
                    found.append((j, w))
    out = list(days)
    for i in undated:
        acc: dict[int, float] = {}
        for k, w in zip(*vectors[i], strict=True):
            found = postings.get(k, [])
            for j, v in found if len(found) <= BUSY_TERM else ():
                acc[j] = acc.get(j, 0.0) + w * v
        best = max(acc.items(), key=lambda kv: (kv[1], -days[kv[0]], docs[kv[0]].id), default=None)
        if best is not None and best[1] >= LINK:
            out[i] = days[best[0]]
    return out


def similar_pairs(docs: Sequence[ArticleDoc]) -> dict[tuple[int, int], float]:
    """Scores of every pair (indices into ``docs``, lower first) at or above :data:`FLOOR`; an undated
    article is placed on the day of its nearest dated neighbour (:func:`nearest_days`)."""
    vectors = _Index(docs).vectors
    days = nearest_days(docs, vectors)
    factor = [decay(gap) for gap in range(WINDOW_DAYS + 1)]
    order = sorted(range(len(docs)), key=lambda i: (days[i], docs[i].id))
    postings: dict[int, tuple[array, array]] = {}
    starts: dict[int, int] = {}
    pairs: dict[tuple[int, int], float] = {}
    for i in order:
        day = days[i]
        oldest = day - WINDOW_DAYS
        acc: dict[int, float] = {}
        for key, weight in zip(*vectors[i], strict=True):
            members, values = postings.get(key) or postings.setdefault(key, (array("i"), array("d")))
            start = starts.get(key, 0)
            while start < len(members) and days[members[start]] < oldest:
                start += 1
            starts[key] = start
            if len(members) - start > BUSY_TERM:
                members.append(i)
                values.append(weight)
                continue
            for j, value in zip(members[start:], values[start:], strict=True):
                acc[j] = acc.get(j, 0.0) + weight * value
            members.append(i)
            values.append(weight)
        for j, dot in acc.items():
            score = dot * factor[day - days[j]]
            if score >= FLOOR:
                pairs[(min(i, j), max(i, j))] = round(score, 6)
    return pairs


def group(docs: Iterable[ArticleDoc]) -> list[Group]:
    """Stories over ``docs``: every article in exactly one group; groups sorted by first article id."""
    ordered = sorted(docs, key=lambda d: d.id)
    pairs = similar_pairs(ordered)
    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < LINK:
            break
        a, b = find(i), find(j)
        if a == b:
            continue
        total = math.fsum(pairs.get((min(x, y), max(x, y)), 0.0) for x in members[a] for y in members[b])
        if total / (len(members[a]) * len(members[b])) < JOIN_AVERAGE:
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    groups = []
    for root in sorted(members):
        idx = members[root]
        central = {ordered[x].id: math.fsum(pairs.get((min(x, y), max(x, y)), 0.0) for y in idx if y != x)
                   for x in idx}
        best = min(idx, key=lambda x: (-central[ordered[x].id], ordered[x].day, ordered[x].id))
        groups.append(Group([ordered[x].id for x in idx], ordered[best].id, central))
    return groups


def new_story_id(articles: Sequence[str]) -> str:
    """The id a story gets when it is first formed: a hash of its first article id."""
    return "s" + hashlib.sha1(min(articles).encode()).hexdigest()[:9]


def assign_ids(groups: Sequence[Group], previous: dict[str, str]) -> list[str]:
    """Ids for ``groups``: each keeps the id of the stored story it shares most articles with.

    ``previous`` maps article id -> the story id stored for it before this run. A stored story
    gives its id to one group only (the one sharing most, then the one with the first article);
    other groups get :func:`new_story_id`. So an ingest that adds articles renumbers nothing.
    """
    claims: list[tuple[int, str, int, str]] = []
    for n, grp in enumerate(groups):
        shared = Counter(previous[a] for a in grp.articles if a in previous)
        for story_id, count in shared.items():
            claims.append((-count, grp.articles[0], n, story_id))
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _, _, n, story_id in sorted(claims):
        if ids[n] is None and story_id not in taken:
            ids[n] = story_id
            taken.add(story_id)
    out = []
    for n, grp in enumerate(groups):
        sid = ids[n] or new_story_id(grp.articles)
        while sid in taken and ids[n] is None:
            sid = "s" + hashlib.sha1(sid.encode()).hexdigest()[:9]
        taken.add(sid)
        out.append(sid)
    return out
