"""One denormalised row per thing a person can find: what it is, where it belongs, its text.

Sources in other apps are never given search mixins (docs/decisions/0046): `sources.py` turns
each of them into a `SearchEntry`, which modelsearch indexes (PostgreSQL full-text or SQLite
FTS5), and the reader's access scope filters on `public`, `partnership` and `body` in the query.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin

from partnerskap.meetings.models import Body
from partnerskap.registry.models import Partnership

from . import text


class EntryKind(models.TextChoices):
    # In the order the result page shows the groups.
    MEETING = "meeting", _("Meetings")
    ITEM = "item", _("Agenda items")
    FOLLOW_UP = "follow_up", _("Follow-ups")
    AGREEMENT = "agreement", _("Agreements")
    STATUS_REPORT = "status_report", _("Status reports")
    DOCUMENT = "document", _("Documents")
    BODY = "body", _("Bodies")
    PARTNERSHIP = "partnership", _("Partnerships")
    PERSON = "person", _("People")


KIND_ORDER = {kind: position for position, kind in enumerate(EntryKind.values)}


class SearchEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class SearchEntry(index.Indexed, models.Model):
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    # Who may find it: everyone signed in when public, else the readers of the body, or of the
    # partnership when it belongs to no body.
    public = models.BooleanField(default=False)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    # Where a public entry is read by someone who may not read it inside: the public pages.
    public_url = models.CharField(max_length=300, blank=True)
    # The file's SHA-256 for documents: its text is read again only when the file changes.
    source_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    # Only the stems are indexed (docs/decisions/0046): queries match them on every database,
    # and the index rows stay narrow, which keeps PostgreSQL's join to this table fast.
    search_fields = [
        index.AutocompleteField("stems"),
        index.FilterField("kind"),
        index.FilterField("public"),
        index.FilterField("partnership"),
        index.FilterField("body"),
        index.FilterField("year"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id"], name="search_entry_once")
        ]
        indexes = [
            models.Index(fields=["kind", "year"]),
            models.Index(fields=["partnership", "body"]),
            # modelsearch joins its index rows on the primary key as text: with this index the
            # database goes from the few rows that match to ours, not through all of ours.
            models.Index(
                Cast("id", output_field=models.CharField(max_length=50)),
                name="search_entry_id_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"

    def stems(self) -> str:
        """Snowball stems of the title (twice, so the title weighs more) and of the text."""
        title = text.stems(self.title)
        return " ".join((title, title, text.stems(self.text)))
