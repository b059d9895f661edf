from django.urls import path

from . import views

app_name = "conferences"

urlpatterns = [
    path("arrangementer/", views.event_list, name="event_list"),
    path("arrangementer/ny/", views.event_create, name="event_create"),
    path(
        "partnerskap/<int:pk>/arrangementer/", views.partnership_events, name="partnership_events"
    ),
    path("arrangementer/<int:pk>/", views.event_detail, name="event_detail"),
    path("arrangementer/<int:pk>/rediger/", views.event_edit, name="event_edit"),
    path("arrangementer/<int:pk>/frist/", views.deadline_extend, name="deadline_extend"),
    path("arrangementer/<int:pk>/program/", views.programme, name="programme"),
    path("arrangementer/<int:pk>/program/ny-okt/", views.session_add, name="session_add"),
    path(
        "arrangementer/<int:pk>/program/publiser/",
        views.programme_publish,
        name="programme_publish",
    ),
    path("arrangementer/okter/<int:pk>/rediger/", views.session_edit, name="session_edit"),
    path("arrangementer/okter/<int:pk>/slett/", views.session_remove, name="session_remove"),
    path("arrangementer/<int:pk>/pameldinger/", views.registration_list, name="registration_list"),
    path("arrangementer/<int:pk>/pameldinger/ny/", views.registration_add, name="registration_add"),
    path(
        "arrangementer/<int:pk>/deltakere.xlsx", views.registrations_xlsx, name="registrations_xlsx"
    ),
    path("arrangementer/<int:pk>/navneskilt.pdf", views.badges, name="badges"),
    path(
        "arrangementer/pameldinger/<int:pk>/avmeld/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("arrangementer/<int:pk>/organisasjoner/", views.organisations, name="organisations"),
    path(
        "arrangementer/<int:pk>/organisasjoner/purring/",
        views.municipalities_remind,
        name="municipalities_remind",
    ),
    path("arrangementer/<int:pk>/invitasjoner/", views.invitations, name="invitations"),
    path("arrangementer/<int:pk>/innsjekk/", views.check_in, name="check_in"),
    path("arrangementer/<int:pk>/evaluering/", views.evaluation, name="evaluation"),
    path("arrangementer/<int:pk>/evaluering/ny/", views.survey_create, name="survey_create"),
    path("arrangementer/<int:pk>/evaluering/rediger/", views.survey_edit, name="survey_edit"),
    path("arrangementer/<int:pk>/evaluering/sporsmal/ny/", views.question_add, name="question_add"),
    path("arrangementer/<int:pk>/evaluering/apne/", views.survey_open, name="survey_open"),
    path("arrangementer/<int:pk>/evaluering/purring/", views.survey_remind, name="survey_remind"),
    path("arrangementer/<int:pk>/evaluering/lukk/", views.survey_close, name="survey_close"),
    path(
        "arrangementer/<int:pk>/evaluering/oppsummering.pdf",
        views.summary_pdf_view,
        name="summary_pdf",
    ),
    path(
        "arrangementer/<int:pk>/evaluering/svar.xlsx", views.answers_xlsx_view, name="answers_xlsx"
    ),
    path(
        "arrangementer/<int:pk>/evaluering/legg-ved/", views.summary_attach, name="summary_attach"
    ),
    path("arrangementer/sporsmal/<int:pk>/slett/", views.question_remove, name="question_remove"),
    # Public: no login. The slugs "deltaker" and "evaluering" are reserved (models.RESERVED_SLUGS).
    path(
        "offentlig/arrangementer/deltaker/<str:participant_token>/",
        views.participant,
        name="participant",
    ),
    path(
        "offentlig/arrangementer/deltaker/<str:participant_token>/avmeld/",
        views.participant_cancel,
        name="participant_cancel",
    ),
    path(
        "offentlig/arrangementer/deltaker/<str:participant_token>/ta-imot/",
        views.participant_accept,
        name="participant_accept",
    ),
    path(
        "offentlig/arrangementer/evaluering/<str:participant_token>/",
        views.evaluation_answer,
        name="evaluation_answer",
    ),
    path("offentlig/arrangementer/", views.public_events, name="public_events"),
    path("offentlig/arrangementer/<slug:event_slug>/", views.public_event, name="public_event"),
    path(
        "offentlig/arrangementer/<slug:event_slug>/pamelding/",
        views.public_register,
        name="public_register",
    ),
]
