from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("prosjekter/", views.project_list, name="project_list"),
    path("prosjekter/ny/", views.project_create, name="project_create"),
    path("prosjekter/fylke/<int:pk>/", views.portfolio, name="portfolio"),
    path(
        "partnerskap/<int:pk>/prosjekter/", views.partnership_projects, name="partnership_projects"
    ),
    path("prosjekter/<int:pk>/", views.project_detail, name="project_detail"),
    path("prosjekter/<int:pk>/rediger/", views.project_edit, name="project_edit"),
    path("prosjekter/<int:pk>/piloter/ny/", views.pilot_add, name="pilot_add"),
    path("prosjekter/piloter/<int:pk>/", views.pilot_detail, name="pilot_detail"),
    path("prosjekter/<int:pk>/status/", views.status_update, name="status_update"),
    path("prosjekter/<int:pk>/status/ny-rad/", views.row_add, name="row_add"),
    path("prosjekter/<int:pk>/milepaeler/ny/", views.milestone_add, name="milestone_add"),
    path("prosjekter/milepaeler/<int:pk>/utfort/", views.milestone_done, name="milestone_done"),
    path("prosjekter/<int:pk>/risikoer/ny/", views.risk_add, name="risk_add"),
    path("prosjekter/<int:pk>/beslutninger/ny/", views.decision_add, name="decision_add"),
    path(
        "prosjekter/beslutninger/<int:pk>/til-sakliste/",
        views.decision_raise,
        name="decision_raise",
    ),
    path(
        "prosjekter/<int:pk>/kommunikasjon/ny/",
        views.communication_add,
        name="communication_add",
    ),
    path("prosjekter/<int:pk>/statusrapport.pdf", views.report_preview, name="report_preview"),
    path("prosjekter/<int:pk>/statusrapport/", views.report_attach, name="report_attach"),
]
