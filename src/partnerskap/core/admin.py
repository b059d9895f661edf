from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, User


@admin.register(User)
class PersonAdmin(UserAdmin, SimpleHistoryAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Partnerskap", {"fields": ("job_title", "organisation", "phone")}),
    )
    list_display = ["username", "first_name", "last_name", "job_title", "organisation", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "last_used_at"]
    list_select_related = ["user"]
