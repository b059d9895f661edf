"""Writes to the search index: refresh the entries a change touched, or rebuild them all.

These run in tasks (off the request path when a queue backend is configured) and from the
`search_rebuild` command; nothing a person does calls them directly.
"""

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q
from modelsearch.backends import get_search_backend

from .models import SearchEntry
from .sources import SOURCES, Entry

BATCH = 500


def _row(source_type: ContentType, obj: Model, entry: Entry) -> SearchEntry:
    return SearchEntry(
        kind=entry.kind,
        source_type=source_type,
        source_id=obj.pk,
        public=entry.public,
        partnership_id=entry.partnership_id,
        body_id=entry.body_id,
        year=entry.year,
        title=entry.title[:300],
        text=entry.text,
        url=entry.url,
        source_hash=entry.source_hash,
        public_url=entry.public_url,
    )


# What an entry says: an entry whose values are all unchanged is not written (nor re-indexed).
FIELDS = (
    "kind", "public", "partnership_id", "body_id", "year", "title", "text", "url",
    "source_hash", "public_url",
)  # fmt: skip


def _same(old: SearchEntry, new: SearchEntry) -> bool:
    return all(getattr(old, name) == getattr(new, name) for name in FIELDS)


@transaction.atomic
def entries_refresh(*, model: type[Model], which: Q) -> int:
    """Rebuild the entries of the source rows `which` selects; drop those that are gone.
    Returns the number of entries written."""
    builder = SOURCES[model]
    source_type = ContentType.objects.get_for_model(model)
    wanted = set(model.objects.filter(which).values_list("pk", flat=True))
    written = 0
    existing = {
        e.source_id: e
        for e in SearchEntry.objects.filter(source_type=source_type, source_id__in=wanted)
    }
    built: set[int] = set()
    for obj, entry in builder(model.objects.filter(pk__in=wanted)):
        row = _row(source_type, obj, entry)
        old = existing.get(obj.pk)
        if old is not None:
            row.pk = old.pk
            if _same(old, row):
                built.add(obj.pk)
                continue  # unchanged: spare the index an update
        row.save()  # modelsearch's post_save handler queues the index update
        built.add(obj.pk)
        written += 1
    gone = SearchEntry.objects.filter(source_type=source_type, source_id__in=wanted - built)
    for entry in gone:
        entry.delete()
    return written


def entries_remove(*, model: type[Model], pk: int) -> None:
    source_type = ContentType.objects.get_for_model(model)
    for entry in SearchEntry.objects.filter(source_type=source_type, source_id=pk):
        entry.delete()  # and modelsearch's post_delete handler drops it from the index


def _batches(model: type[Model]) -> Iterator[list[int]]:
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        yield pks[start : start + BATCH]


def index_rebuild() -> dict[str, int]:
    """Every entry built anew from the sources, then the full-text index rebuilt from them.
    Returns the number of entries per source model."""
    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for model, builder in SOURCES.items():
            source_type = ContentType.objects.get_for_model(model)
            count = 0
            for pks in _batches(model):
                rows = [
                    _row(source_type, o, e) for o, e in builder(model.objects.filter(pk__in=pks))
                ]
                SearchEntry.objects.bulk_create(rows)
                count += len(rows)
            counts[model._meta.label] = count
    _reindex()
    return counts


def _reindex() -> None:
    backend = get_search_backend()
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(SearchEntry))
    index = rebuilder.start()
    index.add_model(SearchEntry)
    qs = SearchEntry.objects.order_by("pk")
    last = 0
    while True:
        chunk = list(qs.filter(pk__gt=last)[:1000])
        if not chunk:
            break
        index.add_items(SearchEntry, chunk)
        last = chunk[-1].pk
    rebuilder.finish()
