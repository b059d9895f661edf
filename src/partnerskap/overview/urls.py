from django.urls import path

from . import views

app_name = "overview"

urlpatterns = [
    path("oversikt/", views.county_overview, name="county_overview"),
    path("oversikt.xlsx", views.county_overview_xlsx, name="county_overview_xlsx"),
]
