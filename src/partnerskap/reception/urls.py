from django.urls import path

from . import views

app_name = "reception"

urlpatterns = [
    path("kontor/<int:pk>/mottak/", views.office_reception, name="office_reception"),
    path("partnerskap/<int:pk>/mottak/", views.partnership_reception, name="partnership_reception"),
    path("kontor/<int:pk>/mottak/steder/ny/", views.location_create, name="location_create"),
    path("kontor/<int:pk>/mottak/import/", views.import_upload, name="import_upload"),
    path("kontor/<int:pk>/mottak/analyse/", views.analysis, name="analysis"),
    path("kontor/<int:pk>/mottak/scenarioer/ny/", views.scenario_create, name="scenario_create"),
    path("mottak/steder/<int:pk>/", views.location_detail, name="location_detail"),
    path("mottak/steder/<int:pk>/rediger/", views.location_edit, name="location_edit"),
    path("mottak/steder/<int:pk>/apningstider/", views.location_hours, name="location_hours"),
    path("mottak/steder/<int:pk>/skranke/", views.counter, name="counter"),
    path("mottak/steder/<int:pk>/besok/ny/", views.visit_add, name="visit_add"),
    path("mottak/steder/<int:pk>/tellinger/ny/", views.totals_add, name="totals_add"),
    path("mottak/besok/<int:pk>/slett/", views.visit_delete, name="visit_delete"),
    path("mottak/import/<int:pk>/", views.import_preview, name="import_preview"),
    path("mottak/scenarioer/<int:pk>/", views.scenario_detail, name="scenario_detail"),
    path("mottak/scenarioer/<int:pk>/rediger/", views.scenario_edit, name="scenario_edit"),
    path("mottak/scenarioer/<int:pk>/endringer/ny/", views.change_add, name="change_add"),
    path("mottak/scenarioer/<int:pk>/rapport.pdf", views.scenario_pdf_view, name="scenario_pdf"),
    path("mottak/scenarioer/<int:pk>/legg-ved/", views.scenario_attach, name="scenario_attach"),
    path("mottak/endringer/<int:pk>/slett/", views.change_remove, name="change_remove"),
]
