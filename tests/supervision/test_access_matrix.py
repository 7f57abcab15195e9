"""Every supervision URL, for every role, allowed or refused.

The world: `worker` is supervised by `supervisor` (same team, with `team_mate`); `other_worker` and
`other_supervisor` are in another team of the same service; `service_manager` reads the whole
service; `facilitator` runs a group session `worker` went to; `editor` keeps the guide.
Records one may not know exist answer 404; pages one may know of but not use answer 403.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.models import User
from portal.roles import Role
from supervision.models import CaseDiscussion, CriticalReflection, Preparation
from supervision.urls import urlpatterns
from tests.access_matrix import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    STAFF_ROLES,
    assert_access,
    body_of,
    give_a_line_manager,
    only_for,
    sign_in_once,
    url_names_missing_from,
)
from tests.conftest import make_people
from tests.factories import ActionFactory, AgreementFactory, GroupSessionFactory, SessionFactory, UserFactory

ROLES = [*STAFF_ROLES, "anonymous"]
# The group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so its world is
# made once, not once on each worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("supervision-access-matrix")]

only = only_for(ROLES)
EVERYONE_SIGNED_IN = only({}, others=OK)


SUPERVISES = {"supervisor": OK, "other_supervisor": OK, "service_manager": OK}
# The worker is in their ASYE, assessed by `other_supervisor` (not their own supervisor).
ASYE = {"worker": OK}

# (name, method, url builder, expected by role)
CASES = [
    ("overview", "get", lambda w: reverse("supervision:overview"), EVERYONE_SIGNED_IN),
    ("my record", "get", lambda w: reverse("supervision:my-record"), EVERYONE_SIGNED_IN),
    ("new preparation", "get", lambda w: reverse("supervision:preparation-create"), EVERYONE_SIGNED_IN),
    (
        "private preparation",
        "get",
        lambda w: reverse("supervision:preparation-edit", args=[w["preparation"].pk]),
        only({"worker": OK}, others=MISSING),
    ),
    (
        "share preparation",
        "post",
        lambda w: reverse("supervision:preparation-share", args=[w["preparation"].pk]),
        only({"worker": REDIRECT}, others=MISSING),
    ),
    (
        "shared preparation in the session page",
        "get",
        lambda w: reverse("supervision:session-detail", args=[w["session"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": OK}, others=MISSING),
    ),
    ("new agreement", "get", lambda w: reverse("supervision:agreement-create"), only(SUPERVISES, others=FORBIDDEN)),
    (
        "agreement",
        "get",
        lambda w: reverse("supervision:agreement-detail", args=[w["agreement"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": OK}, others=MISSING),
    ),
    (
        "change agreement",
        "get",
        lambda w: reverse("supervision:agreement-edit", args=[w["agreement"].pk]),
        only({"supervisor": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "sign agreement",
        "post",
        lambda w: reverse("supervision:agreement-sign", args=[w["agreement"].pk]),
        only({"supervisor": REDIRECT, "worker": REDIRECT, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    ("supervisees", "get", lambda w: reverse("supervision:supervisees"), only(SUPERVISES, others=FORBIDDEN)),
    ("book a session", "get", lambda w: reverse("supervision:session-book"), only(SUPERVISES, others=FORBIDDEN)),
    (
        "session",
        "get",
        lambda w: reverse("supervision:session-detail", args=[w["session"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": OK}, others=MISSING),
    ),
    (
        "write the record",
        "get",
        lambda w: reverse("supervision:session-record", args=[w["session"].pk]),
        only({"supervisor": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "reflect",
        "get",
        lambda w: reverse("supervision:session-reflect", args=[w["session"].pk]),
        only({"worker": OK, "supervisor": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "sign the record",
        "post",
        lambda w: reverse("supervision:session-sign", args=[w["session"].pk]),
        only({"worker": REDIRECT, "supervisor": REDIRECT, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "add a case",
        "get",
        lambda w: reverse("supervision:case-add", args=[w["session"].pk]),
        only({"supervisor": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "change a case",
        "get",
        lambda w: reverse("supervision:case-edit", args=[w["case"].pk]),
        only({"supervisor": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "copy a case for the case record",
        "get",
        lambda w: reverse("supervision:case-record", args=[w["decided_case"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": OK}, others=MISSING),
    ),
    (
        "download a case for the case record",
        "get",
        lambda w: reverse("supervision:case-record-download", args=[w["decided_case"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": OK}, others=MISSING),
    ),
    ("critical reflections", "get", lambda w: reverse("supervision:reflections"), only(ASYE, others=FORBIDDEN)),
    (
        "new critical reflection",
        "get",
        lambda w: reverse("supervision:reflection-create"),
        only(ASYE, others=FORBIDDEN),
    ),
    (
        "ASYE workers one assesses",
        "get",
        lambda w: reverse("supervision:reflections-assessing"),
        only({"other_supervisor": OK}, others=FORBIDDEN),
    ),
    (
        "shared critical reflection",
        "get",
        lambda w: reverse("supervision:reflection-detail", args=[w["reflection"].pk]),
        only({"worker": OK, "other_supervisor": OK}, others=MISSING),
    ),
    (
        "private critical reflection",
        "get",
        lambda w: reverse("supervision:reflection-detail", args=[w["private_reflection"].pk]),
        only({"worker": OK}, others=MISSING),
    ),
    (
        "change a critical reflection",
        "get",
        lambda w: reverse("supervision:reflection-edit", args=[w["reflection"].pk]),
        only({"worker": OK, "other_supervisor": FORBIDDEN}, others=MISSING),
    ),
    (
        "share a critical reflection",
        "post",
        lambda w: reverse("supervision:reflection-share", args=[w["reflection"].pk]),
        only({"worker": REDIRECT, "other_supervisor": FORBIDDEN}, others=MISSING),
    ),
    (
        "add an action",
        "get",
        lambda w: reverse("supervision:action-add", args=[w["session"].pk]),
        only({"supervisor": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "add an addendum",
        "get",
        lambda w: reverse("supervision:addendum-add", args=[w["locked_session"].pk]),
        only({"worker": OK, "supervisor": OK, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "complete an action",
        "post",
        lambda w: reverse("supervision:action-complete", args=[w["action"].pk]),
        only({"worker": REDIRECT, "supervisor": REDIRECT, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    (
        "audit trail of a session",
        "get",
        lambda w: reverse("supervision:audit-trail", args=["session", w["session"].pk]),
        only({"service_manager": OK}, others=FORBIDDEN),
    ),
    (
        "audit trail of an agreement",
        "get",
        lambda w: reverse("supervision:audit-trail", args=["agreement", w["agreement"].pk]),
        only({"service_manager": OK}, others=FORBIDDEN),
    ),
    ("group sessions", "get", lambda w: reverse("supervision:group-sessions"), EVERYONE_SIGNED_IN),
    (
        "record a group session",
        "get",
        lambda w: reverse("supervision:group-session-create"),
        only({"facilitator": OK}, others=FORBIDDEN),
    ),
    (
        "group session",
        "get",
        lambda w: reverse("supervision:group-session-detail", args=[w["group_session"].pk]),
        only({"facilitator": OK, "worker": OK, "service_manager": OK}, others=MISSING),
    ),
    (
        "change a group session",
        "get",
        lambda w: reverse("supervision:group-session-edit", args=[w["group_session"].pk]),
        only({"facilitator": OK, "worker": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
    ),
    ("dashboard", "get", lambda w: reverse("supervision:dashboard"), only(SUPERVISES, others=FORBIDDEN)),
    ("dashboard CSV", "get", lambda w: reverse("supervision:dashboard-csv"), only(SUPERVISES, others=FORBIDDEN)),
    (
        "dashboard short sessions",
        "get",
        lambda w: reverse("supervision:dashboard-short-sessions"),
        only(SUPERVISES, others=FORBIDDEN),
    ),
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, rolled back at its end. Each test runs in a savepoint of its own (the
    `db` mark), rolled back after it, so no test sees another's writes; making the world for each of the
    250-odd cases took half their time."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world(make_people(STAFF_ROLES))
        yield built | {"sessions": sign_in_once(built["people"], ROLES)}
        transaction.set_rollback(True)


def build_world(people: dict) -> dict:
    """The people, the worker's agreement with a written-up, unsigned session (a case and an action, as the
    `supervision_session` fixture makes it), a locked session, a group session the worker went to, and the
    worker's preparations for the session: one private, one shared."""
    worker, supervisor = people["worker"], people["supervisor"]
    agreement = AgreementFactory(supervisee=worker, supervisor=supervisor)
    session = SessionFactory(supervisee=worker, supervisor=supervisor)
    CaseDiscussion.objects.create(session=session, case_reference="CS-10442", discussion="Planning a core group.")
    action = ActionFactory(session=session)
    locked = SessionFactory(
        supervisee=worker,
        supervisor=supervisor,
        held_on=session.held_on - timedelta(days=30),
        supervisor_signed_at=timezone.now(),
        supervisee_signed_at=timezone.now(),
        locked_at=timezone.now(),
    )
    group_session = GroupSessionFactory(facilitator=people["facilitator"])
    group_session.attendees.set([worker])
    worker.asye_start_date = timezone.localdate() - timedelta(days=60)
    worker.asye_assessor = people["other_supervisor"]
    worker.save(update_fields=["asye_start_date", "asye_assessor"])
    return {
        "case": session.case_discussions.get(),
        "reflection": CriticalReflection.objects.create(
            author=worker,
            written_on=session.held_on,
            title="A shared reflection",
            text="Shared.",
            shared_at=timezone.now(),
        ),
        "private_reflection": CriticalReflection.objects.create(
            author=worker, written_on=session.held_on, title="A private reflection", text="Private."
        ),
        "people": people,
        "agreement": agreement,
        "session": session,
        "locked_session": locked,
        # Only a case with a decision can be copied for the case record.
        "decided_case": CaseDiscussion.objects.create(
            session=locked, case_reference="CS-20011", discussion="Step-down.", decisions="Step down."
        ),
        "action": action,
        "preparation": Preparation.objects.create(author=worker, session=session, worries="A hard visit."),
        "shared_preparation": Preparation.objects.create(
            author=worker, session=session, went_well="Shared notes.", shared_at=timezone.now()
        ),
        "group_session": group_session,
    }


