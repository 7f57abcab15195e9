"""No input gives a server error: every URL, as every role, with hostile query strings and form data.

A property-based walk (hypothesis). The URLs come from the resolver (tests/url_walker.py), so pages
added later are walked too. For each URL pattern, each example picks a role (every role in
portal.roles.ROLES, a superuser, or nobody signed in), fills the path with the id of a real object or
a hostile one, and sends GET parameters or POSTed form fields whose names are those the view's module
reads (and some random ones) and whose values are what a hostile person types: NUL bytes, Unicode
digits, huge and negative numbers, impossible dates, very long strings and repeated fields. Any 5xx
fails. Each request runs in a transaction that is rolled back, so one world serves the whole module.

The run is bounded by the "no-server-errors" profile below; set HYPOTHESIS_PROFILE=no-server-errors-long
(for example) for a longer hunt.
"""

import inspect
import os
import re
import sys
from datetime import timedelta
from urllib.parse import quote, urlencode

import pytest
from django import forms
from django.conf import settings as django_settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from portal.roles import ROLES, Role
from tests.url_walker import address, routes, training_world

settings.register_profile(
    "no-server-errors",
    max_examples=6,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "no-server-errors-long",
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "no-server-errors")
if not PROFILE.startswith("no-server-errors"):
    PROFILE = "no-server-errors"

ANONYMOUS, SUPERUSER = "anonymous", "superuser"
PEOPLE = [*ROLES, SUPERUSER, ANONYMOUS]
# How often each person is picked: those who reach most pages (every permission, the records' owner and
# their supervisor) more often. With a few random examples a URL, a given role is drawn for it only
# sometimes: the fixed examples run as the superuser, and the long profile is the deeper hunt.
WEIGHTS = {SUPERUSER: 3, Role.SUPERVISOR: 3, Role.SOCIAL_WORKER: 2, Role.SERVICE_MANAGER: 2}

# What a hostile person types. The originals of the 500s are here: a NUL byte, and digits that
# str.isdigit() accepts but int() refuses (superscripts, circled and subscript digits).
NUMBERS = [
    "²",
    "1²",
    "³¹",
    "①",
    "₂",
    "٣",
    "１２",
    "99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "-1",
    "0",
    "-0",
    "1.5",
    "1e9",
    " 7 ",
    "+3",
    "0x1A",
    "NaN",
    "inf",
    "",
]
DATES = [
    "31 2 2026",
    "2026-02-31",
    "29 2 2023",
    "0 0 0",
    "32 13 2026",
    "9999-12-31",
    "31 12 9999",
    "0001-01-01",
    "1 1 1",
    "99999 1 1",
    "1 1 99999999999",
    "² 1 2026",
    "2026-W01",
]
TEXTS = [
    "x" * 5000,
    "yes",
    "no",
    "on",
    "true",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "' OR 1=1 --",
    "🙂",
    "Ω≈ç√",
    "%00",
    "%",
    "\\",
    "\r\nSet-Cookie: x=1",
]
NULS = ["\x00", "1\x00", "a\x00b", "\x00" * 3]
HOSTILE_PATH = ["0", "99999999999999999999", "2147483648", "\x00", "²", "x" * 300, "-"]

# Names a view's module reads: request.GET.get("a"), request.POST["remove"], "cancel_date" in request.POST.
READ_NAMES = re.compile(
    r"""request\.(?:GET|POST)(?:\.get|\.getlist)?[(\[]\s*["']([^"']+)["']|["']([^"']+)["']\s+in\s+request\.(?:GET|POST)"""
)
COMMON_NAMES = ["page", "q", "next", "year", "person", "team", "status", "version", "action", "o", "p", "e", "_popup"]


PROJECT_APPS = {"handbook", "portal", "practice_guide", "supervision", "training"}


def _forms_in(namespace) -> set:
    return {v for v in vars(namespace).values() if inspect.isclass(v) and issubclass(v, forms.BaseForm)}


def _form_classes(module) -> set:
    """The form classes a view module uses: its own names, and those of the project modules it imports."""
    found = _forms_in(module)
    for value in list(vars(module).values()):
        if inspect.ismodule(value) and value.__name__.split(".")[0] in PROJECT_APPS:
            found |= _forms_in(value)
    return found


