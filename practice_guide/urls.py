"""The guide's addresses. The pages for families are also served in each turned-on language
(/pl/guide/..., portal.features.Pages.translated); the editors' pages are English only."""

from django.urls import include, path

from portal.features import untranslated
from practice_guide import views

app_name = "practice_guide"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("print/", views.print_view, name="print"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search, name="search"),
    path("version/<str:reader>/", views.choose_reader, name="choose-reader"),
    path("what-happens-and-when/", views.journey, name="journey"),
    path("what-happens-and-when/<slug:slug>/", views.journey_step, name="step"),
    # Editors (practice_guide/manage_urls.py)
    untranslated("manage/", include("practice_guide.manage_urls")),
    # Families: keep last, so "manage", "print" and the rest are never read as a part's address.
    path("<slug:slug>/", views.part, name="part"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("<slug:slug>/feedback/<str:token>/", views.feedback_comment, name="feedback-comment"),
]
