from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    # people, for administrators
    path("personer/", views.people_list, name="people"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/innlogging/", views.person_login, name="person_login"),
    # bodies and their year
    path("organer/", views.body_list, name="body_list"),
    path("organer/ny/", views.body_create, name="body_create"),
    path("organer/<int:pk>/", views.body_detail, name="body_detail"),
    path("organer/<int:pk>/medlemmer/ny/", views.body_member_add, name="body_member_add"),
    path(
        "organer/medlemmer/<int:pk>/innkalling/",
        views.member_send_notice,
        name="member_send_notice",
    ),
    path("organer/<int:pk>/moter/ny/", views.meeting_schedule, name="meeting_schedule"),
    path("organer/<int:pk>/arshjul/ny/", views.annual_plan_create, name="annual_plan_create"),
    path("organer/<int:pk>/arshjul/<int:year>/", views.annual_plan, name="annual_plan"),
    path("organer/<int:pk>/kalender.ics", views.body_ics, name="body_ics"),
    # personal calendar addresses (docs/decisions/0065)
    path("kalender/", views.calendar_feeds, name="calendar_feeds"),
    path("kalender/ny/", views.calendar_feed_create, name="calendar_feed_create"),
    path("kalender/trekk-tilbake/", views.calendar_feed_revoke, name="calendar_feed_revoke"),
    path("kalender/<uuid:feed>/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    # a meeting and its steps
    path("moter/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("moter/<int:pk>/innkalling/", views.meeting_send_notice, name="meeting_send_notice"),
    path("moter/<int:pk>/oppmote/", views.meeting_attendance, name="meeting_attendance"),
    path("moter/<int:pk>/avholdt/", views.meeting_mark_held, name="meeting_mark_held"),
    path(
        "moter/<int:pk>/etterregistrer/",
        views.meeting_record_afterwards,
        name="meeting_record_afterwards",
    ),
    path("moter/<int:pk>/avlys/", views.meeting_cancel, name="meeting_cancel"),
    path("moter/<int:pk>/endre/", views.meeting_edit, name="meeting_edit"),
    path("moter/<int:pk>/saker/ny/", views.item_add, name="item_add"),
    path("moter/<int:pk>/saker/rekkefolge/", views.item_reorder, name="item_reorder"),
    path(
        "moter/<int:pk>/referat/innledning/",
        views.minutes_introduction,
        name="minutes_introduction",
    ),
    path(
        "moter/<int:pk>/referat/horing/",
        views.minutes_send_for_comments,
        name="minutes_send_for_comments",
    ),
    path("moter/<int:pk>/referat/kommentar/", views.minutes_comment, name="minutes_comment"),
    path("moter/<int:pk>/referat/godkjenn/", views.minutes_approve, name="minutes_approve"),
    path("moter/<int:pk>/referat/publiser/", views.minutes_publish, name="minutes_publish"),
    path("moter/<int:pk>/referat/rett/", views.minutes_correct, name="minutes_correct"),
    path(
        "moter/<int:pk>/referat/versjon/<int:number>/",
        views.minutes_version,
        name="minutes_version",
    ),
    # the meeting's documents
    path("moter/<int:pk>/innkalling.pdf", views.notice_pdf, name="notice_pdf"),
    path("moter/<int:pk>/innkalling.docx", views.notice_docx, name="notice_docx"),
    path("moter/<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("moter/<int:pk>/referat.docx", views.minutes_docx, name="minutes_docx"),
    path("moter/<int:pk>/mote.ics", views.meeting_ics, name="meeting_ics"),
    # agenda items, attachments and follow-ups
    path("saker/<int:pk>/rediger/", views.item_edit, name="item_edit"),
    path("saker/<int:pk>/flytt/", views.item_move, name="item_move"),
    path("saker/<int:pk>/send-videre/", views.item_forward, name="item_forward"),
    path("saker/<int:pk>/trekk/", views.item_withdraw, name="item_withdraw"),
    path("saker/<int:pk>/vedlegg/ny/", views.attachment_add, name="attachment_add"),
    path("saker/<int:pk>/oppfolginger/ny/", views.action_add, name="action_add"),
    path("saker/<int:pk>/vedtak.pdf", views.decision_excerpt_pdf, name="decision_excerpt_pdf"),
    path("vedlegg/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("oppfolginger/<int:pk>/", views.action_update, name="action_update"),
    path("mine-oppfolginger/", views.my_actions, name="my_actions"),
    # the invitee's answer through the notice's personal link, no login (decisions/0066)
    path("moter/svar/<str:token>/", views.notice_answer, name="notice_answer"),
    # public pages, no login
    path("offentlig/partnerskap/<int:pk>/", views.public_partnership, name="public_partnership"),
    path("offentlig/<slug:slug>/", views.public_body, name="public_body"),
    path("offentlig/<slug:slug>/<int:pk>/", views.public_meeting, name="public_meeting"),
    path(
        "offentlig/<slug:slug>/<int:pk>/referat.pdf",
        views.public_minutes_pdf,
        name="public_minutes_pdf",
    ),
    path(
        "offentlig/<slug:slug>/<int:pk>/vedlegg/<int:attachment>/",
        views.public_attachment,
        name="public_attachment",
    ),
]
