"""Small helpers the browser tests share: finding what GOV.UK Frontend puts on a page, and moving by keyboard.

Fixtures (the pages, signing in, axe-core) are in conftest.py; these are plain functions, imported where used.
"""

import pytest

TITLE_SUFFIX = " – Children's social care practice portal – City of London Corporation"

# The innermost elements whose box or text reaches past the right edge of the screen, to say what breaks reflow.
WIDER_THAN_THE_SCREEN = """() => {
    const edge = document.documentElement.clientWidth + 1;
    const sticksOut = element => element.getBoundingClientRect().right > edge
        || element.getBoundingClientRect().left + element.scrollWidth > edge;
    return [...document.querySelectorAll("body *")]
        .filter(sticksOut)
        .filter(element => ![...element.children].some(sticksOut))
        .map(element => `<${element.tagName.toLowerCase()} class="${element.className}">`);
}"""


def heading(page):
    return page.get_by_role("heading", level=1)


def success_banner(page):
    return page.locator(".govuk-notification-banner--success")


def error_summary(page):
    return page.locator(".govuk-error-summary")


def wait_until(page, expression: str, arg=None, *, timeout_ms: int = 10_000) -> None:
    """Wait until `expression` (a JavaScript function of `arg`, or an expression) is true in the page.

    Not `page.wait_for_function`: when its condition is not true at once, it goes on checking from inside the
    page with `new Function`, which the portal's Content-Security-Policy (no 'unsafe-eval') refuses. Each
    `page.evaluate` here runs over the browser's debugging protocol, which the policy does not govern."""
    waited = 0
    while not page.evaluate(expression, arg):
        if waited >= timeout_ms:
            pytest.fail(f"Waited {timeout_ms} ms for {expression}")
        page.wait_for_timeout(50)
        waited += 50


def wait_for_focus_on(page, element_id: str) -> None:
    wait_until(page, f"document.activeElement?.id === {element_id!r}")


def wait_for_error_summary_focus(page):
    """GOV.UK Frontend moves focus to the error summary on load, so screen readers announce it.

    `activeElement` is null while the next page is still arriving, hence the `?.`."""
    wait_until(page, "document.activeElement?.classList.contains('govuk-error-summary')")


def sideways_overflow(page) -> int:
    """How many CSS pixels the page itself scrolls sideways (0 or less: it fits the screen).

    Measured once the page has loaded: the DOM a test waited for can be there before the stylesheet, and a
    table laid out without it is wider than the screen."""
    page.wait_for_load_state()
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def wait_for_image(locator) -> None:
    """Wait until the image has really loaded (not broken): a busy machine paints the text before the pictures."""
    wait_until(locator.page, "image => image.complete && image.naturalWidth > 0", locator.element_handle())


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, presses=60):
    """Press Tab until `locator` has focus; fail after `presses`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    pytest.fail(f"The keyboard never reached {locator}")


def tab_until(page, test, *, presses=40):
    """Press Tab until `test` (JavaScript, given the focused element as `element`) is true; fail after `presses`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => Boolean({test}))(document.activeElement)"):
            return
    pytest.fail(f"The keyboard never reached an element where {test}")
