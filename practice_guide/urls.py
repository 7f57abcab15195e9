from django.urls import path

from practice_guide import manage_views, views

app_name = "practice_guide"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("print/", views.print_view, name="print"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search, name="search"),
    path("version/<str:reader>/", views.choose_reader, name="choose-reader"),
    # Editors
    path("manage/", manage_views.part_list, name="manage"),
    path("manage/new/", manage_views.part_create, name="manage-create"),
    path("manage/feedback/", manage_views.feedback_report, name="manage-feedback"),
    path("manage/feedback.csv", manage_views.feedback_csv, name="manage-feedback-csv"),
    path("manage/readability/", manage_views.readability_check, name="manage-readability"),
    path("manage/glossary/", manage_views.glossary_list, name="manage-glossary"),
    path("manage/glossary/new/", manage_views.glossary_edit, name="manage-glossary-create"),
    path("manage/glossary/<int:pk>/", manage_views.glossary_edit, name="manage-glossary-edit"),
    path("manage/glossary/<int:pk>/delete/", manage_views.glossary_delete, name="manage-glossary-delete"),
    path("manage/<int:pk>/", manage_views.part_edit, name="manage-edit"),
    path("manage/<int:pk>/preview/", manage_views.part_preview, name="manage-preview"),
    path("manage/<int:pk>/publish/", manage_views.part_publish, name="manage-publish"),
    path("manage/<int:pk>/schedule/", manage_views.part_schedule, name="manage-schedule"),
    path("manage/<int:pk>/unpublish/", manage_views.part_unpublish, name="manage-unpublish"),
    path("manage/<int:pk>/move/", manage_views.part_move, name="manage-move"),
    path("manage/<int:pk>/history/", manage_views.part_history, name="manage-history"),
    path("manage/<int:pk>/compare/", manage_views.part_compare, name="manage-compare"),
    path("manage/<int:pk>/restore/<int:number>/", manage_views.part_restore, name="manage-restore"),
    # Families: keep last, so "manage", "print" and the rest are never read as a part's address.
    path("<slug:slug>/", views.part, name="part"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("<slug:slug>/feedback/<str:token>/", views.feedback_comment, name="feedback-comment"),
]
