"""Staff pages, under guide/tell-us/manage/: English only, never under a language prefix."""

from django.urls import path

from family_survey import manage_views

urlpatterns = [
    path("cards/", manage_views.cards, name="cards"),
    path("cards/<int:team_id>/", manage_views.card, name="card"),
    path("cards/<int:team_id>/new-code/", manage_views.replace_code, name="replace-code"),
    path("results/", manage_views.results, name="results"),
    path("results.csv", manage_views.results_csv, name="results-csv"),
    path("comments/", manage_views.comments, name="comments"),
    path("comments/<int:pk>/", manage_views.decide_comment, name="decide-comment"),
]
