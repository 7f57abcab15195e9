import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("role", "approvals", "uptake", "manage"),
    [
        ("worker", False, False, False),
        ("supervisor", True, True, False),
        ("service_manager", False, True, False),
        ("coordinator", True, True, True),
    ],
)
def test_staff_home_links_to_the_training_pages_a_person_may_use(db, client, request, role, approvals, uptake, manage):
    client.force_login(request.getfixturevalue(role))
    body = client.get(reverse("staff-home")).content.decode()
    assert reverse("training:mine") in body
    assert reverse("training:cpd") in body
    assert (reverse("training:approvals") in body) is approvals
    assert (reverse("training:uptake") in body) is uptake
    assert (reverse("training:manage") in body) is manage
