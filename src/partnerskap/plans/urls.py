from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("partnerskap/<int:pk>/planer/", views.plan_list, name="plan_list"),
    path("partnerskap/<int:pk>/planer/ny/", views.plan_create, name="plan_create"),
    path(
        "partnerskap/<int:pk>/brukermedvirkning/ny/",
        views.evaluation_create,
        name="evaluation_create",
    ),
    path("planer/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("planer/<int:pk>/seksjoner/ny/", views.section_add, name="section_add"),
    path("planer/seksjoner/<int:pk>/", views.section_edit, name="section_edit"),
    path("planer/<int:pk>/mal/", views.plan_goals, name="plan_goals"),
    path("planer/<int:pk>/tiltak/ny/", views.measure_add, name="measure_add"),
    path("planer/<int:pk>/send/", views.plan_submit, name="plan_submit"),
    path("planer/<int:pk>/godkjenn/", views.plan_approve, name="plan_approve"),
    path("planer/<int:pk>/ny-versjon/", views.plan_revise, name="plan_revise"),
    path("planer/versjoner/<int:pk>/", views.version_detail, name="version_detail"),
    path("planer/versjoner/<int:pk>.pdf", views.version_download, name="version_download"),
    path("brukermedvirkning/<int:pk>/", views.evaluation_detail, name="evaluation_detail"),
]
