"""The conferences app's routes in the access walk (tests/access_rules.py says how).

Two events: Ørland's own conference (the internal pages and API), followed by Ørland's partnership
meeting, whose members (its chair and minute-taker) manage it with Ørland's editors; and a
Trøndelag county gathering for the public pages and API, because a partnership's name is among the
walk's secrets and a public page names its organiser.
"""

from datetime import date, time, timedelta

from django.utils import timezone

from partnerskap.conferences import services
from partnerskap.conferences.models import SessionKind
from partnerskap.conferences.tokens import registration_token
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Body

from ..access_rules import (
    ADMIN,
    EVERY_SIGNED_IN,
    INTERNAL,
    PUBLIC,
    READ,
    RUN,
    SIGNED_IN,
    AppWalk,
    Rule,
)
from ..conftest import ORLAND_EDITORS
from ..meetings.conftest import at

# Ørland's participants, their needs and a session not yet published: no outsider may see them.
SECRET_PARTICIPANT = "Ingrid Hemmelighetsen"
SECRET_NEEDS = "Trenger tegnspråktolk"
SECRET_SESSION = "Lukket økt om nedbemanning"
SECRET_QUESTION = "Hva synes du om lederen?"

# The event's managers: Ørland's editors and the members of the body that follows it.
MANAGE = RUN
CREATED = Rule(INTERNAL, MANAGE.allowed, ok=201)
REFUSED = Rule(INTERNAL, MANAGE.allowed, ok=422)  # the service refuses after the access check
PUBLIC_PAGE = Rule(PUBLIC, anonymous=200)

PAGES: dict[str, Rule] = {
    "conferences:event_list": EVERY_SIGNED_IN,  # lists only the events you may read
    # Anyone who may change some partnership or county; the form offers only their own.
    "conferences:event_create": Rule(SIGNED_IN, frozenset(ORLAND_EDITORS | {"other_leader"})),
    "conferences:partnership_events": READ,
    "conferences:event_detail": READ,
    "conferences:event_edit": MANAGE,
    "conferences:deadline_extend": MANAGE,
    "conferences:programme": READ,
    "conferences:session_add": MANAGE,
    "conferences:programme_publish": MANAGE,
    "conferences:session_edit": MANAGE,
    "conferences:session_remove": MANAGE,  # GET asks first
    "conferences:registration_list": MANAGE,  # personal data: managers only
    "conferences:registration_add": MANAGE,
    "conferences:registrations_xlsx": MANAGE,
    "conferences:badges": MANAGE,
    "conferences:registration_cancel": MANAGE,  # GET asks first
    "conferences:organisations": READ,  # counts only
    "conferences:municipalities_remind": MANAGE,  # GET lists who would be reminded
    "conferences:invitations": MANAGE,
    "conferences:check_in": MANAGE,
    "conferences:evaluation": READ,
    "conferences:survey_create": MANAGE,
    "conferences:survey_edit": MANAGE,
    "conferences:question_add": MANAGE,
    "conferences:survey_open": MANAGE,  # GET asks first
    "conferences:survey_remind": MANAGE,
    "conferences:survey_close": MANAGE,
    "conferences:summary_pdf": READ,
    "conferences:answers_xlsx": MANAGE,
    "conferences:summary_attach": MANAGE,
    "conferences:question_remove": MANAGE,
    # Public: the published programme, the form, and a participant's own pages by their token.
    "conferences:participant": PUBLIC_PAGE,
    "conferences:participant_cancel": PUBLIC_PAGE,  # GET asks first
    "conferences:participant_accept": Rule(PUBLIC, method="POST", ok=302, anonymous=302),
    "conferences:evaluation_answer": PUBLIC_PAGE,
    "conferences:public_events": PUBLIC_PAGE,
    "conferences:public_event": PUBLIC_PAGE,
    "conferences:public_register": PUBLIC_PAGE,
}

