"""The editors' pages. The guide's are under /guide/manage/ (practice_guide/urls.py), named in the guide's
namespace (practice_guide:manage...), always in English: they are not under a language prefix.

The pages for writing, publishing and keeping the history of a page are shared with the practice handbook:
``editor_patterns(Audience.STAFF, ...)`` gives the handbook the same views, which it mounts under its own
namespace (handbook/urls.py), each told which audience's pages it may reach.
"""

from django.urls import path

from practice_guide import manage_views, picture_views, translation_views
from practice_guide.models import Audience, Kind


def editor_patterns(audience: str, *, preview_view=manage_views.part_preview, new_pages=()) -> list:
    """The shared editor's pages for one audience. ``new_pages`` is (kind, route, URL name) for each kind of page
    the audience adds besides a plain part; ``preview_view`` shows a draft as its readers will see it."""
    given = {"audience": audience}
    return [
        path("", manage_views.part_list, given, name="manage"),
        *(path(route, manage_views.part_create, {**given, "kind": kind}, name=name) for kind, route, name in new_pages),
        path("readability/", manage_views.readability_check, given, name="manage-readability"),
        path("<int:pk>/", manage_views.part_edit, given, name="manage-edit"),
        path("<int:pk>/preview/", preview_view, given, name="manage-preview"),
        path("<int:pk>/publish/", manage_views.part_publish, given, name="manage-publish"),
        path("<int:pk>/schedule/", manage_views.part_schedule, given, name="manage-schedule"),
        path("<int:pk>/unpublish/", manage_views.part_unpublish, given, name="manage-unpublish"),
        path("<int:pk>/move/", manage_views.part_move, given, name="manage-move"),
        path("<int:pk>/history/", manage_views.part_history, given, name="manage-history"),
        path("<int:pk>/compare/", manage_views.part_compare, given, name="manage-compare"),
        path("<int:pk>/restore/<int:number>/", manage_views.part_restore, given, name="manage-restore"),
    ]


urlpatterns = [
    # Translations (practice_guide/translation_views.py)
    path("translations/", translation_views.translation_list, name="manage-translations"),
    path("<int:pk>/translations/<str:language>/", translation_views.translation_edit, name="manage-translation-edit"),
    path(
        "<int:pk>/translations/<str:language>/delete/",
        translation_views.translation_delete,
        name="manage-translation-delete",
    ),
    path(
        "glossary/<int:pk>/translations/<str:language>/",
        translation_views.glossary_translation_edit,
        name="manage-glossary-translation-edit",
    ),
    path(
        "glossary/<int:pk>/translations/<str:language>/delete/",
        translation_views.glossary_translation_delete,
        name="manage-glossary-translation-delete",
    ),
    path("feedback/", manage_views.feedback_report, name="manage-feedback"),
    path("feedback.csv", manage_views.feedback_csv, name="manage-feedback-csv"),
    path("pictures/", picture_views.picture_search, name="manage-pictures"),
    path("pictures/search.json", picture_views.picture_search_json, name="manage-pictures-search"),
    path("glossary/", manage_views.glossary_list, name="manage-glossary"),
    path("glossary/new/", manage_views.glossary_edit, name="manage-glossary-create"),
    path("glossary/<int:pk>/", manage_views.glossary_edit, name="manage-glossary-edit"),
    path("glossary/<int:pk>/delete/", manage_views.glossary_delete, name="manage-glossary-delete"),
    *editor_patterns(
        Audience.FAMILIES,
        new_pages=[(Kind.PART, "new/", "manage-create"), (Kind.STEP, "new-step/", "manage-create-step")],
    ),
]
