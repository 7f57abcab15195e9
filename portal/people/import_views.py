"""Importing people from HR: how to prepare the file, the template, upload, preview and confirm.

Nothing is saved until the administrator confirms. Between upload and confirmation the file's
text waits in the administrator's own session (kept in the database), and is checked again when
they confirm.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.access import access_required
from portal.csv_export import csv_response
from portal.people.access import can_manage_people
from portal.people.import_checks import plan_import
from portal.people.import_forms import ConfirmForm, UploadForm
from portal.people.import_saving import ImportNotSavedError, apply_import
from portal.people.imports import COLUMNS
from portal.roles import ROLES

SESSION_KEY = "people_import"


@never_cache
@access_required(can_manage_people)
@require_safe
def columns(request):
    return render(request, "people/import_columns.html", {"columns": COLUMNS, "roles": sorted(ROLES)})


@never_cache
@access_required(can_manage_people)
@require_safe
def template(request):
    return csv_response("people-import-template.csv", [column.heading for column in COLUMNS], [])


@never_cache
@access_required(can_manage_people)
@require_http_methods(["GET", "POST"])
def upload(request):
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = {"text": form.text, "name": form.filename}
        return redirect("people:import-preview")
    return render(request, "people/import_upload.html", {"form": form})


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if isinstance(pending, dict) and isinstance(pending.get("text"), str):
        return pending
    return None


@never_cache
@access_required(can_manage_people)
@require_safe
def preview(request):
    pending = _pending(request)
    if pending is None:
        messages.info(request, "Upload the file again: the portal no longer has the one you chose.")
        return redirect("people:import")
    plan = plan_import(pending["text"], by=request.user, today=timezone.localdate())
    return render(
        request,
        "people/import_preview.html",
        {
            "plan": plan,
            "filename": pending["name"],
            "form": ConfirmForm(initial={"digest": plan.digest()}),
            "new": [row for row in plan.rows if row.status == "new"],
            "changed": [row for row in plan.rows if row.status == "changed"],
            "unchanged": [row for row in plan.rows if row.status == "unchanged"],
        },
    )


@never_cache
@access_required(can_manage_people)
@require_POST
def confirm(request):
    pending = _pending(request)
    form = ConfirmForm(request.POST)
    if pending is None:
        messages.info(request, "Upload the file again: the portal no longer has the one you chose.")
        return redirect("people:import")
    if not form.is_valid():
        messages.error(request, "Check the preview, then confirm the import from it.")
        return redirect("people:import-preview")
    try:
        plan = apply_import(
            pending["text"],
            by=request.user,
            expected_digest=form.cleaned_data["digest"],
            today=timezone.localdate(),
            request=request,
            filename=pending["name"],
        )
    except ImportNotSavedError as error:
        messages.error(request, f"{error}.")
        return redirect("people:import-preview")
    except IntegrityError:
        messages.error(
            request,
            "Someone added or changed people while the import was saving, so nothing was saved. "
            "Check the preview again, then confirm.",
        )
        return redirect("people:import-preview")
    del request.session[SESSION_KEY]
    added, changed = plan.count("new"), plan.count("changed")
    messages.success(
        request,
        f"Import saved: {added:,} {'person' if added == 1 else 'people'} added and {changed:,} changed."
        + (" New people have been sent an invitation." if added else ""),
    )
    return redirect("people:import")
