from django.urls import path

from . import classification_views, views

app_name = "registry"

urlpatterns = [
    path("partnerskap/", views.partnership_list, name="partnership_list"),
    path("partnerskap/ny/", views.partnership_create, name="partnership_create"),
    path("partnerskap/<int:pk>/", views.partnership_detail, name="partnership_detail"),
    path(
        "partnerskap/<int:pk>/endringslogg/",
        views.partnership_history,
        name="partnership_history",
    ),
    path("partnerskap/<int:pk>/rediger/", views.partnership_edit, name="partnership_edit"),
    path(
        "partnerskap/<int:pk>/roller/ny/", views.partnership_role_add, name="partnership_role_add"
    ),
    path("kontor/", views.office_list, name="office_list"),
    path("kontor/ny/", views.office_create, name="office_create"),
    path("kontor/<int:pk>/", views.office_detail, name="office_detail"),
    path("kontor/<int:pk>/rediger/", views.office_edit, name="office_edit"),
    path("kontor/<int:pk>/apningstider/", views.office_opening_hours, name="office_opening_hours"),
    path("fylker/", views.county_list, name="county_list"),
    path("fylker/ny/", views.county_create, name="county_create"),
    path("fylker/<int:pk>/", views.county_detail, name="county_detail"),
    path("fylker/<int:pk>/rediger/", views.county_edit, name="county_edit"),
    path("tjenesteomrader/", views.service_area_list, name="service_area_list"),
    path("tjenesteomrader/ny/", views.service_area_create, name="service_area_create"),
    path("tjenesteomrader/<int:pk>/", views.service_area_detail, name="service_area_detail"),
    path("tjenesteomrader/<int:pk>/rediger/", views.service_area_edit, name="service_area_edit"),
    path(
        "kommuner/klassifikasjon/",
        classification_views.classification_import,
        name="classification_import",
    ),
    path("kommuner/", views.municipality_list, name="municipality_list"),
    path("kommuner/ny/", views.municipality_create, name="municipality_create"),
    path("kommuner/<int:pk>/", views.municipality_detail, name="municipality_detail"),
    path("kommuner/<int:pk>/rediger/", views.municipality_edit, name="municipality_edit"),
]
