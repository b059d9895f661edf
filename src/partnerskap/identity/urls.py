from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("innlogging/ingen-tilgang/", views.no_access, name="no_access"),
    path("innlogging/via/<slug:provider>/", views.start, name="start"),
    path("innlogging/via/<slug:provider>/tilbake/", views.callback, name="callback"),
    path("personer/innlogginger/", views.pending, name="pending"),
    path("personer/innlogginger/koblet/", views.connected, name="connected"),
    path("personer/innlogginger/<int:pk>/koble/", views.connect, name="connect"),
    path("personer/innlogginger/<int:pk>/koble-fra/", views.disconnect, name="disconnect"),
]
