"""A case decision the child's file can use, in a real browser: recorded without the child's view, held back
from sign-off, put right, then copied for the case record; axe-core on every page. (A refused sign-off and
signing off once it is put right are tested in-process: tests/supervision/test_case_decisions.py.)"""

import re

import pytest
from playwright.sync_api import expect

from supervision.models import CaseDiscussion
from tests.browser.helpers import TITLE_SUFFIX, success_banner

pytestmark = pytest.mark.usefixtures("empty_cache")


def test_a_decision_without_the_childs_view_waits_for_it_then_is_copied_for_the_case_record(
    page, sign_in, supervisor, worker, supervision_session, assert_accessible
):
    sign_in(page, supervisor)
    page.goto(f"/supervision/sessions/{supervision_session.pk}/")
    page.get_by_role("link", name="Add a case discussion").click()
    expect(page).to_have_title(f"Add a case discussion{TITLE_SUFFIX}")
    assert_accessible(page)
    page.get_by_label("Case reference").fill("cs-30303")
    page.get_by_label("What you discussed").fill("Whether to step the plan down.")
    page.get_by_label("The decision (optional)", exact=True).fill("Step down to a child in need plan.")
    page.get_by_label("Why: the analysis behind the decision (optional)").fill("Three months of steady change.")
    page.get_by_label("What happens next (optional)", exact=True).fill("Hand over to the child in need team.")
    page.get_by_label("By whom (optional)").fill("the allocated social worker")
    page.get_by_role("button", name="Add the case discussion").click()
    page.wait_for_url(f"**/supervision/sessions/{supervision_session.pk}/")
    expect(success_banner(page)).to_contain_text("The discussion of case CS-30303 is added.")
    # The session page says what is missing, and offers no sign-off until it is there.
    expect(page.get_by_text("Before this record can be signed off")).to_be_visible()
    expect(page.get_by_role("button", name="Sign off this record")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Case CS-30303: add the child’s views and experience").click()

    expect(page).to_have_title(f"Change the discussion of case CS-30303{TITLE_SUFFIX}")
    views = page.get_by_label("The child’s views and experience, and how we know them (optional)")
    expect(views).to_be_focused()
    assert_accessible(page)
    views.fill("The 10-year-old told the worker at school that things are calmer at home. Seen alone.")
    page.get_by_role("button", name="Save the case discussion").click()
    expect(success_banner(page)).to_contain_text("The discussion of case CS-30303 is saved.")
    expect(page.get_by_text("Before this record can be signed off")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign off this record")).to_be_visible()

    page.get_by_role("link", name=re.compile("^Copy for the case record.*case CS-30303$")).click()
    expect(page).to_have_title(f"Case CS-30303: copy for the case record{TITLE_SUFFIX}")
    text = page.get_by_label("Text for the case record")
    expect(text).to_have_attribute("readonly", "")
    expect(page.get_by_text("This is a draft: the supervision record is not yet signed off")).to_be_visible()
    expect(text).to_have_value(re.compile(r"^DRAFT: this supervision record is not yet signed off by both people"))
    expect(text).to_have_value(re.compile(r"\n\nCase CS-30303: decision from supervision\nDate of supervision: "))
    expect(text).to_have_value(re.compile(f"Supervisor: {supervisor.full_name}\nSupervisee: {worker.full_name}\n"))
    expect(text).to_have_value(re.compile("The 10-year-old told the worker at school"))
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a text file for case CS-30303").click()
    assert download.value.suggested_filename.startswith("case-CS-30303-supervision-")
    assert CaseDiscussion.objects.get(case_reference="CS-30303").needs_before_sign_off == []
