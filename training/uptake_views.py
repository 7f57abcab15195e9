"""The managers' uptake view: the training matrix, its CSV and Excel downloads, and the coverage figures.

Open to supervisors (their team and reports), service managers and the training coordinator (the whole
service). Everyone else has their own training at /training/.
"""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal.access import access_required
from portal.csv_export import csv_response
from training import access
from training.matrix import (
    Matrix,
    Sort,
    columns_for,
    course_choices,
    matrix_for,
    programme_choices,
    role_choices,
    team_choices,
)
from training.matrix_cells import EXPIRING_DAYS
from training.matrix_export import export_header, export_rows, xlsx_bytes
from training.matrix_html import CAPTION_ID, table_html
from training.reports import coverage_for
from training.uptake_forms import MatrixFilterForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _matrix(request) -> tuple[MatrixFilterForm, Matrix]:
    user = request.user
    columns = columns_for(user)
    form = MatrixFilterForm(
        request.GET or None,
        teams=team_choices(user),
        roles=role_choices(),
        programmes=programme_choices(columns),
        courses=course_choices(columns),
    )
    return form, matrix_for(user, form.filters(), timezone.localdate(), columns=columns)


def _caption(matrix: Matrix) -> str:
    order = {
        Sort.TEAM: "by team, then name",
        Sort.NAME: "by name",
        Sort.GAPS: "most gaps first",
    }[matrix.filters.sort]
    return f"Training by person and course, {order}"


@access_required(access.can_see_uptake)
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
            "expiring_days": EXPIRING_DAYS,
        },
    )


def _filename(extension: str) -> str:
    return f"training-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


@access_required(access.can_see_uptake)
def uptake_csv(request):
    _form, matrix = _matrix(request)
    return csv_response(_filename("csv"), export_header(matrix), export_rows(matrix))


@access_required(access.can_see_uptake)
def uptake_xlsx(request):
    _form, matrix = _matrix(request)
    content = xlsx_bytes("Training matrix", export_header(matrix), export_rows(matrix))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response


@access_required(access.can_see_uptake)
def coverage(request):
    return render(
        request, "training/uptake/coverage.html", {"report": coverage_for(request.user, timezone.localdate())}
    )
