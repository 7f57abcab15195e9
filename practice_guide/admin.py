"""For system administrators only. Editors use /guide/manage/, which keeps history and the cache right."""

from django.contrib import admin

from practice_guide.models import GuidePart, PageFeedback, PartEvent, Revision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GuidePart)
class GuidePartAdmin(ReadOnlyAdmin):
    list_display = ("slug", "position", "published", "draft", "publish_at")
    list_select_related = ("published", "draft")


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ("part", "number", "title", "created_by", "created_at", "first_published_at")
    list_select_related = ("part__draft", "created_by")


@admin.register(PartEvent)
class PartEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "part", "action", "by", "note")
    list_select_related = ("part__draft", "by")


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "part", "useful", "reader")
    list_filter = ("useful", "reader")
    list_select_related = ("part__draft",)
