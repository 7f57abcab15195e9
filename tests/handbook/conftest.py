import pytest

from portal.roles import Role
from tests.factories import UserFactory, handbook_page


@pytest.fixture
def practice_lead(team):
    return UserFactory(team=team, roles=[Role.PRACTICE_LEAD], job_title="Practice lead")


@pytest.fixture
def handbook(db, editor):
    """Published pages of each kind, and a draft: {slug: page}."""
    pages = [
        handbook_page("our-vision", "Our vision", by=editor, body="Relationships are how we help. Zanzibar protocol."),
        handbook_page("genogram", "Genograms", kind="tool", by=editor),
        handbook_page("ecomap", "Ecomaps", kind="tool", by=editor),
        handbook_page("reflective-supervision", "Reflective supervision", kind="learning", by=editor),
        handbook_page("unfinished", "An unfinished page", by=editor, publish=False, body="Quokka draft text."),
    ]
    return {page.slug: page for page in pages}
