"""The editors' pages, under /guide/manage/ (practice_guide/urls.py). Their names are in the guide's
namespace (practice_guide:manage...). Always in English: they are not under a language prefix."""

from django.urls import path

from practice_guide import manage_views, picture_views, translation_views
from practice_guide.models import Kind

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
    path("", manage_views.part_list, name="manage"),
    path("new/", manage_views.part_create, name="manage-create"),
    path("new-step/", manage_views.part_create, {"kind": Kind.STEP}, name="manage-create-step"),
    path("feedback/", manage_views.feedback_report, name="manage-feedback"),
    path("feedback.csv", manage_views.feedback_csv, name="manage-feedback-csv"),
    path("readability/", manage_views.readability_check, name="manage-readability"),
    path("pictures/", picture_views.picture_search, name="manage-pictures"),
    path("pictures/search.json", picture_views.picture_search_json, name="manage-pictures-search"),
    path("glossary/", manage_views.glossary_list, name="manage-glossary"),
    path("glossary/new/", manage_views.glossary_edit, name="manage-glossary-create"),
    path("glossary/<int:pk>/", manage_views.glossary_edit, name="manage-glossary-edit"),
    path("glossary/<int:pk>/delete/", manage_views.glossary_delete, name="manage-glossary-delete"),
    path("<int:pk>/", manage_views.part_edit, name="manage-edit"),
    path("<int:pk>/preview/", manage_views.part_preview, name="manage-preview"),
    path("<int:pk>/publish/", manage_views.part_publish, name="manage-publish"),
    path("<int:pk>/schedule/", manage_views.part_schedule, name="manage-schedule"),
    path("<int:pk>/unpublish/", manage_views.part_unpublish, name="manage-unpublish"),
    path("<int:pk>/move/", manage_views.part_move, name="manage-move"),
    path("<int:pk>/history/", manage_views.part_history, name="manage-history"),
    path("<int:pk>/compare/", manage_views.part_compare, name="manage-compare"),
    path("<int:pk>/restore/<int:number>/", manage_views.part_restore, name="manage-restore"),
]
