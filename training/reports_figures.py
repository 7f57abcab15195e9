"""How a figure on the coverage page is shown: as a whole percentage, with a link to the people it counts.

Every section of the page uses these: `reports` (coverage against targets, gaps) and `reports_courses`
(spend, attendance, evaluations).
"""

from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse

from training.matrix import MatrixFilters


def matrix_url(path: str | None = None, **filters) -> str:
    """The matrix showing the people behind a figure. `path`: the matrix's own address, where the caller
    has looked it up once for many figures (reversing it again for each of hundreds of teams adds up)."""
    query = urlencode(MatrixFilters(**filters).query())
    return (path or reverse("training:uptake")) + (f"?{query}" if query else "")


def percent(part: int, whole: int) -> int | None:
    if not whole:
        return None
    return int((Decimal(100 * part) / whole).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
