"""Every template, read as text: mistakes Django's template engine would show families as plain text."""

from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path
    for path in ROOT.glob("**/templates/**/*.html")
    if not {".venv", "node_modules", "staticfiles"} & set(path.relative_to(ROOT).parts)
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_template_comments_open_and_close_on_one_line(path):
    # {# ... #} must end on the line it starts on; otherwise the "comment" is printed on the page.
    # Longer comments use {% comment %}.
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        assert line.count("{#") == line.count("#}"), f"{path.relative_to(ROOT)}:{number}: use {{% comment %}}"
