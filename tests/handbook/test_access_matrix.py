"""Every handbook URL, for every role, allowed or refused: the handbook's own pages (handbook:...) and the guide
engine's editor pages mounted for staff (handbook-editor:...).

The world: the people of tests/conftest.py (`worker` and `team_mate` supervised by `supervisor`; `other_worker`
and `other_supervisor` in another team of the same service; `editor` holds the Guide editor role, which edits the
handbook too) and a `practice_lead` in the worker's team. The handbook has a published page about our model
(required reading for social workers), a published tool, a published page about learning together and a page
that is only a draft; the guide for families has a published part.

Everyone signed in reads the published pages and confirms reading them; nobody reads a draft at its public
address. Editors (Guide editors and practice leads) use the editor pages; only practice leads choose required
reading; supervisors, service managers and practice leads see the reading report. Anonymous visitors are sent
to sign in everywhere.
"""

from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from handbook import services as handbook_services
from handbook.models import ReadConfirmation, RequiredReading, ToolFrame
from handbook.urls import editor_pages, handbook_pages
from portal.roles import Role
from practice_guide.models import GuidePart
from practice_guide.tool_shape import SECTIONS
from tests.access_matrix import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    STAFF_ROLES,
    assert_access,
    only_for,
    sign_in_once,
    url_names_missing_from,
)
from tests.conftest import make_people
from tests.factories import UserFactory, handbook_page, published_part

ROLES = [*STAFF_ROLES, "practice_lead", "anonymous"]
# The group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so its world is
# made once, not once on each worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("handbook-access-matrix")]

only = only_for(ROLES)


def everyone(status: int) -> dict:
    """Every signed-in role answers `status`; anonymous visitors are sent to sign in."""
    return only({}, others=status)


EDITORS = ("editor", "practice_lead")


def editors(status: int, *, others: int = FORBIDDEN) -> dict:
    return only(dict.fromkeys(EDITORS, status), others=others)


PRACTICE_LEAD_ONLY = only({"practice_lead": OK}, others=FORBIDDEN)
READING_REPORT = only(
    {"supervisor": OK, "other_supervisor": OK, "service_manager": OK, "practice_lead": OK}, others=FORBIDDEN
)


def page_form(w, page) -> dict:
    return {
        "title": page.draft.title,
        "slug": page.slug,
        "summary": page.draft.summary,
        "body_parents": page.draft.body_parents,
        "edit_version": page.edit_version,
    }


def _hb(name, *args):
    return reverse(f"handbook:{name}", args=args)


def _ed(name, *args):
    return reverse(f"handbook-editor:{name}", args=args)


