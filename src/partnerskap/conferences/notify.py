"""Every e-mail of the conferences app, sent after the change that causes it is committed.

One module, so that moving e-mail to background tasks (ops' shim) changes only this file: each
function takes ids, reads what it needs and sends. Participants' e-mails are one message each,
because each carries the person's own link.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core import links

from .models import (
    ACTIVE,
    Event,
    Invitation,
    ProgrammeVersion,
    Registration,
    RegistrationStatus,
    Survey,
)
from .tokens import invitation_token, registration_token


def site_url(base_url: str = "") -> str:
    """Where Partnerskap answers, for links in e-mail: the request's address when the change came
    from a page, else core.links.site_url."""
    return base_url.rstrip("/") if base_url else links.site_url()


def personal_link(registration: Registration, base_url: str = "") -> str:
    path = reverse("conferences:participant", args=[registration_token(registration)])
    return site_url(base_url) + path


def evaluation_link(registration: Registration, base_url: str = "") -> str:
    path = reverse("conferences:evaluation_answer", args=[registration_token(registration)])
    return site_url(base_url) + path


def _when(event: Event) -> str:
    first, last = event.first_day.strftime("%d.%m.%Y"), event.last_day.strftime("%d.%m.%Y")
    return first if first == last else f"{first}–{last}"


def _facts(event: Event) -> dict[str, str]:
    return {"event": event.title, "when": _when(event), "place": event.place}


def _message(subject: str, body: str, to: list[str], event: Event) -> EmailMessage:
    reply_to = [event.contact_email] if event.contact_email else None
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )


def _registration(pk: int) -> Registration:
    return Registration.objects.select_related("event").get(pk=pk)


def send_registered(registration_id: int, base_url: str = "") -> int:
    """The confirmation with the calendar invitation, or the notice of a place on the waiting
    list; both with the personal link."""
    from .documents import event_ics

    registration = _registration(registration_id)
    event = registration.event
    values = {**_facts(event), "link": personal_link(registration, base_url)}
    if registration.status == RegistrationStatus.REGISTERED:
        message = _message(
            _("Registered: %(event)s") % values,
            _(
                "You are registered for %(event)s, %(when)s at %(place)s. The calendar invitation "
                "is attached. See or cancel your registration here: %(link)s"
            )
            % values,
            [registration.email],
            event,
        )
        message.attach("arrangement.ics", event_ics(event, registration.days), "text/calendar")
    elif registration.status == RegistrationStatus.WAITLISTED:
        message = _message(
            _("On the waiting list: %(event)s") % values,
            _(
                "%(event)s is full, so you are on the waiting list. If a place becomes free, the "
                "first on the list is offered it by e-mail. See or cancel your place on the list "
                "here: %(link)s"
            )
            % values,
            [registration.email],
            event,
        )
    else:
        return 0
    return message.send() if registration.email else 0


def send_offer(registration_id: int, base_url: str = "") -> int:
    registration = _registration(registration_id)
    if registration.status != RegistrationStatus.OFFERED or not registration.email:
        return 0
    event = registration.event
    values = {
        **_facts(event),
        "link": personal_link(registration, base_url),
        "until": timezone.localtime(registration.offer_expires_at).strftime("%d.%m.%Y %H:%M"),
    }
    return _message(
        _("A place for you: %(event)s") % values,
        _(
            "A place has become free at %(event)s, %(when)s at %(place)s, and you are first on "
            "the waiting list. Accept it by %(until)s, or it goes to the next in line: %(link)s"
        )
        % values,
        [registration.email],
        event,
    ).send()


def send_cancelled(registration_id: int) -> int:
    registration = _registration(registration_id)
    if not registration.email:
        return 0
    values = _facts(registration.event)
    return _message(
        _("Cancelled: %(event)s") % values,
        _("Your registration for %(event)s, %(when)s, is cancelled.") % values,
        [registration.email],
        registration.event,
    ).send()


def send_programme_changed(version_id: int, base_url: str = "") -> int:
    """The changed programme's note to everyone registered, offered a place or waiting."""
    version = ProgrammeVersion.objects.select_related("event").get(pk=version_id)
    event = version.event
    public = site_url(base_url) + reverse("conferences:public_event", args=[event.slug])
    values = {**_facts(event), "note": version.note, "link": public}
    recipients = sorted(
        set(
            event.registrations.filter(status__in=ACTIVE)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    messages = [
        _message(
            _("Programme changed: %(event)s") % values,
            _("The programme of %(event)s has changed: %(note)s See the programme: %(link)s")
            % values,
            [email],
            event,
        )
        for email in recipients
    ]
    return get_connection().send_messages(messages) or 0


def send_invitation(invitation_id: int, base_url: str = "") -> int:
    invitation = Invitation.objects.select_related("event").get(pk=invitation_id)
    event = invitation.event
    path = reverse("conferences:public_register", args=[event.slug])
    values = {
        **_facts(event),
        "name": invitation.name,
        "link": f"{site_url(base_url)}{path}?invitasjon={invitation_token(invitation)}",
    }
    return _message(
        _("Invitation: %(event)s") % values,
        _(
            "%(name)s, you are invited to %(event)s, %(when)s at %(place)s. Register with your "
            "personal link: %(link)s"
        )
        % values,
        [invitation.email],
        event,
    ).send()


def send_municipality_reminders(
    event_id: int, municipalities_by_email: dict[str, list[str]], base_url: str = ""
) -> int:
    """One e-mail to each NAV leader, naming every municipality of theirs with nobody
    registered yet."""
    event = Event.objects.get(pk=event_id)
    public = site_url(base_url) + reverse("conferences:public_event", args=[event.slug])
    messages = []
    for email, names in sorted(municipalities_by_email.items()):
        values = {
            **_facts(event),
            "municipalities": ", ".join(sorted(names)),
            "deadline": timezone.localtime(event.registration_closes).strftime("%d.%m.%Y"),
            "link": public,
        }
        messages.append(
            _message(
                _("Nobody registered yet for %(event)s") % values,
                _(
                    "Nobody from these municipalities has registered yet for %(event)s, "
                    "%(when)s at %(place)s: %(municipalities)s. The deadline is %(deadline)s. "
                    "Please make sure your municipality takes part: %(link)s"
                )
                % values,
                [email],
                event,
            )
        )
    return get_connection().send_messages(messages) or 0


def send_participant_reminder(registration_id: int, base_url: str = "") -> int:
    from .documents import event_ics

    registration = _registration(registration_id)
    event = registration.event
    values = {**_facts(event), "link": personal_link(registration, base_url)}
    message = _message(
        _("Reminder: %(event)s") % values,
        _(
            "Welcome to %(event)s, %(when)s at %(place)s. The calendar invitation is attached. "
            "If you cannot come after all, cancel here so someone on the waiting list gets your "
            "place: %(link)s"
        )
        % values,
        [registration.email],
        event,
    )
    message.attach("arrangement.ics", event_ics(event, registration.days), "text/calendar")
    return message.send()


def send_survey(
    survey_id: int, registration_ids: list[int], base_url: str = "", *, reminder: bool = False
) -> int:
    """The evaluation's personal links, or the one reminder to those who have not answered."""
    survey = Survey.objects.select_related("event").get(pk=survey_id)
    event = survey.event
    messages = []
    for registration in Registration.objects.filter(pk__in=registration_ids).exclude(email=""):
        values = {**_facts(event), "link": evaluation_link(registration, base_url)}
        subject = (
            _("Reminder: evaluation of %(event)s") if reminder else _("Evaluation of %(event)s")
        )
        body = (
            _(
                "You have not answered the evaluation of %(event)s yet. It takes a few minutes: "
                "%(link)s"
            )
            if reminder
            else _("Thank you for taking part in %(event)s. Tell us what you thought: %(link)s")
        )
        if survey.anonymous:
            body += " " + _("Your answers are anonymous: nobody can see who gave them.")
        messages.append(_message(subject % values, body % values, [registration.email], event))
    return get_connection().send_messages(messages) or 0
