"""The families' pages, kept apart from the staff pages so they can be mounted (or wrapped for languages) alone."""

from django.urls import path

from family_survey import views

urlpatterns = [
    path("", views.questionnaire, name="questionnaire"),
    path("thank-you/", views.thanks, name="thanks"),
]
