"""The "try again later" page people see while the database cannot be reached: its layout and accessibility."""

from tests.portal.test_database_down import SORRY, database_unreachable


def test_the_database_down_page_is_styled_and_accessible(page, assert_accessible, transactional_db):
    with database_unreachable("socket"):
        # The live server's request threads open their own connections from the same settings.
        response = page.goto("/guide/")
        assert response.status == 503
        assert page.locator("h1").inner_text() == SORRY
        assert page.get_by_text("If a child is in danger right now, call 999.").is_visible()
        assert_accessible(page)
