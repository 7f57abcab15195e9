import pytest

from portal.roles import Role
from tests.factories import PASSWORD, TeamFactory, UserFactory
from tests.oidc_provider.fixtures import oidc_provider  # noqa: F401 - the single sign-on tests' provider

# The people most tests start from, by fixture name: how to make each from the others. The fixtures below
# are made from this table, and so are module-scoped worlds (`make_people`), which cannot ask for
# function-scoped fixtures.
PEOPLE = {
    "team": lambda made: TeamFactory(name="Assessment and Family Support"),
    "other_team": lambda made: TeamFactory(name="Children in Care", service=made["team"].service),
    "supervisor": lambda made: UserFactory(
        team=made["team"], roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager"
    ),
    "worker": lambda made: UserFactory(team=made["team"], line_manager=made["supervisor"], roles=[Role.SOCIAL_WORKER]),
    "other_worker": lambda made: UserFactory(team=made["other_team"], roles=[Role.SOCIAL_WORKER]),
    "service_manager": lambda made: UserFactory(
        team=made["team"], roles=[Role.SERVICE_MANAGER], job_title="Service Manager"
    ),
    "editor": lambda made: UserFactory(
        team=made["team"], roles=[Role.GUIDE_EDITOR], job_title="Practice Development Lead"
    ),
    "facilitator": lambda made: UserFactory(
        team=made["team"], roles=[Role.FACILITATOR], job_title="Systemic Psychotherapist"
    ),
    "other_supervisor": lambda made: UserFactory(
        team=made["other_team"], roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager"
    ),
    "team_mate": lambda made: UserFactory(
        team=made["team"], line_manager=made["supervisor"], roles=[Role.SOCIAL_WORKER]
    ),
    "coordinator": lambda made: UserFactory(
        team=made["other_team"], roles=[Role.TRAINING_COORDINATOR], job_title="Workforce Development Coordinator"
    ),
}


class _Made(dict):
    """Each person made on first mention, with whoever they need made first."""

    def __missing__(self, name):
        self[name] = PEOPLE[name](self)
        return self[name]


def make_people(names) -> dict:
    """The people `names` name, made as their fixtures would make them (for a module-scoped world)."""
    made = _Made()
    return {name: made[name] for name in names}


@pytest.fixture
def team(db):
    return PEOPLE["team"]({})


@pytest.fixture
def other_team(db, team):
    return PEOPLE["other_team"]({"team": team})


@pytest.fixture
def supervisor(team):
    return PEOPLE["supervisor"]({"team": team})


@pytest.fixture
def worker(team, supervisor):
    return PEOPLE["worker"]({"team": team, "supervisor": supervisor})


@pytest.fixture
def other_worker(other_team):
    return PEOPLE["other_worker"]({"other_team": other_team})


@pytest.fixture
def service_manager(team):
    return PEOPLE["service_manager"]({"team": team})


@pytest.fixture
def editor(team):
    return PEOPLE["editor"]({"team": team})


@pytest.fixture
def facilitator(team):
    return PEOPLE["facilitator"]({"team": team})


@pytest.fixture
def other_supervisor(other_team):
    return PEOPLE["other_supervisor"]({"other_team": other_team})


@pytest.fixture
def team_mate(team, supervisor):
    """Another social worker in the worker's team, supervised by the same supervisor."""
    return PEOPLE["team_mate"]({"team": team, "supervisor": supervisor})


@pytest.fixture
def coordinator(other_team):
    return PEOPLE["coordinator"]({"other_team": other_team})


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def guide(db, editor):
    """Three published parts, a draft and two glossary words."""
    return make_guide(editor)


def make_guide(editor) -> list:
    """The `guide` fixture's parts (for a module-scoped world): three published parts, a draft and two glossary
    words."""
    from tests.factories import GlossaryTermFactory, draft_part, published_part

    GlossaryTermFactory(term="core group", definition="The people who meet to check a child protection plan.")
    GlossaryTermFactory(term="advocate", variants="advocacy", definition="Someone who helps you say what you think.")
    parts = [
        published_part(
            "what-to-expect",
            "What to expect",
            by=editor,
            body="Your social worker will visit you.\n\n## Meetings\n\nYou may go to a core group meeting. "
            "See [your rights](/guide/your-rights/).",
            children="Your social worker is there to help you. An advocate can help you too.",
        ),
        published_part("your-rights", "Your rights", by=editor, body="You have the right to complain."),
        published_part("feedback-and-complaints", "Feedback and complaints", by=editor, body="Tell us what you think."),
    ]
    draft_part("secret-plans", "Secret draft plans", by=editor, body="Unicorn budget proposals are not ready.")
    return parts


@pytest.fixture
def agreement(worker, supervisor):
    from tests.factories import AgreementFactory

    return AgreementFactory(supervisee=worker, supervisor=supervisor)


@pytest.fixture
def supervision_session(agreement):
    """A written-up, unsigned session between `worker` and `supervisor`, with a case and an action."""
    return make_supervision_session(agreement)


def make_supervision_session(agreement):
    """The `supervision_session` fixture's session in `agreement` (for a module-scoped world)."""
    from supervision.models import CaseDiscussion
    from tests.factories import ActionFactory, SessionFactory

    session = SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor)
    CaseDiscussion.objects.create(session=session, case_reference="CS-10442", discussion="Planning a core group.")
    ActionFactory(session=session)
    return session


# Pages the browser tests opened on each pytest-xdist worker (tests/browser/conftest.py), added up here
# in the controlling process, which prints the Content-Security-Policy check's page count.
CSP_PAGES_FROM_WORKERS: set[str] = set()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    CSP_PAGES_FROM_WORKERS.update(getattr(node, "workeroutput", {}).get("csp_pages", ()))


def pytest_terminal_summary(terminalreporter):
    if CSP_PAGES_FROM_WORKERS:
        terminalreporter.write_line(
            f"Content-Security-Policy check: {len(CSP_PAGES_FROM_WORKERS)} distinct pages opened in the browser "
            "(all test workers), every one watched for violations."
        )