# The tests below that name people or teams get the world's, not new ones. A test may change a person it is
# given, and the world outlives the test, so those are read afresh from the database.
@pytest.fixture
def supervisor(world):
    return User.objects.get(pk=world["people"]["supervisor"].pk)


@pytest.fixture
def team_mate(world):
    return User.objects.get(pk=world["people"]["team_mate"].pk)


@pytest.fixture
def team(supervisor):
    return supervisor.team


@pytest.fixture
def other_team(world):
    return world["people"]["other_worker"].team


def _post_data(world, name):
    session = world["session"]
    if name == "sign the record":
        return {"version": session.version, "response": "agree"}
    if name == "sign agreement":
        return {"version": world["agreement"].version}
    if name in ("share preparation", "share a critical reflection"):
        return {"share": "yes"}
    return {}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected"), CASES, ids=[case[0] for case in CASES])
def test_supervision_url_access(client, world, role, name, method, url, expected):
    assert_access(
        client,
        world["people"],
        role,
        name,
        method,
        url(world),
        _post_data(world, name),
        expected,
        sessions=world["sessions"],
    )


def test_every_supervision_url_is_in_the_matrix():
    """A new URL in supervision/urls.py must be added to the matrix above."""
    fake = SimpleNamespace(pk=1)
    fake_world = dict.fromkeys(
        [
            "preparation",
            "session",
            "agreement",
            "locked_session",
            "action",
            "group_session",
            "case",
            "decided_case",
            "reflection",
            "private_reflection",
        ],
        fake,
    )
    assert url_names_missing_from(CASES, urlpatterns, fake_world) == set()


