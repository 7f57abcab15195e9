"""The managers' uptake view: the training matrix, its CSV and Excel downloads, and the coverage figures.

Open to supervisors (their team and reports), service managers and the training coordinator (the whole
service). Everyone else has their own training at /training/.
"""

from urllib.parse import urlencode

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal import request_params
from portal.access import access_required
from training import access
from training.coverage_html import targets_html
from training.matrix import (
    Column,
    Matrix,
    Sort,
    columns_for,
    course_choices,
    programme_choices,
    role_choices,
    team_choices,
)
from training.matrix_cells import EXPIRING_DAYS
from training.matrix_export import matrix_csv, matrix_xlsx
from training.matrix_html import CAPTION_ID, table_html
from training.matrix_rows import MAX_ON_ONE_PAGE, PER_PAGE, MatrixRows, matrix_page
from training.reports import coverage_for
from training.retention import retention_for
from training.uptake_forms import MatrixFilterForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


ALL = "all"


def _form(request) -> tuple[MatrixFilterForm, list[Column]]:
    user = request.user
    columns = columns_for(user)
    form = MatrixFilterForm(
        request.GET or None,
        teams=team_choices(user),
        roles=role_choices(),
        programmes=programme_choices(columns),
        courses=course_choices(columns),
    )
    return form, columns


def _page_number(request) -> int | None:
    """The page asked for: a number from 1, or None for everyone on one page. Anything else is page 1."""
    value = request.GET.get("page")
    if value == ALL:
        return None
    return request_params.positive_int(value) or 1


def _rows(request) -> MatrixRows:
    """Every row the filters ask for, for a download."""
    form, columns = _form(request)
    return MatrixRows(request.user, form.filters(), timezone.localdate(), columns)


def _caption(matrix: Matrix) -> str:
    order = {
        Sort.TEAM: "by team, then name",
        Sort.NAME: "by name",
        Sort.GAPS: "most gaps first",
    }[matrix.filters.sort]
    return f"Training by person and course, {order}"


@access_required(access.can_see_uptake)
def uptake(request):
    """A page of people at a time (everyone on one page a click away, for up to MAX_ON_ONE_PAGE)."""
    form, columns = _form(request)
    matrix = matrix_page(request.user, form.filters(), timezone.localdate(), _page_number(request), columns=columns)
    query = urlencode(matrix.filters.query())
    page = matrix.page
    return render(
        request,
        "training/uptake/matrix.html",
        {
            "form": form,
            "matrix": matrix,
            "page": page,
            "first_shown": page.start_index() if page else 1,
            "last_shown": page.end_index() if page else matrix.total,
            "may_show_all": page is not None and page.has_other_pages() and matrix.total <= MAX_ON_ONE_PAGE,
            "all_query": urlencode({**matrix.filters.query(), "page": ALL}),
            "per_page": PER_PAGE,
            "table": table_html(matrix, _caption(matrix)) if matrix.people and matrix.columns else "",
            "caption_id": CAPTION_ID,
            "query": query,
            "expiring_days": EXPIRING_DAYS,
        },
    )


def _filename(extension: str) -> str:
    return f"training-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


@access_required(access.can_see_uptake)
def uptake_csv(request):
    """Every row the filters ask for (not just a page), sent as it is written."""
    response = StreamingHttpResponse(matrix_csv(_rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


@access_required(access.can_see_uptake)
def uptake_xlsx(request):
    """Every row the filters ask for, built in a temporary file that the response sends and deletes."""
    workbook = matrix_xlsx(_rows(request))
    return FileResponse(workbook, as_attachment=True, filename=_filename("xlsx"), content_type=XLSX_TYPE)


@access_required(access.can_see_uptake)
def coverage(request):
    today = timezone.localdate()
    report = coverage_for(request.user, today)
    return render(
        request,
        "training/uptake/coverage.html",
        {
            "report": report,
            "targets_html": targets_html(report.targets),
            "retention": retention_for(request.user, today),
        },
    )
