"""How a figure on the coverage page is shown: as a whole percentage, with a link to the people it counts.

Every section of the page uses these: `reports` (coverage against targets, gaps) and `reports_courses`
(spend, attendance, evaluations).
"""

from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse

from training.matrix import MatrixFilters


def matrix_url(**filters) -> str:
    """The matrix showing the people behind a figure."""
    query = urlencode(MatrixFilters(**filters).query())
    return reverse("training:uptake") + (f"?{query}" if query else "")


def percent(part: int, whole: int) -> int | None:
    if not whole:
        return None
    return int((Decimal(100 * part) / whole).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