# (name, method, url builder, expected by role, POST data builder or None)
CASES = [
    # Reading the handbook: everyone signed in.
    ("contents", "get", lambda w: _hb("index"), everyone(OK), None),
    ("search", "get", lambda w: _hb("search") + "?q=relationships", everyone(OK), None),
    ("print the handbook", "get", lambda w: _hb("print"), everyone(OK), None),
    ("a page about our model", "get", lambda w: _hb("page", w["model"].slug), everyone(OK), None),
    ("a tool page", "get", lambda w: _hb("page", w["tool"].slug), everyone(OK), None),
    ("print a page", "get", lambda w: _hb("print-page", w["tool"].slug), everyone(OK), None),
    ("confirm reading", "post", lambda w: _hb("confirm-read", w["model"].slug), everyone(REDIRECT), None),
    # A draft (never published) and a families' page are not at the handbook's public addresses.
    ("a draft's address", "get", lambda w: _hb("page", w["draft"].slug), everyone(MISSING), None),
    ("confirm reading a draft", "post", lambda w: _hb("confirm-read", w["draft"].slug), everyone(MISSING), None),
    ("a families' page in the handbook", "get", lambda w: _hb("page", w["guide_part"].slug), everyone(MISSING), None),
    # Who has read what: supervisors, service managers and practice leads.
    ("reading report", "get", lambda w: _hb("reading-report"), READING_REPORT, None),
    # Required reading: practice leads.
    ("required reading", "get", lambda w: _hb("required-reading"), PRACTICE_LEAD_ONLY, None),
    (
        "choose who reads a page",
        "get",
        lambda w: _hb("required-reading-edit", w["tool"].pk),
        PRACTICE_LEAD_ONLY,
        None,
    ),
    (
        "save who reads a page",
        "post",
        lambda w: _hb("required-reading-edit", w["tool"].pk),
        only({"practice_lead": REDIRECT}, others=FORBIDDEN),
        lambda w: {"readers": ["ASYE", Role.SUPERVISOR]},
    ),
    (
        "choose who reads a families' page",
        "get",
        lambda w: _hb("required-reading-edit", w["guide_part"].pk),
        only({"practice_lead": MISSING}, others=FORBIDDEN),
        None,
    ),
    # A tool's courses and supervision frames: editors.
    ("tool links", "get", lambda w: _hb("tool-links", w["tool"].pk), editors(OK), None),
    (
        "save tool links",
        "post",
        lambda w: _hb("tool-links", w["tool"].pk),
        editors(REDIRECT),
        lambda w: {"courses": [], "frames": ["systemic"]},
    ),
    ("tool links of a page that is no tool", "get", lambda w: _hb("tool-links", w["model"].pk), editors(MISSING), None),
    # The editor's pages, for the handbook's editors.
    ("editor's list", "get", lambda w: _ed("manage"), editors(OK), None),
    ("add a page about our model", "get", lambda w: _ed("manage-create-model"), editors(OK), None),
    ("add a tool", "get", lambda w: _ed("manage-create-tool"), editors(OK), None),
    ("add a page about learning", "get", lambda w: _ed("manage-create-learning"), editors(OK), None),
    (
        "save a new tool",
        "post",
        lambda w: _ed("manage-create-tool"),
        editors(REDIRECT),
        lambda w: {
            "title": "Life story work",
            "slug": "life-story-work",
            "summary": "Helping a child make sense of their history.",
            "body_parents": "\n\n".join(f"## {heading}\n\nSome words." for heading in SECTIONS),
        },
    ),
    (
        "readability",
        "post",
        lambda w: _ed("manage-readability"),
        editors(OK),
        lambda w: {"body_parents": "We listen. We help families."},
    ),
    ("edit a page", "get", lambda w: _ed("manage-edit", w["tool"].pk), editors(OK), None),
    (
        "save a page",
        "post",
        lambda w: _ed("manage-edit", w["model"].pk),
        editors(REDIRECT),
        lambda w: page_form(w, w["model"]),
    ),
    ("preview a draft", "get", lambda w: _ed("manage-preview", w["draft"].pk), editors(OK), None),
    ("publish", "post", lambda w: _ed("manage-publish", w["draft"].pk), editors(REDIRECT), None),
    ("schedule", "get", lambda w: _ed("manage-schedule", w["draft"].pk), editors(OK), None),
    ("unpublish", "post", lambda w: _ed("manage-unpublish", w["learning"].pk), editors(REDIRECT), None),
    (
        "move",
        "post",
        lambda w: _ed("manage-move", w["tool"].pk),
        editors(REDIRECT),
        lambda w: {"direction": "up"},
    ),
    ("history", "get", lambda w: _ed("manage-history", w["model"].pk), editors(OK), None),
    ("compare", "get", lambda w: _ed("manage-compare", w["model"].pk) + "?a=1&b=1", editors(OK), None),
    ("restore", "post", lambda w: _ed("manage-restore", w["model"].pk, 1), editors(REDIRECT), None),
    # The handbook's editors reach no families' page through the handbook's editor.
    ("edit a families' page", "get", lambda w: _ed("manage-edit", w["guide_part"].pk), editors(MISSING), None),
    (
        "unpublish a families' page",
        "post",
        lambda w: _ed("manage-unpublish", w["guide_part"].pk),
        editors(MISSING),
        None,
    ),
]


