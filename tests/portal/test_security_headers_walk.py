"""Every answer the portal gives carries its security headers: a walk of every URL as every kind of person.

The walker requests every URL pattern of the project (read from the resolver, so pages added later are
checked too) as every kind of person, and fails if any answer lacks the Content-Security-Policy, allows
inline or eval'd code, lacks the other headers, or lets a signed-in person's page be stored. The single
answers (errors, the policy itself, caching, violation reports) are in test_security_headers.py.
"""

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.models import User
from practice_guide.models import GlossaryTerm, Reader
from tests.access_matrix import sign_in_once
from tests.conftest import make_guide, make_people, make_supervision_session
from tests.factories import AgreementFactory, GroupSessionFactory, UserFactory, handbook_page
from tests.handbook import test_access_matrix as handbook_matrix
from tests.security_headers import header_problems
from tests.supervision import test_access_matrix as supervision_matrix
from tests.training import test_access_matrix as training_matrix
from tests.url_walker import address, routes, training_world

ROLES = ["anonymous", "worker", "supervisor", "service_manager", "coordinator", "editor", "administrator"]
# One world for the module (below), so the group keeps the module on one pytest-xdist worker (make test uses
# --dist loadgroup): it is made once, not once on each worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("security-headers-walk")]

# Which object an id in a path means, by the longest route prefix it follows.
IDS_BY_PREFIX = {
    "guide/manage/glossary/": "term",
    "guide/manage/": "part",
    "supervision/preparation/": "preparation",
    "supervision/agreements/": "agreement",
    "supervision/sessions/": "session",
    "supervision/actions/": "action",
    "supervision/audit/": "session",
    "supervision/group-sessions/": "group_session",
    "training/courses/": "course",
    "training/dates/": "open_date",
    "training/bookings/": "completed",
    "training/external/": "learning",
    "training/cpd/": "worker",
    "training/approvals/bookings/": "pending",
    "training/approvals/external/": "learning",
    "training/manage/programmes/": "programme",
    "training/manage/courses/": "course",
    "training/manage/dates/": "past_date",
    "people/": "worker",
    "admin/": "worker",
    "handbook/manage/": "handbook_tool",
    "handbook/required-reading/": "handbook_tool",
    "handbook/tools/": "handbook_tool",
}


class _StandIn:
    """Stands in for a matrix's world, and for every record and person in it, to read its URLs."""

    pk = programme_id = team_id = 1
    slug = "a-page"

    def __getitem__(self, _key):
        return self


def checked_by_the_access_matrices(role) -> set[str]:
    """The views the access matrices GET as `role` (those matrices that have the role), checking the security
    headers of every answer as they do (tests/access_matrix.py): the walk need not ask for them again."""
    names = set()
    for matrix in (training_matrix, supervision_matrix, handbook_matrix):
        if role in matrix.ROLES:
            urls = [case[2](_StandIn()) for case in matrix.CASES if case[1] == "get"]
            names |= {resolve(url.split("?")[0]).view_name for url in urls}
    return names


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, rolled back at its end; each walk runs in a savepoint of its own (the
    `db` mark), rolled back after it. Making the world for each walk took a tenth of its time."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


def _build_world():
    from supervision.models import Preparation

    people = make_people(["worker", "supervisor", "service_manager", "coordinator", "editor", "facilitator"])
    worker, editor = people["worker"], people["editor"]
    guide = make_guide(editor)
    supervision_session = make_supervision_session(AgreementFactory(supervisee=worker, supervisor=people["supervisor"]))
    training = training_world(worker)
    handbook_tool = handbook_page("genogram", "Genograms", kind="tool", by=editor)
    group_session = GroupSessionFactory(facilitator=people["facilitator"])
    group_session.attendees.set([worker])
    people = {
        "worker": worker,
        "supervisor": people["supervisor"],
        "service_manager": people["service_manager"],
        "coordinator": people["coordinator"],
        "editor": editor,
        "administrator": UserFactory(is_staff=True, is_superuser=True),
    }
    return {
        "people": people,
        "sessions": sign_in_once(people, list(people)),
        "worker": worker,
        "part": guide[0],
        "term": GlossaryTerm.objects.first(),
        "preparation": Preparation.objects.create(author=worker, session=supervision_session, worries="A visit."),
        "agreement": supervision_session.supervisee.agreements.get(),
        "session": supervision_session,
        "action": supervision_session.actions.get(),
        "group_session": group_session,
        "programme": training["course"].programme,
        "handbook_tool": handbook_tool,
        **training,
    }


