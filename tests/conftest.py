import pytest

from portal.roles import Role
from tests.factories import PASSWORD, TeamFactory, UserFactory
from tests.oidc_provider.fixtures import oidc_provider  # noqa: F401 - the single sign-on tests' provider


@pytest.fixture
def team(db):
    return TeamFactory(name="Assessment and Family Support")


@pytest.fixture
def other_team(db, team):
    return TeamFactory(name="Children in Care", service=team.service)


@pytest.fixture
def supervisor(team):
    return UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager")


@pytest.fixture
def worker(team, supervisor):
    return UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])


@pytest.fixture
def other_worker(other_team):
    return UserFactory(team=other_team, roles=[Role.SOCIAL_WORKER])


@pytest.fixture
def service_manager(team):
    return UserFactory(team=team, roles=[Role.SERVICE_MANAGER], job_title="Service Manager")


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def editor(team):
    return UserFactory(team=team, roles=[Role.GUIDE_EDITOR], job_title="Practice Development Lead")


@pytest.fixture
def guide(db, editor):
    """Three published parts, a draft and two glossary words."""
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
def facilitator(team):
    return UserFactory(team=team, roles=[Role.FACILITATOR], job_title="Systemic Psychotherapist")


@pytest.fixture
def other_supervisor(other_team):
    return UserFactory(team=other_team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager")


@pytest.fixture
def team_mate(team, supervisor):
    """Another social worker in the worker's team, supervised by the same supervisor."""
    return UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])


@pytest.fixture
def agreement(worker, supervisor):
    from tests.factories import AgreementFactory

    return AgreementFactory(supervisee=worker, supervisor=supervisor)


@pytest.fixture
def supervision_session(agreement):
    """A written-up, unsigned session between `worker` and `supervisor`, with a case and an action."""
    from supervision.models import CaseDiscussion
    from tests.factories import ActionFactory, SessionFactory

    session = SessionFactory(supervisee=agreement.supervisee, supervisor=agreement.supervisor)
    CaseDiscussion.objects.create(session=session, case_reference="CS-10442", discussion="Planning a core group.")
    ActionFactory(session=session)
    return session


@pytest.fixture
def coordinator(other_team):
    return UserFactory(
        team=other_team, roles=[Role.TRAINING_COORDINATOR], job_title="Workforce Development Coordinator"
    )


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
