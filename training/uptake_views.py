"""The managers' uptake view: the training matrix, its CSV and Excel downloads, and the coverage figures.

Open to supervisors (their team and reports), service managers and the training coordinator (the whole
service). Everyone else has their own training at /training/.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal.csv_export import csv_response
from training import access
from training import matrix as selectors
from training.matrix_export import export_header, export_rows, xlsx_bytes
from training.matrix_html import CAPTION_ID, table_html
from training.reports import coverage_for
from training.uptake_forms import MatrixFilterForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def uptake_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not access.can_see_uptake(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _matrix(request) -> tuple[MatrixFilterForm, selectors.Matrix]:
    user = request.user
    columns = selectors.columns_for(user)
    form = MatrixFilterForm(
        request.GET or None,
        teams=selectors.team_choices(user),
        roles=selectors.role_choices(),
        programmes=selectors.programme_choices(columns),
        courses=selectors.course_choices(columns),
    )
    return form, selectors.matrix_for(user, form.filters(), timezone.localdate(), columns=columns)


def _caption(matrix: selectors.Matrix) -> str:
    order = {
        selectors.Sort.TEAM: "by team, then name",
        selectors.Sort.NAME: "by name",
        selectors.Sort.GAPS: "most gaps first",
    }[matrix.filters.sort]
    return f"Training by person and course, {order}"


@uptake_required
def uptake(request):
    form, matrix = _matrix(request)
    query = urlencode(matrix.filters.query())
    return render(
        request,
        "training/uptake/matrix.html",
        {
            "form": form,
            "matrix": matrix,
            "table": table_html(matrix, _caption(matrix)) if matrix.people and matrix.columns else "",
            "caption_id": CAPTION_ID,
            "query": query,
            "expiring_days": selectors.EXPIRING_DAYS,
        },
    )


def _filename(extension: str) -> str:
    return f"training-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


@uptake_required
def uptake_csv(request):
    _form, matrix = _matrix(request)
    return csv_response(_filename("csv"), export_header(matrix), export_rows(matrix))


@uptake_required
def uptake_xlsx(request):
    _form, matrix = _matrix(request)
    content = xlsx_bytes("Training matrix", export_header(matrix), export_rows(matrix))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response


@uptake_required
def coverage(request):
    return render(
        request, "training/uptake/coverage.html", {"report": coverage_for(request.user, timezone.localdate())}
    )
