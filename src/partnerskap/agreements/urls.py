from django.urls import path  # noqa: F401 - the app's pages go here

app_name = "agreements"

urlpatterns: list = []
