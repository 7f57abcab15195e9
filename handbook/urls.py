"""The handbook's addresses, all under /handbook/ and all for signed-in staff.

Two namespaces: the handbook's own pages (handbook:...) and the guide engine's editor pages, mounted for the
handbook's audience under /handbook/manage/ (handbook-editor:..., which the shared editor templates reach as
practice_guide:... through Django's current application)."""

from django.urls import include, path

from handbook import manage_views, views
from practice_guide.manage_urls import editor_patterns
from practice_guide.models import Audience, Kind

handbook_pages = (
    [
        path("", views.index, name="index"),
        path("search/", views.search, name="search"),
        path("print/", views.print_handbook, name="print"),
        path("reading/", views.reading_report, name="reading-report"),
        path("required-reading/", manage_views.required_reading, name="required-reading"),
        path("required-reading/<int:pk>/", manage_views.required_reading_edit, name="required-reading-edit"),
        path("tools/<int:pk>/links/", manage_views.tool_links, name="tool-links"),
        path("<slug:slug>/", views.page, name="page"),
        path("<slug:slug>/print/", views.print_page, name="print-page"),
        path("<slug:slug>/read/", views.confirm_read, name="confirm-read"),
    ],
    "handbook",
)

editor_pages = (
    editor_patterns(
        Audience.STAFF,
        preview_view=manage_views.page_preview,
        new_pages=[
            (Kind.MODEL, "new/model/", "manage-create-model"),
            (Kind.TOOL, "new/tool/", "manage-create-tool"),
            (Kind.LEARNING, "new/learning/", "manage-create-learning"),
        ],
    ),
    "practice_guide",
)

urlpatterns = [
    # Before the handbook's pages, so "manage" is never read as a page's address.
    path("manage/", include(editor_pages, namespace="handbook-editor")),
    path("", include(handbook_pages)),
]
