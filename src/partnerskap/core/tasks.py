"""Core's e-mail as background tasks: the daily digest (core/digest.py)."""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .links import site_url
from .models import DigestSent
from .services import save


@task()
def send_digest(digest_id: int) -> int:
    """The digest's e-mail in the person's language, plain text and HTML, with a link to each
    thing and to the front page; marks the digest sent."""
    digest = DigestSent.objects.select_related("person").get(pk=digest_id)
    person = digest.person
    with translation.override(person.language):
        context = {
            "person": person,
            "day": digest.day,
            "items": [_dated(item) for item in digest.items],
            "site": site_url(),
        }
        message = EmailMultiAlternatives(
            subject=_("What waits for you in Partnerskap, %(day)s")
            % {"day": digest.day.strftime("%d.%m.%Y")},
            body=render_to_string("core/email/digest.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        message.attach_alternative(render_to_string("core/email/digest.html", context), "text/html")
    sent = message.send()
    digest.sent_at = timezone.now()
    save(digest, actor=None)
    return sent


def _dated(item: dict) -> dict:
    return {**item, "due": date.fromisoformat(item["due"]) if item.get("due") else None}