E = "/api/v1/events/{event_id}"
P = "/api/v1/public"
API: dict[str, Rule] = {
    "GET /api/v1/events": EVERY_SIGNED_IN,  # lists only the events you may read
    # Organised by Ørland: those who may change Ørland; the others are refused (403).
    "POST /api/v1/events": Rule(ADMIN, frozenset(ORLAND_EDITORS), ok=201),
    f"GET {E}": READ,
    f"PATCH {E}": MANAGE,
    f"POST {E}/deadline": MANAGE,
    f"GET {E}/programme": READ,
    f"POST {E}/sessions": CREATED,
    "PATCH /api/v1/sessions/{session_id}": MANAGE,
    "DELETE /api/v1/sessions/{session_id}": Rule(INTERNAL, MANAGE.allowed, ok=204),
    f"POST {E}/programme/publish": CREATED,
    f"GET {E}/registrations": MANAGE,
    f"POST {E}/registrations": CREATED,
    "POST /api/v1/registrations/{registration_id}/cancel": MANAGE,
    f"GET {E}/organisations": READ,
    f"POST {E}/organisations/remind": MANAGE,
    f"POST {E}/invitations": REFUSED,  # the event is open to everyone: nobody is invited
    f"GET {E}/check-ins": MANAGE,
    f"PUT {E}/check-ins": MANAGE,
    f"GET {E}/evaluation": READ,
    f"POST {E}/evaluation": REFUSED,  # it exists already
    f"PATCH {E}/evaluation": MANAGE,
    f"POST {E}/evaluation/questions": CREATED,
    f"DELETE {E}/evaluation/questions/{{question_id}}": Rule(INTERNAL, MANAGE.allowed, ok=204),
    f"POST {E}/evaluation/open": MANAGE,
    f"POST {E}/evaluation/remind": MANAGE,
    f"POST {E}/evaluation/close": MANAGE,
    f"POST {E}/evaluation/attach": CREATED,
    f"GET {P}/events/{{event_slug}}": Rule(PUBLIC, anonymous=200),
    f"POST {P}/events/{{event_slug}}/registrations": Rule(PUBLIC, ok=201, anonymous=201),
    f"GET {P}/evaluations/{{participant_token}}": Rule(PUBLIC, anonymous=200),
    f"POST {P}/evaluations/{{participant_token}}": Rule(PUBLIC, ok=201, anonymous=201),
    f"GET {P}/registrations/{{participant_token}}": Rule(PUBLIC, anonymous=200),
    f"POST {P}/registrations/{{participant_token}}/cancel": Rule(PUBLIC, anonymous=200),
    # Walked after the cancellation: nothing is on offer, so it is refused (422) for everyone.
    f"POST {P}/registrations/{{participant_token}}/accept": Rule(PUBLIC, ok=422, anonymous=422),
}


def _closes(day: date) -> timezone.datetime:
    return timezone.make_aware(timezone.datetime.combine(day, time(23, 59)))


