from django.urls import path

from . import signal_views, views

app_name = "goals"

urlpatterns = [
    path("partnerskap/<int:pk>/mal/", views.goal_list, name="goal_list"),
    path("partnerskap/<int:pk>/mal/ny/", views.goal_create, name="goal_create"),
    path("partnerskap/<int:pk>/mal/mal-og-resultater.pdf", views.goals_pdf, name="goals_pdf"),
    path("partnerskap/<int:pk>/mal/til-sakliste/", views.paper_attach, name="paper_attach"),
    path("mal/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("mal/<int:pk>/rediger/", views.goal_edit, name="goal_edit"),
    path("mal/<int:pk>/indikatorer/ny/", views.indicator_add, name="indicator_add"),
    path("mal/indikatorer/<int:pk>/maltall/", views.target_set, name="target_set"),
    path("mal/indikatorer/<int:pk>/maling/", views.measurement_add, name="measurement_add"),
    path("partnerskap/<int:pk>/styringssignaler/", signal_views.signal_list, name="signal_list"),
    path(
        "partnerskap/<int:pk>/styringssignaler/ny/",
        signal_views.signal_create,
        name="signal_create",
    ),
]