def test_facilitator_never_sees_individual_supervision_content(client, world):
    client.force_login(world["people"]["facilitator"])
    for url in (reverse("supervision:overview"), reverse("supervision:my-record")):
        body = client.get(url).content.decode()
        assert "felt unheard" not in body
        assert "CS-10442" not in body


def test_shared_preparation_shows_to_supervisor_but_private_one_does_not(client, world):
    client.force_login(world["people"]["supervisor"])
    body = client.get(reverse("supervision:session-detail", args=[world["session"].pk])).content.decode()
    assert "Shared notes." in body
    assert "A hard visit." not in body


def test_another_supervisor_cannot_make_an_agreement_with_someone_outside_their_teams(client, world):
    client.force_login(world["people"]["other_supervisor"])
    response = client.post(
        reverse("supervision:agreement-create"),
        {
            "supervisee": world["people"]["worker"].pk,
            "starts_on": "1 12 2026",
            "frequency": "monthly",
            "arrangements": "Anywhere.",
            "confidentiality": "None.",
        },
    )
    assert response.status_code == 200
    assert "Choose a person you manage" in response.content.decode()
    assert world["people"]["worker"].agreements.count() == 1


def test_action_owner_on_another_session_can_complete_only_their_own(client, world, team_mate, supervisor):
    from tests.factories import AgreementFactory

    AgreementFactory(supervisee=team_mate, supervisor=supervisor)
    their_action = ActionFactory(session=SessionFactory(supervisee=team_mate, supervisor=supervisor))
    client.force_login(world["people"]["worker"])
    response = client.post(reverse("supervision:action-complete", args=[their_action.pk]))
    assert response.status_code == 404