def build(world) -> AppWalk:
    leader, director = world.nav_leader, world.county_director
    first = timezone.localdate() + timedelta(days=60)
    last = first + timedelta(days=1)
    body = Body.objects.get(slug="orland-partnerskapsmote")
    event = services.event_create(
        actor=leader,
        organiser_partnership=world.orland,
        following_body=body,
        title="Partnerskapsdagen i Ørland",
        slug="partnerskapsdagen-orland",
        first_day=first,
        last_day=last,
        place="Ørland kultursenter",
        registration_closes=_closes(first - timedelta(days=10)),
        capacity=10,
        questions=["organisation", "days", "accessibility"],
        audience_municipalities=[world.orland_municipality],
    )
    welcome = services.session_add(
        actor=leader, event=event, day=first, starts=time(10), ends=time(10, 30), title="Velkommen"
    )
    services.session_add(
        actor=leader,
        event=event,
        day=first,
        starts=time(12),
        ends=time(12, 30),
        title="Lunsj",
        kind=SessionKind.MEAL,
    )
    services.programme_publish(actor=leader, event=event)
    # Added after publishing: in the working programme, not on the public page.
    services.session_add(
        actor=leader, event=event, day=last, starts=time(9), ends=time(10), title=SECRET_SESSION
    )
    secret = services.registration_create(
        actor=None,
        event=event,
        name=SECRET_PARTICIPANT,
        email="ingrid@example.no",
        municipality=world.orland_municipality,
        days=[first.isoformat()],
        accessibility_needs=SECRET_NEEDS,
    )
    arrived = services.registration_create(
        actor=None, event=event, name="Kari Nordmann", email="kari@example.no", days=[first]
    )
    services.check_in(actor=leader, registration=arrived, day=first)
    survey = services.survey_create(actor=leader, event=event, title="Evaluering av dagen")
    question = services.question_add(actor=leader, survey=survey, kind="text", text=SECRET_QUESTION)
    day = date(timezone.localdate().year + 2, 5, 6)
    meeting = meeting_services.meeting_schedule(
        actor=leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    item = meeting.items.order_by("position").first()
    event.refresh_from_db()

    # The county's gathering, for the public routes: published, with an open evaluation.
    county_event = services.event_create(
        actor=director,
        organiser_county=world.county,
        title="Fagdag i Trøndelag",
        slug="fagdag-trondelag",
        first_day=first,
        last_day=first,
        place="Trondheim",
        registration_closes=_closes(first - timedelta(days=5)),
        capacity=50,
    )
    services.session_add(
        actor=director, event=county_event, day=first, starts=time(9), ends=time(15), title="Fagdag"
    )
    services.programme_publish(actor=director, event=county_event)
    participant = services.registration_create(
        actor=None, event=county_event, name="Per Deltaker", email="per@example.no"
    )
    public_survey = services.survey_create(
        actor=director, event=county_event, title="Evaluering av fagdagen"
    )
    services.survey_open(actor=director, survey=public_survey)
    public_question = public_survey.questions.order_by("position").first()

    pages = {
        f"conferences:{name}": event
        for name in (
            "event_detail",
            "event_edit",
            "deadline_extend",
            "programme",
            "session_add",
            "programme_publish",
            "registration_list",
            "registration_add",
            "registrations_xlsx",
            "badges",
            "organisations",
            "municipalities_remind",
            "invitations",
            "check_in",
            "evaluation",
            "survey_create",
            "survey_edit",
            "question_add",
            "survey_open",
            "survey_remind",
            "survey_close",
            "summary_pdf",
            "answers_xlsx",
            "summary_attach",
        )
    }
    pages |= {
        "conferences:partnership_events": world.orland,
        "conferences:session_edit": welcome,
        "conferences:session_remove": welcome,
        "conferences:registration_cancel": secret,
        "conferences:question_remove": question,
    }
    params = {
        "event_id": event.pk,
        "session_id": welcome.pk,
        "registration_id": secret.pk,
        "event_slug": county_event.slug,
        "participant_token": registration_token(participant),
        "question_id": question.pk,
    }
    bodies = {
        "conferences:participant_accept": {},
        "POST /api/v1/events": {
            "title": "Ny samling i Ørland",
            "slug": "ny-samling-orland",
            "organiser_partnership_id": world.orland.pk,
            "first_day": first.isoformat(),
            "last_day": first.isoformat(),
            "place": "Brekstad",
            "registration_closes": _closes(first - timedelta(days=3)).isoformat(),
        },
        f"PATCH {E}": {"revision": event.revision, "place": "Ørland kultursenter, store sal"},
        f"POST {E}/deadline": {
            "revision": event.revision + 1,  # PATCH above raised it
            "registration_closes": _closes(first - timedelta(days=5)).isoformat(),
        },
        f"POST {E}/sessions": {
            "day": first.isoformat(),
            "starts": "14:00",
            "ends": "14:30",
            "title": "Oppsummering",
            "new_speakers": [{"first_name": "Gjest", "last_name": "Foredragsholder"}],
        },
        "PATCH /api/v1/sessions/{session_id}": {
            "revision": welcome.revision,
            "title": "Velkommen til Ørland",
        },
        "DELETE /api/v1/sessions/{session_id}": {},
        f"POST {E}/programme/publish": {"note": "Ny økt om ettermiddagen."},
        f"POST {E}/registrations": {
            "name": "Ola Påmeldt",
            "email": "ola@example.no",
            "days": [first.isoformat()],
        },
        "POST /api/v1/registrations/{registration_id}/cancel": {},
        f"POST {E}/organisations/remind": {},
        f"POST {E}/invitations": {"name": "Inviterte Ivar", "email": "ivar@example.no"},
        f"PUT {E}/check-ins": {"registration_id": arrived.pk, "day": first.isoformat()},
        f"POST {E}/evaluation": {"title": "En evaluering til"},
        f"PATCH {E}/evaluation": {"revision": survey.revision, "title": "Evaluering av dagen"},
        f"POST {E}/evaluation/questions": {"kind": "scale", "text": "Hvor nyttig var dagen?"},
        f"DELETE {E}/evaluation/questions/{{question_id}}": {},
        f"POST {E}/evaluation/open": {},
        f"POST {E}/evaluation/remind": {},
        f"POST {E}/evaluation/close": {},
        f"POST {E}/evaluation/attach": {"item_id": item.pk},
        f"POST {P}/events/{{event_slug}}/registrations": {
            "name": "Oda Offentlig",
            "email": "oda@example.no",
        },
        f"POST {P}/evaluations/{{participant_token}}": {"answers": {str(public_question.pk): 4}},
        f"POST {P}/registrations/{{participant_token}}/cancel": {},
        f"POST {P}/registrations/{{participant_token}}/accept": {},
    }
    return AppWalk(
        params=params,
        bodies=bodies,
        markers=[SECRET_PARTICIPANT, SECRET_NEEDS, SECRET_SESSION, SECRET_QUESTION],
        pages=pages,
    )