def names_read_by(route) -> list[str]:
    """The request keys a route's view is likely to read: from its module's source and its forms."""
    callback = inspect.unwrap(route.pattern.callback)
    module = sys.modules.get(getattr(callback, "__module__", ""), None)
    names = set(COMMON_NAMES)
    if module is not None:
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            source = ""
        names |= {a or b for a, b in READ_NAMES.findall(source)}
        for form_class in _form_classes(module):
            for name, field in form_class.base_fields.items():
                names.add(name)
                if isinstance(field.widget, forms.MultiWidget):
                    names |= {f"{name}_{i}" for i in range(len(field.widget.widgets))}
    return sorted(names)


ROUTES = list(routes())
# The mark makes pytest-django create the test database; `world` below holds one world for the module. The
# module is not grouped on one pytest-xdist worker: its world takes about 2 s to make on each, and its
# 20 s of walking, last in the run, is better shared by both.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = _build_world()
        yield built
        transaction.set_rollback(True)


def _build_world():
    from family_survey.models import Response as SurveyResponse
    from practice_guide.models import GlossaryTerm, PageFeedback
    from practice_guide.services import PartText, create_part
    from supervision.models import CaseDiscussion, Preparation
    from tests.factories import (
        ActionFactory,
        AgreementFactory,
        GlossaryTermFactory,
        GroupSessionFactory,
        SessionFactory,
        TeamFactory,
        UserFactory,
        published_part,
    )
    from training.models import Evaluation

    team = TeamFactory(name="Assessment and Family Support")
    other_team = TeamFactory(name="Children in Care", service=team.service)
    people = {role: UserFactory(team=team, roles=[role], full_name=f"Walker {role}") for role in ROLES}
    supervisor = people[Role.SUPERVISOR]
    worker = people[Role.SOCIAL_WORKER]
    worker.line_manager = supervisor
    worker.save()
    people[SUPERUSER] = UserFactory(team=team, is_staff=True, is_superuser=True, full_name="Walker Superuser")
    other_worker = UserFactory(team=other_team, roles=[Role.SOCIAL_WORKER])

    editor = people[Role.GUIDE_EDITOR]
    part = published_part("what-to-expect", "What to expect", by=editor)
    published_part("your-rights", "Your rights", by=editor)
    create_part(slug="a-draft", text=PartText("A draft", "Not ready.", "Not ready for families."), by=editor)
    GlossaryTermFactory(term="core group")
    feedback = PageFeedback.objects.create(part=part, useful=False)
    survey_comment = SurveyResponse.objects.create(
        team=team,
        month=timezone.localdate().replace(day=1),
        reader="parents",
        listens=4,
        comment="Kind.",
        comment_status="held",
    )

    agreement = AgreementFactory(supervisee=worker, supervisor=supervisor)
    session = SessionFactory(supervisee=worker, supervisor=supervisor)
    CaseDiscussion.objects.create(session=session, case_reference="CS-10442", discussion="Planning a core group.")
    action = ActionFactory(session=session)
    booked = SessionFactory(supervisee=worker, supervisor=supervisor, held_on=timezone.localdate() + timedelta(days=7))
    preparation = Preparation.objects.create(author=worker, session=booked, worries="A hard visit.")
    group_session = GroupSessionFactory(facilitator=people[Role.FACILITATOR])
    group_session.attendees.set([worker, other_worker])

    training = training_world(worker)
    course, open_date, past_date = training["course"], training["open_date"], training["past_date"]
    completed, pending, learning = training["completed"], training["pending"], training["learning"]
    Evaluation.objects.create(booking=completed, rating=4, was_useful="Genograms.")
    handbook = _handbook_world(editor, worker, course)

    from django.core import signing

    from practice_guide.views import FEEDBACK_TOKEN_SALT

    # Ids of real objects, by the longest route prefix they follow in a path.
    ids = {
        "guide/manage/glossary/": [GlossaryTerm.objects.get(term="core group").pk],
        "guide/manage/": [part.pk],
        "supervision/preparation/": [preparation.pk],
        "supervision/agreements/": [agreement.pk],
        "supervision/sessions/": [session.pk, booked.pk],
        "supervision/actions/": [action.pk],
        "supervision/audit/": [session.pk, agreement.pk, worker.pk],
        "supervision/group-sessions/": [group_session.pk],
        "training/courses/": [course.pk],
        "training/dates/": [open_date.pk],
        "training/bookings/": [completed.pk, pending.pk],
        "training/external/": [learning.pk],
        "training/cpd/": [worker.pk, other_worker.pk],
        "training/approvals/bookings/": [pending.pk],
        "training/approvals/external/": [learning.pk],
        "training/manage/programmes/": [course.programme_id],
        "training/manage/courses/": [course.pk],
        "training/manage/dates/": [open_date.pk, past_date.pk],
        "people/": [worker.pk, other_worker.pk, supervisor.pk],
        "guide/tell-us/manage/cards/": [team.pk, other_team.pk],
        "guide/tell-us/manage/comments/": [survey_comment.pk],
        "handbook/manage/": [handbook["model"].pk, handbook["tool"].pk, handbook["draft"].pk],
        "handbook/required-reading/": [handbook["model"].pk, handbook["draft"].pk],
        "handbook/tools/": [handbook["tool"].pk],
    }
    everything = sorted({pk for pks in ids.values() for pk in pks})
    by_name = {
        "slug": [part.slug, "a-draft", "no-such-part"],
        "reader": ["parents", "children", "nobody"],
        "number": ["1", "2"],
        "record_type": ["session", "agreement", "preparation", "person", "nothing"],
        "uidb64": [urlsafe_base64_encode(force_bytes(worker.pk)), "MQ", "x"],
        "token": [
            default_token_generator.make_token(worker),
            signing.dumps(feedback.pk, salt=FEEDBACK_TOKEN_SALT),
            "set-password",
            "x",
        ],
    }
    sessions = {}
    for who, person in people.items():
        client = Client()
        client.force_login(person)
        sessions[who] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    real_values = [str(pk) for pk in everything] + [part.slug, "parents", "children", "session"]
    real_values += [handbook["model"].slug, "ASYE", "systemic"]  # a handbook page, a reading group, a frame
    # Slugs of real pages, by the longest route prefix they follow (before `by_name`): the handbook's pages.
    slugs = {"handbook/": [handbook["model"].slug, handbook["tool"].slug, handbook["draft"].slug, "no-such-page"]}
    return {
        "ids": ids,
        "everything": everything,
        "by_name": by_name,
        "slugs": slugs,
        "sessions": sessions,
        "values": real_values,
    }