# --- Whom a supervisor manages ------------------------------------------------------------
# Their line reports (in any team), members of their team who hold no manager role, and the people
# they supervise now; never their own line manager or another manager in their team.


@pytest.fixture
def colleagues(world, team, other_team, supervisor):
    head = give_a_line_manager(supervisor, team)
    peer = UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager")
    # The peer supervisor is supervised by the head of the group, as is the supervisor.
    AgreementFactory(supervisee=peer, supervisor=head)
    return {
        "their line manager": head,
        "a peer supervisor in their team": peer,
        "their line report in another team": UserFactory(
            team=other_team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER]
        ),
        "a team member with no line manager": UserFactory(team=team, roles=[Role.SOCIAL_WORKER]),
    }


MANAGES = {
    "their line manager": False,
    "a peer supervisor in their team": False,
    "their line report in another team": True,
    "a team member with no line manager": True,
}


@pytest.mark.parametrize("page", ["supervision:dashboard", "supervision:dashboard-csv"])
def test_the_dashboard_lists_only_the_people_a_supervisor_manages(client, colleagues, supervisor, page):
    client.force_login(supervisor)
    response = client.get(reverse(page))
    body = body_of(response)
    for who, managed in MANAGES.items():
        assert (colleagues[who].full_name in body) is managed, who


@pytest.mark.parametrize(("who", "managed"), MANAGES.items(), ids=list(MANAGES))
def test_a_supervisor_may_make_an_agreement_only_with_someone_they_manage(client, colleagues, supervisor, who, managed):
    person = colleagues[who]
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:agreement-create"),
        {
            "supervisee": person.pk,
            "starts_on": "1 12 2026",
            "frequency": "monthly",
            "arrangements": "Thursday mornings in the small meeting room.",
            "confidentiality": "What we discuss stays between us unless a child is at risk.",
        },
    )
    assert person.agreements.filter(supervisor=supervisor).exists() is managed, who
    if not managed:
        assert "Choose a person you manage" in response.content.decode()


def test_a_supervisor_cannot_open_their_line_managers_or_a_peers_supervision(client, colleagues, supervisor):
    head, peer = colleagues["their line manager"], colleagues["a peer supervisor in their team"]
    peer_session = SessionFactory(supervisee=peer, supervisor=head)
    own_session = SessionFactory(supervisee=supervisor, supervisor=head)
    client.force_login(supervisor)
    assert client.get(reverse("supervision:session-detail", args=[peer_session.pk])).status_code == MISSING
    assert client.get(reverse("supervision:agreement-detail", args=[peer.agreements.get().pk])).status_code == MISSING
    # Their own supervision with their line manager is theirs to read.
    assert client.get(reverse("supervision:session-detail", args=[own_session.pk])).status_code == OK
