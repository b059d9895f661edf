from django.urls import path

from . import views

app_name = "archive"

urlpatterns = [
    path("arkivuttrekk/", views.extract_index, name="extract_index"),
    path("organer/<int:pk>/arkivuttrekk/", views.extract, name="extract"),
    path("offentlig/", views.public_index, name="public_index"),
    path("offentlig/<slug:slug>/moter/", views.public_upcoming, name="public_upcoming"),
    path("offentlig/<slug:slug>/atom.xml", views.public_feed, name="public_feed"),
]
