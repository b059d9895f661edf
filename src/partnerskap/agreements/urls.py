from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("partnerskap/<int:pk>/avtaler/", views.agreement_list, name="agreement_list"),
    path("partnerskap/<int:pk>/avtaler/ny/", views.agreement_create, name="agreement_create"),
    path("avtaler/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("avtaler/<int:pk>/fyll-ut/", views.agreement_fill, name="agreement_fill"),
    path("avtaler/<int:pk>/mangler/", views.agreement_completeness, name="agreement_completeness"),
    path("avtaler/<int:pk>/vedlegg/ny/", views.attachment_add, name="attachment_add"),
    path("avtaler/vedlegg/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("avtaler/<int:pk>/horing/", views.hearing_start, name="hearing_start"),
    path("avtaler/<int:pk>/horing/innspill/", views.hearing_comment, name="hearing_comment"),
    path("avtaler/innspill/<int:pk>/svar/", views.comment_answer, name="comment_answer"),
    path("avtaler/<int:pk>/enige/", views.agreement_agree, name="agreement_agree"),
    path("avtaler/<int:pk>/signer/", views.agreement_sign, name="agreement_sign"),
    path("avtaler/<int:pk>/i-kraft/", views.agreement_in_force, name="agreement_in_force"),
    path("avtaler/<int:pk>/versjoner/", views.version_compare, name="version_compare"),
    path("avtaler/<int:pk>/avtale.pdf", views.agreement_pdf, name="agreement_pdf"),
    path("avtaler/<int:pk>/avtale.docx", views.agreement_docx, name="agreement_docx"),
    path("avtalemaler/", views.template_list, name="template_list"),
    path("avtalemaler/last-opp/", views.template_upload, name="template_upload"),
]
