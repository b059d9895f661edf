from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    County,
    Municipality,
    Office,
    OpeningHours,
    Owner,
    Partnership,
    Role,
    ServiceArea,
)


@admin.register(County)
class CountyAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "valid_from", "valid_to"]
    search_fields = ["name", "number"]


@admin.register(ServiceArea)
class ServiceAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "county", "valid_from", "valid_to"]
    list_select_related = ["county"]


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "county", "valid_from", "valid_to", "replaced_by"]
    list_select_related = ["county", "replaced_by"]
    search_fields = ["name", "number"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["unit_number", "name", "county", "valid_from", "valid_to"]
    list_select_related = ["county"]
    search_fields = ["name", "unit_number"]
    inlines = [OpeningHoursInline]


class OwnerInline(admin.TabularInline):
    model = Owner
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "office", "model", "valid_from", "valid_to"]
    list_select_related = ["office"]
    search_fields = ["name"]
    inlines = [OwnerInline]


@admin.register(Role)
class RoleAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "partnership", "county", "valid_from", "valid_to"]
    list_select_related = ["person", "partnership", "county"]
    list_filter = ["kind"]
    autocomplete_fields = ["person"]
