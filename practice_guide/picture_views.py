"""The editors' picture search, for the pictures beside each line of the easy read version.

A page that works on its own (open it beside the editor and copy a code), and the same search as JSON for the
editor page's picker (static/js/picture-picker.mjs).
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.access import access_required
from practice_guide import pictures
from practice_guide.access import can_edit_guide
from practice_guide.forms import PictureSearchForm

PAGE_RESULTS = 48
PICKER_RESULTS = 12


def _search(request, limit: int):
    """(form, query, results, more): `more` says there were more matches than `limit`."""
    form = PictureSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    found = pictures.search(query, limit=limit + 1) if query else []
    return form, query, found[:limit], len(found) > limit


@require_safe
@access_required(can_edit_guide)
def picture_search(request):
    form, query, results, more = _search(request, PAGE_RESULTS)
    return render(
        request,
        "practice_guide/manage/pictures.html",
        {"form": form, "query": query, "results": results, "more": more, "limit": PAGE_RESULTS},
        status=400 if form.errors else 200,
    )


@require_safe
@access_required(can_edit_guide)
def picture_search_json(request):
    form, _query, results, more = _search(request, PICKER_RESULTS)
    if form.errors:
        return JsonResponse({"error": next(iter(form.errors.values()))[0]}, status=400)
    return JsonResponse(
        {
            "results": [{"code": picture.code, "name": picture.name, "url": picture.url} for picture in results],
            "more": more,
        }
    )
