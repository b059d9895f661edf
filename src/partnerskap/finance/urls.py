from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("partnerskap/<int:pk>/driftsavtaler/", views.agreement_list, name="agreement_list"),
    path("partnerskap/<int:pk>/driftsavtaler/ny/", views.agreement_create, name="agreement_create"),
    path("driftsavtaler/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("driftsavtaler/<int:pk>/rediger/", views.agreement_edit, name="agreement_edit"),
    path("driftsavtaler/<int:pk>/perioder/ny/", views.period_create, name="period_create"),
    path("driftsavtaler/perioder/<int:pk>/", views.period_detail, name="period_detail"),
    path("driftsavtaler/perioder/<int:pk>/rediger/", views.period_edit, name="period_edit"),
    path("driftsavtaler/perioder/<int:pk>/medlemmer/", views.member_weights, name="member_weights"),
    path(
        "driftsavtaler/perioder/<int:pk>/tjenester/ny/",
        views.special_service_add,
        name="special_service_add",
    ),
    path(
        "driftsavtaler/tjenester/<int:pk>/fjern/",
        views.special_service_remove,
        name="special_service_remove",
    ),
    path(
        "driftsavtaler/perioder/<int:pk>/oppgjor.pdf", views.settlement_pdf, name="settlement_pdf"
    ),
    path(
        "driftsavtaler/perioder/<int:pk>/oppgjor.xlsx",
        views.settlement_xlsx,
        name="settlement_xlsx",
    ),
    path("partnerskap/<int:pk>/budsjett/", views.budget_list, name="budget_list"),
    path("partnerskap/<int:pk>/budsjett/nytt/", views.budget_create, name="budget_create"),
    path("budsjett/<int:pk>/", views.budget_detail, name="budget_detail"),
    path("budsjett/<int:pk>/rediger/", views.budget_edit, name="budget_edit"),
    path("budsjett/<int:pk>/import/", views.budget_import, name="budget_import"),
    path("budsjett/<int:pk>/rapport.pdf", views.budget_pdf, name="budget_pdf"),
    path("budsjett/<int:pk>/budsjett.xlsx", views.budget_xlsx, name="budget_xlsx"),
]