def _values(world, route):
    """value_for for the walker: real objects for the arguments we know."""
    worker = world["worker"]
    by_name = {
        "slug": world["part"].slug,
        "reader": Reader.CHILDREN,
        "number": "1",
        "record_type": "session",
        "uidb64": urlsafe_base64_encode(force_bytes(worker.pk)),
        "token": default_token_generator.make_token(worker),
        "app_label": "portal",
        "content_type_id": str(ContentType.objects.get_for_model(User).pk),
    }

    def value_for(name, _regex, so_far):
        if name == "slug" and so_far.startswith("handbook/"):
            return world["handbook_tool"].slug
        if name in by_name:
            return by_name[name]
        if route.model_admin is not None and name == "object_id":
            first = route.model_admin.model._default_manager.order_by("pk").first()
            return str(first.pk) if first else None
        prefixes = [prefix for prefix in IDS_BY_PREFIX if so_far.startswith(prefix)]
        if prefixes:
            return str(world[IDS_BY_PREFIX[max(prefixes, key=len)]].pk)
        return None

    return value_for


def _walk(client, world, role, *, only=(), skip=frozenset()):
    """Request every URL as `role` (or those whose route starts with one of `only`, but not those whose view is
    named in `skip`); return (statuses by path, problems)."""
    person = world["people"].get(role)
    if person is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = world["sessions"][role]
    statuses, problems = {}, []
    for route in routes():
        # Admin pages look the same to everyone but the administrator: the admin's sign-in page.
        if route.route.startswith("admin/") and role not in ("anonymous", "administrator"):
            continue
        if (only and not route.route.startswith(only)) or route.name in skip:
            continue
        path = address(route, _values(world, route))
        if person is not None and not client.cookies[settings.SESSION_COOKIE_NAME].value:
            client.force_login(person)  # a page signed them out, and the answer deleted the cookie
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)  # the test client closes it once read
        statuses[path] = response.status_code
        problems += [
            f"{path} ({response.status_code}): {problem}"
            for problem in header_problems(response, signed_in=person is not None)
        ]
    return statuses, problems


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_every_role_with_the_security_headers(client, world, role):
    """Every URL, but those an access matrix asks for as the same role (and checks the headers of)."""
    statuses, problems = _walk(client, world, role, skip=checked_by_the_access_matrices(role))
    assert problems == []
    assert len(statuses) > 100
    if role != "anonymous":
        # The walker reached real pages, not only refusals: a pattern whose arguments it cannot
        # fill would show here as a wall of 404s.
        assert sum(status == 200 for status in statuses.values()) > 20, statuses


def test_the_walker_fills_arguments_with_real_objects(client, world):
    """Pages that need real ids open for those who may see them. (The test above walks every URL; this one
    walks only the parts of the site it looks at.)"""
    statuses, _problems = _walk(client, world, "administrator", only=("admin/portal/user/", "guide/manage/"))
    first_person = User.objects.order_by("pk").first()
    assert statuses[f"/admin/portal/user/{first_person.pk}/change/"] == 200
    assert statuses[f"/guide/manage/{world['part'].pk}/"] == 200
    statuses, _problems = _walk(client, world, "supervisor", only=("supervision/", "training/"))
    assert statuses[f"/supervision/sessions/{world['session'].pk}/"] == 200
    assert statuses[f"/training/bookings/{world['completed'].pk}/"] == 200
    assert statuses[f"/training/cpd/{world['worker'].pk}/"] == 200
    statuses, _problems = _walk(client, world, "supervisor", only=("handbook/",))
    assert statuses["/handbook/genogram/"] == 200
    assert statuses["/handbook/genogram/print/"] == 200
