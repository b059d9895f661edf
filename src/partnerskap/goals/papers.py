"""The goals table on a meeting's agenda item: attached while the agenda is open, frozen into the
meeting's papers as a PDF when the notice is sent (as figures' status reports are)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save
from partnerskap.documents.pdf import render_pdf
from partnerskap.meetings.models import AgendaItem, Meeting
from partnerskap.registry.models import Partnership

from . import selectors
from .models import GoalsPaper


def goals_pdf(partnership: Partnership, year: int) -> bytes:
    """The goals table of the partnership's year as it stands now, as PDF/A."""
    context = {
        "partnership": partnership,
        "year": year,
        "rows": selectors.goals_with_progress(partnership, year),
    }
    return render_pdf(render_to_string("goals/print/goals.html", context))


@transaction.atomic
def attach(*, actor: User, partnership: Partnership, year: int, item: AgendaItem) -> GoalsPaper:
    """Put the goals table of the year on an agenda item (one the caller may attach to)."""
    if item.meeting.body.partnership_id != partnership.pk:
        raise ValidationError({"item": _("Choose an item of one of this partnership's meetings.")})
    found = GoalsPaper.objects.filter(item=item, year=year, frozen_at__isnull=True).first()
    if found is not None:
        return found
    return save(GoalsPaper(partnership=partnership, year=year, item=item), actor=actor)


@transaction.atomic
def freeze(*, actor: User, meeting: Meeting) -> None:
    """Render each unfrozen goals table on the meeting's items to PDF and keep it as an
    attachment of its item: the papers show the goals as they were, whatever comes later."""
    from partnerskap.meetings.services import attachment_add

    found = GoalsPaper.objects.filter(item__meeting=meeting, frozen_at__isnull=True).select_related(
        "item", "partnership__office__county"
    )
    for paper in found:
        name = f"mal-og-resultater-{paper.year}-{paper.pk}.pdf"
        title = _("Goals and results %(year)s") % {"year": paper.year}
        paper.frozen_attachment = attachment_add(
            actor=actor,
            item=paper.item,
            file=ContentFile(goals_pdf(paper.partnership, paper.year), name=name),
            title=title,
        )
        paper.frozen_at = timezone.now()
        save(paper, actor=actor)
