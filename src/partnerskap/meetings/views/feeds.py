"""Personal calendar addresses: the page to make and revoke them, and the feed they serve."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import documents, feed_selectors, selectors, services
from ..models import Body
from ._common import ICS, download


class FeedBodyForm(forms.Form):
    """Which calendar: a body the person may read, or none for "my meetings"."""

    body = forms.ModelChoiceField(queryset=Body.objects.none(), required=False)

    def __init__(self, *args: object, user, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = selectors.body_list(user)


def _chosen_body(request: HttpRequest) -> Body | None:
    form = FeedBodyForm(request.POST, user=request.user)
    if not form.is_valid():
        raise Http404  # a body the person may not read is one that does not exist for them
    return form.cleaned_data["body"]


@require_GET
def calendar_feeds(request: HttpRequest) -> HttpResponse:
    rows = [
        (
            row,
            request.build_absolute_uri(
                reverse(
                    "meetings:calendar_feed",
                    args=[row.feed.uuid, feed_selectors.feed_token(row.feed)],
                )
            )
            if row.feed
            else "",
        )
        for row in feed_selectors.feed_rows(request.user)
    ]
    return render(request, "meetings/calendar_feeds.html", {"rows": rows})


@require_POST
def calendar_feed_create(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_create(actor=request.user, body=_chosen_body(request))
    messages.success(request, _("The calendar address was made. Copy it into your calendar."))
    return redirect("meetings:calendar_feeds")


@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_revoke(actor=request.user, body=_chosen_body(request))
    messages.success(request, _("The calendar address was revoked: it no longer works."))
    return redirect("meetings:calendar_feeds")


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, feed: UUID, token: str) -> HttpResponse:
    """The feed a calendar app fetches without a session: the secret in the address is the
    key, and it shows only what the address's person may see today."""
    found = feed_selectors.feed_for_token(feed, token)
    meetings = feed_selectors.feed_meetings(found) if found else None
    if found is None or meetings is None:
        raise Http404
    if found.body is not None:
        data = documents.body_ics_feed(found.body, meetings)
        name = found.body.slug
    else:
        data = documents.person_ics_feed(_("My meetings in Partnerskap"), meetings)
        name = "mine-moter"
    return download(data, ICS, f"{name}.ics", inline=True)
