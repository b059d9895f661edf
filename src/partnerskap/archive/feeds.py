"""An Atom feed per body: its published minutes and coming meetings (RFC 4287)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from partnerskap.meetings import selectors as meeting_selectors
from partnerskap.meetings.models import Body, Meeting

from . import selectors


class BodyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Body:
        return meeting_selectors.public_body(slug)

    def title(self, body: Body) -> str:
        return _("%(body)s – minutes and meetings") % {"body": body.name}

    def subtitle(self, body: Body) -> str:
        return _("Published minutes and coming meetings of %(body)s.") % {"body": body.name}

    def link(self, body: Body) -> str:
        return reverse("meetings:public_body", args=[body.slug])

    def feed_guid(self, body: Body) -> str:
        return f"urn:uuid:{body.uuid}"

    def items(self, body: Body) -> list[Meeting]:
        return selectors.feed_meetings(body)

    def _upcoming(self, meeting: Meeting) -> bool:
        return meeting.starts_at >= timezone.now()

    def item_title(self, meeting: Meeting) -> str:
        day = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
        if self._upcoming(meeting):
            return _("Meeting on %(date)s") % {"date": day}
        return _("Minutes of the meeting on %(date)s") % {"date": day}

    def item_description(self, meeting: Meeting) -> str:
        return (
            _("%(count)s items on the agenda.") % {"count": meeting.item_count}
            + " "
            + (meeting.location or "")
        ).strip()

    def item_link(self, meeting: Meeting) -> str:
        slug = meeting.body.slug
        if self._upcoming(meeting):
            return reverse("archive:public_upcoming", args=[slug]) + f"#meeting-{meeting.pk}"
        return reverse("meetings:public_meeting", args=[slug, meeting.pk])

    def item_guid(self, meeting: Meeting) -> str:
        kind = "moete" if self._upcoming(meeting) else "referat"
        return f"urn:uuid:{meeting.uuid}#{kind}"

    item_guid_is_permalink = False

    def item_pubdate(self, meeting: Meeting):
        return meeting.created_at

    def item_updateddate(self, meeting: Meeting):
        return meeting.updated_at