def _handbook_world(editor, worker, course) -> dict:
    """A published page about our model (required reading for social workers, which the worker has confirmed),
    a published tool taught by `course` and used by a supervision frame, and a page that is only a draft."""
    from handbook import services as handbook_services
    from handbook.models import ToolFrame
    from tests.factories import handbook_page

    model = handbook_page("our-vision", "Our vision", by=editor)
    tool = handbook_page("genogram", "Genograms", kind="tool", by=editor)
    draft = handbook_page("unfinished", "An unfinished page", by=editor, publish=False)
    handbook_services.set_required_reading(model, {Role.SOCIAL_WORKER}, by=editor)
    handbook_services.confirm_read(worker, model)
    course.tools.add(tool)
    ToolFrame.objects.create(page=tool, frame="systemic")
    return {"model": model, "tool": tool, "draft": draft}


def _path_candidates(world, route, name, so_far) -> list[str]:
    if name == "slug" and (prefixes := [prefix for prefix in world["slugs"] if so_far.startswith(prefix)]):
        return world["slugs"][max(prefixes, key=len)]
    if name in world["by_name"]:
        return world["by_name"][name]
    if route.model_admin is not None and name == "object_id":
        pks = list(route.model_admin.model._default_manager.order_by("pk").values_list("pk", flat=True)[:3])
        return [str(pk) for pk in pks] or ["1"]
    prefixes = [prefix for prefix in world["ids"] if so_far.startswith(prefix)]
    if prefixes:
        return [str(pk) for pk in world["ids"][max(prefixes, key=len)]]
    return [str(pk) for pk in world["everything"][:3]]


def weighted(*choices):
    """One of several strategies, picked in proportion to its weight: each is a branch of a one_of `weight`
    times over (a flatmap, which picks the same way, makes a new strategy at every draw and is slower)."""
    return st.one_of([strategy for weight, strategy in choices for _ in range(weight)])


def _value(world):
    return weighted(
        (6, st.sampled_from(NUMBERS)),
        (3, st.sampled_from(DATES)),
        (2, st.sampled_from(TEXTS)),
        (3, st.sampled_from(world["values"])),
        (2, st.text(max_size=30)),
        (1, st.text(alphabet="0123456789²³¹①₂٣１ -./", min_size=1, max_size=12)),
        (1, st.integers().map(str)),
        (1, st.sampled_from(NULS)),
    )


