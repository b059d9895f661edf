from django.urls import path

from . import views

app_name = "annual"

urlpatterns = [
    path("partnerskap/<int:pk>/arshjul/", views.wheel_now, name="wheel_now"),
    path("partnerskap/<int:pk>/arshjul/<int:year>/", views.wheel, name="wheel"),
    path("partnerskap/<int:pk>/kommunestyret/<int:year>/", views.report, name="report"),
    path(
        "partnerskap/<int:pk>/kommunestyret/<int:year>/rediger/",
        views.report_edit,
        name="report_edit",
    ),
    path(
        "partnerskap/<int:pk>/kommunestyret/<int:year>/send/",
        views.report_send,
        name="report_send",
    ),
    path("kommunestyret/versjoner/<int:pk>.docx", views.version_docx, name="version_docx"),
    path("kommunestyret/versjoner/<int:pk>.pdf", views.version_pdf, name="version_pdf"),
]
