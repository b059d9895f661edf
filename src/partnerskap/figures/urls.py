from django.urls import path

from . import import_views, views

app_name = "figures"

urlpatterns = [
    path("partnerskap/<int:pk>/nokkeltall/", views.overview, name="overview"),
    path("partnerskap/<int:pk>/nokkeltall/nokkeltall.pdf", views.overview_pdf, name="overview_pdf"),
    path("partnerskap/<int:pk>/nokkeltall/perioder/", views.comparison, name="comparison"),
    path("partnerskap/<int:pk>/nokkeltall/fylket/", views.county, name="county"),
    path("partnerskap/<int:pk>/nokkeltall/fylket.pdf", views.county_pdf, name="county_pdf"),
    path(
        "partnerskap/<int:pk>/nokkeltall/import/", import_views.import_upload, name="import_upload"
    ),
    path(
        "partnerskap/<int:pk>/nokkeltall/import/<int:batch_id>/",
        import_views.import_preview,
        name="import_preview",
    ),
    path(
        "partnerskap/<int:pk>/nokkeltall/import/<int:batch_id>/kolonner/",
        import_views.import_columns,
        name="import_columns",
    ),
    path(
        "partnerskap/<int:pk>/nokkeltall/import/<int:batch_id>/lagre/",
        import_views.import_commit,
        name="import_commit",
    ),
    path(
        "partnerskap/<int:pk>/nokkeltall/import/<int:batch_id>/forkast/",
        import_views.import_discard,
        name="import_discard",
    ),
    path("partnerskap/<int:pk>/nokkeltall/nytt-tall/", views.manual_entry, name="manual_entry"),
    path("partnerskap/<int:pk>/statusrapporter/ny/", views.report_create, name="report_create"),
    path("statusrapporter/<int:pk>/", views.report_detail, name="report_detail"),
    path("statusrapporter/<int:pk>/statusrapport.pdf", views.report_pdf, name="report_pdf"),
    path("statusrapporter/<int:pk>/endre/", views.report_edit, name="report_edit"),
    path("statusrapporter/<int:pk>/figurer/ny/", views.block_add, name="block_add"),
    path("statusrapport-figurer/<int:pk>/fjern/", views.block_remove, name="block_remove"),
]