def _fields(world, names):
    """Hostile values for most of the names the view reads, and for a few random names."""
    value = st.one_of(_value(world), st.lists(_value(world), min_size=2, max_size=3))
    known = st.fixed_dictionaries({}, optional={name: value for name in names})
    extra = st.dictionaries(st.text(min_size=1, max_size=12), value, max_size=2)
    return st.tuples(known, extra).map(lambda both: {**both[1], **both[0]})


def _client(world, who) -> Client:
    client = Client(raise_request_exception=False)
    if who != ANONYMOUS:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = world["sessions"][who]
    return client


def _request(client, method, path, data):
    response = getattr(client, method)(path, data)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def describe(response, who, method, path, data) -> str:
    error = ""
    if getattr(response, "exc_info", None):
        error = f": {response.exc_info[0].__name__}: {response.exc_info[1]}"
    return f"{response.status_code} for {who} on {method.upper()} {path!r} with {data!r}{error}"


def _examples(route, names) -> int:
    """Random examples after the broadsides: fewer where there is less to find."""
    if route.route.startswith("admin/"):
        return 0
    return 3 if set(names) - set(COMMON_NAMES) or route.pattern.pattern.converters else 1


def _people(route):
    if route.route.startswith("admin/"):
        return st.sampled_from([SUPERUSER, Role.SOCIAL_WORKER, ANONYMOUS])
    return st.sampled_from([person for person in PEOPLE for _ in range(WEIGHTS.get(person, 1))])


def broadsides(route, names) -> list[dict]:
    """The same hostile value in every name the view reads, sent by the superuser (who passes every
    permission check): Unicode digits and huge numbers in GET filters and POSTed hidden fields, and NUL
    bytes in both. They run first on every URL, every time; the random examples then vary the rest.
    The admin's forms are Django's own, so they get the GET filters and the NUL bytes only."""
    every = dict.fromkeys(names, "²")
    huge = dict.fromkeys(names, "99999999999999999999")
    filters = [
        {"who": SUPERUSER, "method": "get", "query": every, "form": {}},
        {"who": SUPERUSER, "method": "get", "query": dict.fromkeys(names, "1\x00"), "form": {}},
        {"who": SUPERUSER, "method": "post", "query": {}, "form": dict.fromkeys(names, "a\x00")},
    ]
    if route.route.startswith("admin/"):
        return filters
    return [
        *filters,
        {"who": SUPERUSER, "method": "post", "query": huge, "form": every},
        {"who": SUPERUSER, "method": "post", "query": every, "form": huge},
    ]


@pytest.mark.parametrize("route", ROUTES, ids=[route.name or route.route for route in ROUTES])
def test_no_input_gives_a_server_error(route, world, django_db_blocker):
    names = names_read_by(route)
    profile = settings.get_profile(PROFILE)
    hostile_path = [quote(value, safe="") for value in HOSTILE_PATH]

    def value_for(picks):
        """Path arguments: mostly ids of real objects, sometimes hostile ones."""
        picks = iter(picks)

        def choose(name, _regex, so_far):
            candidates = _path_candidates(world, route, name, so_far) * 4 + hostile_path
            return candidates[next(picks, 0) % len(candidates)]

        return choose

    examples = profile.max_examples * _examples(route, names) // 6
    phases = profile.phases if examples else [Phase.explicit]

    @settings(profile, max_examples=max(1, examples), phases=phases)
    @given(
        picks=st.lists(st.integers(0, 99), min_size=3, max_size=3),
        who=_people(route),
        method=st.sampled_from(["get", "post"]),
        query=_fields(world, names),
        form=_fields(world, names),
    )
    def walk(picks, who, method, query, form):
        path = address(route, value_for(picks))
        if method == "post":
            path, sent = f"{path}?{urlencode(query, doseq=True)}" if query else path, {"query": query, "form": form}
        else:
            sent, form = {"query": query}, query
        with django_db_blocker.unblock(), transaction.atomic():
            response = _request(_client(world, who), method, path, form)
            transaction.set_rollback(True)
        assert response.status_code < 500, describe(response, who, method, path, sent)

    for broadside in broadsides(route, names):
        walk = example(picks=[0, 0, 0], **broadside)(walk)
    # Rate limits and the like start empty. The cache is a table, and each request's writes to it are rolled
    # back with the request, so one clearing serves every example (it was a query before each).
    cache.clear()
    walk()
