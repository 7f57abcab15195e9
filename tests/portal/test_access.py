"""The one decorator that guards staff pages, and the service a person belongs to."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import RequestFactory

from portal.access import access_required, service_id_of
from tests.factories import UserFactory


def _only_for_job_title(user) -> bool:
    return user.job_title == "Allowed"


@access_required(_only_for_job_title)
def guarded(request):
    return HttpResponse("the page")


def _get(user):
    request = RequestFactory().get("/somewhere/?page=2")
    request.user = user
    return guarded(request)


def test_someone_not_signed_in_is_sent_to_sign_in_and_back():
    response = _get(AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url('login')}?next=/somewhere/%3Fpage%3D2"


def test_a_signed_in_person_the_predicate_refuses_gets_403(db):
    with pytest.raises(PermissionDenied):
        _get(UserFactory(job_title="Refused"))


def test_a_signed_in_person_the_predicate_allows_gets_the_page(db):
    response = _get(UserFactory(job_title="Allowed"))
    assert response.status_code == 200
    assert response.content == b"the page"


def test_the_guarded_view_keeps_its_name():
    assert guarded.__name__ == "guarded"


def test_service_id_of_is_the_teams_service_or_none(team):
    assert service_id_of(UserFactory(team=team)) == team.service_id
    assert service_id_of(UserFactory(team=None)) is None