def test_every_handbook_url_is_in_the_matrix():
    """A new URL in handbook/urls.py (or in the editor's shared patterns) must be added to the matrix above."""
    fake = SimpleNamespace(pk=1, slug="a-page")
    fake_world = dict.fromkeys(["model", "tool", "learning", "draft", "guide_part"], fake)
    assert url_names_missing_from(CASES, handbook_pages[0], fake_world) == set()
    assert url_names_missing_from(CASES, editor_pages[0], fake_world) == set()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, rolled back at its end. Each test runs in a savepoint of its own (the
    `db` mark), rolled back after it, so no test sees another's writes (a publish, a move, a confirmation)."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world(make_people([*STAFF_ROLES, "team"]))
        yield built | {"sessions": sign_in_once(built["people"], ROLES)}
        transaction.set_rollback(True)


def build_world(people: dict) -> dict:
    editor = people["editor"]
    people["practice_lead"] = UserFactory(team=people["team"], roles=[Role.PRACTICE_LEAD], job_title="Practice lead")
    model = handbook_page("our-vision", "Our vision", by=editor)
    world = {
        "people": people,
        "model": model,
        "tool": handbook_page("genogram", "Genograms", kind="tool", by=editor),
        "learning": handbook_page("reflective-supervision", "Reflective supervision", kind="learning", by=editor),
        "draft": handbook_page("unfinished", "An unfinished page", by=editor, publish=False),
        "guide_part": published_part("what-to-expect", "What to expect", by=editor),
    }
    handbook_services.set_required_reading(model, {Role.SOCIAL_WORKER}, by=people["practice_lead"])
    return world


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected", "data"), CASES, ids=[case[0] for case in CASES])
def test_handbook_url_access(client, world, role, name, method, url, expected, data):
    assert_access(
        client,
        world["people"],
        role,
        name,
        method,
        url(world),
        data(world) if data else {},
        expected,
        sessions=world["sessions"],
    )


# --- What the allowed ones did, and that the refused ones did nothing --------------------------------------


def test_refused_writes_change_nothing(client, world):
    """A 403 on a write leaves the handbook as it was."""
    draft, learning, tool = world["draft"], world["learning"], world["tool"]
    for role in ("worker", "supervisor", "other_supervisor", "service_manager", "facilitator"):
        client.force_login(world["people"][role])
        client.post(_ed("manage-publish", draft.pk))
        client.post(_ed("manage-unpublish", learning.pk))
        client.post(_ed("manage-restore", world["model"].pk, 1))
        client.post(_hb("tool-links", tool.pk), {"frames": ["systemic"]})
        client.post(_hb("required-reading-edit", tool.pk), {"readers": ["ASYE"]})
    draft.refresh_from_db()
    learning.refresh_from_db()
    assert draft.published_id is None
    assert learning.published_id is not None
    assert not ToolFrame.objects.filter(page=tool).exists()
    assert not RequiredReading.objects.filter(page=tool).exists()


def test_confirming_reading_goes_back_to_the_page_and_records_it(client, world):
    worker, model = world["people"]["worker"], world["model"]
    client.force_login(worker)
    response = client.post(_hb("confirm-read", model.slug), {"revision": model.published_id})
    assert response.url == _hb("page", model.slug)
    assert ReadConfirmation.objects.filter(person=worker, page=model, revision=model.published).exists()


def test_an_editor_publishing_the_draft_opens_its_address(client, world):
    draft, worker = world["draft"], world["people"]["worker"]
    client.force_login(world["people"]["practice_lead"])
    client.post(_ed("manage-publish", draft.pk))
    assert GuidePart.objects.get(pk=draft.pk).published_id is not None
    client.force_login(worker)
    assert client.get(_hb("page", draft.slug)).status_code == OK
