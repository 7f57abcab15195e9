from django.urls import path  # noqa: F401 - paths are added as the pages are built

app_name = "people"

urlpatterns = []
