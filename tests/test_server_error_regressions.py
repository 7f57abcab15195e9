"""Each server error the hostile-input walk (tests/test_no_server_errors.py) found, with the exact value.

Before the fix each of these answered 500: a NUL byte reached PostgreSQL, `str.isdigit()` let "²"
through to `int()`, or a `next` that was not a path reached `redirect()`, which took it for a view name.
The NUL cases are checked twice: through the whole stack (the middleware answers 400) and with the
middleware taken out, to show the view itself reads the value safely.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory
from training.models import CoverageTarget

NUL_MIDDLEWARE = "portal.null_bytes.RefuseNulBytesMiddleware"
HUGE = "99999999999999999999"


@pytest.fixture
def without_nul_middleware(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != NUL_MIDDLEWARE]


@pytest.fixture
def pending(worker):
    course_date = CourseDateFactory(
        course=CourseFactory(programme=ProgrammeFactory()),
        starts_at=timezone.now() + timedelta(days=14),
        ends_at=timezone.now() + timedelta(days=14, hours=6),
    )
    return BookingFactory(course_date=course_date, person=worker, status="pending", approved_at=None)


# --- NUL bytes ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_guide_search_with_a_nul_byte_gets_the_400_page(client):
    response = client.get(reverse("practice_guide:search"), {"q": "core\x00group"})
    assert response.status_code == 400
    assert "Sorry, we could not understand that request" in response.content.decode()


@pytest.mark.django_db
def test_guide_search_itself_treats_a_nul_byte_as_no_search(client, guide, without_nul_middleware):
    response = client.get(reverse("practice_guide:search"), {"q": "1\x00"})
    assert response.status_code == 200
    assert response.context["results"] == []


@pytest.mark.django_db
def test_a_nul_byte_in_the_address_gets_the_400_page(client):
    assert client.get("/accounts/oidc/%00/login/").status_code == 400


def test_a_nul_byte_in_posted_form_data_gets_the_400_page(client, supervisor, pending):
    client.force_login(supervisor)
    response = client.post(reverse("training:approve-booking", args=[pending.pk]), {"next": "a\x00"})
    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_a_nul_byte_in_a_posted_field_name_gets_the_400_page(client, supervisor, pending):
    client.force_login(supervisor)
    response = client.post(reverse("training:approve-booking", args=[pending.pk]), {"ne\x00xt": "/"})
    assert response.status_code == 400


# --- Digits that str.isdigit() accepts and int() refuses, and numbers too big for the database ----


@pytest.mark.parametrize("value", ["²", "①", HUGE])
def test_supervisees_page_ignores_a_garbled_supervisee_filter(client, supervisor, agreement, value):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:supervisees"), {"supervisee": value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["²", HUGE])
def test_new_agreement_page_ignores_a_garbled_supervisee(client, supervisor, worker, value):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:agreement-create"), {"supervisee": value})
    assert response.status_code == 200
    assert response.context["form"].initial.get("supervisee") is None


@pytest.mark.parametrize("value", ["²", HUGE])
def test_session_booking_page_ignores_a_garbled_agreement(client, supervisor, agreement, value):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:session-book"), {"agreement": value})
    assert response.status_code == 200
    assert "agreement" not in response.context["form"].initial


@pytest.mark.parametrize("value", ["²", HUGE])
def test_signing_an_agreement_with_a_garbled_version_is_an_edit_conflict(client, supervisor, agreement, value):
    client.force_login(supervisor)
    response = client.post(reverse("supervision:agreement-sign", args=[agreement.pk]), {"version": value})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.supervisor_signed_at is None


@pytest.mark.parametrize("value", ["²", "٣", HUGE, "-1"])
def test_cpd_csv_for_a_garbled_person_is_not_found(client, worker, value):
    client.force_login(worker)
    assert client.get(reverse("training:cpd-csv"), {"person": value}).status_code == 404


def test_cpd_csv_still_gives_the_persons_own_record(client, worker):
    client.force_login(worker)
    assert client.get(reverse("training:cpd-csv"), {"person": str(worker.pk)}).status_code == 200


@pytest.mark.parametrize("value", ["²", HUGE, "0"])
def test_removing_a_coverage_target_with_a_garbled_id_is_not_found(client, coordinator, value):
    target = CoverageTarget.objects.create(programme=ProgrammeFactory(), level="introductory", target_percent=80)
    client.force_login(coordinator)
    assert client.post(reverse("training:targets"), {"remove": value}).status_code == 404
    assert CoverageTarget.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize(("a", "b"), [("²", "1"), ("1", HUGE), ("", "")])
def test_comparing_garbled_versions_goes_back_to_the_history(client, editor, guide, a, b):
    client.force_login(editor)
    part = guide[0]
    response = client.get(reverse("practice_guide:manage-compare", args=[part.pk]), {"a": a, "b": b})
    assert response.status_code == 302
    assert response.url == reverse("practice_guide:manage-history", args=[part.pk])


# --- Return addresses that are not paths ----------------------------------------------------


@pytest.mark.parametrize("value", ["overview", "²", "a b", "javascript:alert(1)", "//evil.example/"])
def test_approving_with_a_next_that_is_not_a_path_goes_to_the_approvals(client, supervisor, pending, value):
    client.force_login(supervisor)
    response = client.post(reverse("training:approve-booking", args=[pending.pk]), {"next": value})
    assert response.status_code == 302
    assert response.url == reverse("training:approvals")


def test_approving_with_a_next_on_this_site_goes_back_there(client, supervisor, pending):
    client.force_login(supervisor)
    back = reverse("training:approvals") + "?page=2"
    response = client.post(reverse("training:approve-booking", args=[pending.pk]), {"next": back})
    assert response.url == back


def test_declining_with_a_garbled_next_in_the_address_goes_to_the_approvals(client, supervisor, pending):
    client.force_login(supervisor)
    url = reverse("training:decline-booking", args=[pending.pk]) + "?next=%C2%B2"
    response = client.post(url, {"reason": "There is no cover for the team that week."})
    assert response.status_code == 302
    assert response.url == reverse("training:approvals")


@pytest.mark.parametrize("value", ["approvals", "²"])
def test_cancelling_with_a_next_that_is_not_a_path_goes_to_the_booking(client, worker, pending, value):
    client.force_login(worker)
    response = client.post(reverse("training:cancel-booking", args=[pending.pk]), {"next": value})
    assert response.status_code == 302
    assert response.url == reverse("training:booking", args=[pending.pk])
