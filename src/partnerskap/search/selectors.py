"""The search a page and the API share: the reader's scope in the query, grouped by kind."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString

from partnerskap.core.models import User
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import Body
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Partnership

from . import text
from .models import KIND_ORDER, EntryKind, SearchEntry

PER_PAGE = 20
# The page lists results in groups of kind; each group's rows come in relevance order.
MAX_QUERY = 200


@dataclass(frozen=True)
class Filters:
    partnership: int | None = None
    body: int | None = None
    year: int | None = None
    kind: str | None = None


@dataclass
class Hit:
    kind: str
    kind_display: str
    title: str
    url: str
    year: int | None
    public: bool
    passage: SafeString
    partnership_id: int | None
    body_id: int | None


@dataclass
class Results:
    query: str
    page: Page | None
    hits: list[Hit]
    groups: list[tuple[str, list[Hit]]]
    kind_counts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, label, count
    total: int = 0


def visible_entries(user: User) -> QuerySet[SearchEntry]:
    """The entries the person may find: public ones, and the internal ones of the bodies and
    partnerships they may read (the same scope as the pages, docs/decisions/0003)."""
    registry = access_scope(user)
    entries = SearchEntry.objects.all()
    if registry.is_admin:
        return entries
    bodies = body_scope(user)
    return entries.filter(
        Q(public=True)
        | Q(body__in=sorted(bodies.readable))
        | Q(body__isnull=True, partnership__in=sorted(registry.readable_partnerships))
    )


def _filtered(qs: QuerySet[SearchEntry], filters: Filters) -> QuerySet[SearchEntry]:
    if filters.partnership:
        qs = qs.filter(partnership=filters.partnership)
    if filters.body:
        qs = qs.filter(body=filters.body)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs


def search(
    user: User,
    query: str,
    filters: Filters,
    *,
    page: str | int | None = 1,
    per_page: int = PER_PAGE,
) -> Results:
    """One page of what the person may find for the query, grouped by kind, with the passage
    that matched in each; and how many there are of each kind. A fixed number of queries."""
    query = query.strip()[:MAX_QUERY]
    terms = text.query_stems(query)
    if not terms:
        return Results(query, None, [], [])
    scoped = _filtered(visible_entries(user), filters)
    found = scoped.autocomplete(" ".join(terms), operator="and", order_by_relevance=True)
    # How many of each kind: one query, whose sum is the total the paginator needs, so the
    # page costs two searches (the counts and the page), not three.
    per_kind = found.facet("kind")
    paginator = Paginator(found, per_page)
    paginator.__dict__["count"] = sum(per_kind.values())  # Paginator.count is a cached_property
    current = paginator.get_page(page)
    match = text.matcher(query)
    inside = _inside(user)
    hits = [_hit(entry, match, inside) for entry in current.object_list]
    counts = [] if filters.kind else _kind_counts(per_kind)
    groups: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: KIND_ORDER[h.kind]):
        groups.setdefault(hit.kind, []).append(hit)
    return Results(
        query,
        current,
        hits,
        [(kind, rows) for kind, rows in groups.items()],
        counts,
        paginator.count,
    )


def _kind_counts(rows: dict[str, int]) -> list[tuple[str, str, int]]:
    labels = dict(EntryKind.choices)
    return [(kind, str(labels[kind]), rows[kind]) for kind in EntryKind.values if rows.get(kind)]


def _inside(user: User):
    """Whether the person reads an entry on the internal pages (else: on the public ones)."""
    registry = access_scope(user)
    if registry.is_admin:
        return lambda entry: True
    bodies = body_scope(user).readable
    partnerships = registry.readable_partnerships

    def reads(entry: SearchEntry) -> bool:
        if entry.body_id is not None:
            return entry.body_id in bodies
        return entry.partnership_id in partnerships

    return reads


def _hit(entry: SearchEntry, match: text.Matcher, inside) -> Hit:
    source = entry.text if _has_match(entry.text, match) else entry.title
    return Hit(
        kind=entry.kind,
        kind_display=str(entry.get_kind_display()),
        title=entry.title,
        url=entry.url if inside(entry) or not entry.public_url else entry.public_url,
        year=entry.year,
        public=entry.public,
        passage=text.passage(source, match),
        partnership_id=entry.partnership_id,
        body_id=entry.body_id,
    )


def _has_match(value: str, match: text.Matcher) -> bool:
    return any(match.matches(w) for w in text.words(value))


def filter_choices(user: User) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The partnerships and bodies the person may filter by: those they may read."""
    registry = access_scope(user)
    partnerships = Partnership.objects.order_by("name")
    bodies = Body.objects.order_by("name")
    if not registry.is_admin:
        partnerships = partnerships.filter(id__in=sorted(registry.readable_partnerships))
        bodies = bodies.filter(id__in=sorted(body_scope(user).readable))
    return (
        list(partnerships.values_list("id", "name")),
        list(bodies.values_list("id", "name")),
    )
