from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    """Events only: registrations are personal data, seen through the event's own pages."""

    list_display = ["title", "first_day", "last_day", "place", "capacity"]
    search_fields = ["title", "slug"]
    list_select_related = ["organiser_county", "organiser_partnership"]
