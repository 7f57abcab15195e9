"""The admin, for system administrators: people, teams, services and roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm

from portal.models import Service, Team, User

admin.site.site_header = "Practice portal administration"
admin.site.site_title = "Practice portal administration"


class PersonCreationForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class PersonChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    ordering = ("full_name",)
    list_display = ("full_name", "email", "team", "job_title", "line_manager", "is_newly_qualified", "is_active")
    list_filter = ("team__service", "team", "groups", "is_newly_qualified", "is_active", "is_staff")
    list_select_related = ("team", "line_manager")
    search_fields = ("full_name", "email", "job_title")
    autocomplete_fields = ("team", "line_manager")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("full_name", "job_title", "team", "line_manager")}),
        ("Working pattern", {"fields": ("start_date", "is_newly_qualified", "working_hours")}),
        ("Roles", {"fields": ("groups",), "description": "A person may hold several roles."}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)
    filter_horizontal = ("groups", "user_permissions")


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    search_fields = ("name",)
    inlines = [TeamInline]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "service")
    list_filter = ("service",)
    search_fields = ("name", "service__name")
