from django.urls import path

from . import views

app_name = "overview"

urlpatterns = [
    path("oversikt/", views.county_overview, name="county_overview"),
    path("oversikt.xlsx", views.county_overview_xlsx, name="county_overview_xlsx"),
    path("registre/oppfolginger/", views.follow_ups, name="follow_ups"),
    path("registre/vedtak/", views.decisions, name="decisions"),
]
