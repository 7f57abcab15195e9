"""allauth's social-account pages the portal does not offer; portal/urls.py lists these before allauth's own."""

from django.urls import path

from portal.sso.views import not_offered

urlpatterns = [
    path("3rdparty/", not_offered),
    path("3rdparty/signup/", not_offered),
    path("social/signup/", not_offered),
    path("social/connections/", not_offered),
]
