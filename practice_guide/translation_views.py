"""The editors' pages for translations, under /guide/manage/translations/: every part's, journey step's and
glossary entry's state in each turned-on language; adding, changing and removing a translation."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from practice_guide import translations
from practice_guide.access import can_edit_guide
from practice_guide.models import GlossaryTerm, GuidePart
from practice_guide.translation_forms import GlossaryTranslationForm, TranslationForm


def _language(code: str):
    """A language the service offers; a forged code, or one that is turned off, is not found."""
    language = translations.language_turned_on(code)
    if language is None:
        raise Http404("The guide is not offered in that language")
    return language


def _part(request, pk) -> GuidePart:
    return get_object_or_404(GuidePart.objects.for_editor(request.user).select_related("draft", "published"), pk=pk)


@access_required(can_edit_guide)
def translation_list(request):
    return render(
        request,
        "practice_guide/manage/translation_list.html",
        {
            "languages": translations.turned_on(),
            "part_rows": translations.parts_overview(request.user),
            "term_rows": translations.glossary_overview(request.user),
        },
    )


_CONFLICT = (
    "Someone else saved or removed this translation while you were editing it. Your changes have not been saved "
    "yet. Check their version below, then save again to replace it with yours"
)


@access_required(can_edit_guide)
def translation_edit(request, pk, language):
    part = _part(request, pk)
    language = _language(language)
    existing = translations.translation_of(part, language)
    english = translations.english_for(part)
    had_conflict = False
    if request.method == "POST":
        form = TranslationForm(request.POST, language=language)
        if form.is_valid():
            try:
                translations.save_translation(
                    part,
                    language,
                    text=form.text(),
                    credit=form.credit(),
                    expected_version=form.expected_version(),
                    by=request.user,
                )
            except EditConflictError as error:
                # Show their translation (None: they removed it); saving again now replaces it with ours.
                had_conflict, existing = True, error.record
                form.data = form.data.copy()
                form.data["edit_version"] = "" if existing is None else existing.edit_version
                form.add_error(None, _CONFLICT)
            else:
                messages.success(request, f"The {language.name} translation of “{english.title}” is saved.")
                return redirect("practice_guide:manage-translations")
    elif existing is not None:
        form = TranslationForm(
            language=language,
            initial={
                "title": existing.title,
                "summary": existing.summary,
                "body_parents": existing.body_parents,
                "body_children": existing.body_children,
                "translated_by": existing.translated_by,
                "checked_by": existing.checked_by,
                "checked_on": existing.checked_on.strftime("%-d %-m %Y") if existing.checked_on else "",
                "is_example": existing.is_example,
                "edit_version": existing.edit_version,
            },
        )
    else:
        form = TranslationForm(language=language)
    return render(
        request,
        "practice_guide/manage/translation_form.html",
        {
            "form": form,
            "part": part,
            "english": english,
            "language": language,
            "existing": existing,
            "needs_review": existing is not None and translations.english_changed(english, existing.source),
            "had_conflict": had_conflict,
        },
    )


@access_required(can_edit_guide)
def translation_delete(request, pk, language):
    part = _part(request, pk)
    language = _language(language)
    existing = translations.translation_of(part, language)
    if existing is None:
        raise Http404("There is no translation to remove")
    if request.method == "POST":
        translations.delete_translation(existing)
        messages.success(request, f"The {language.name} translation of “{existing.title}” was removed.")
        return redirect("practice_guide:manage-translations")
    return render(
        request,
        "practice_guide/manage/translation_delete.html",
        {"what": translations.english_for(part).title, "language": language, "translation_title": existing.title},
    )


def _entry(request, pk) -> GlossaryTerm:
    return get_object_or_404(GlossaryTerm.objects.for_editor(request.user), pk=pk)


@access_required(can_edit_guide)
def glossary_translation_edit(request, pk, language):
    entry = _entry(request, pk)
    language = _language(language)
    existing = translations.glossary_translation_of(entry, language)
    had_conflict = False
    if request.method == "POST":
        form = GlossaryTranslationForm(request.POST, language=language)
        if form.is_valid():
            try:
                translations.save_glossary_translation(
                    entry,
                    language,
                    term=form.cleaned_data["term"].strip(),
                    definition=form.cleaned_data["definition"].strip(),
                    credit=form.credit(),
                    expected_version=form.expected_version(),
                    by=request.user,
                )
            except EditConflictError as error:
                # Show their translation (None: they removed it); saving again now replaces it with ours.
                had_conflict, existing = True, error.record
                form.data = form.data.copy()
                form.data["edit_version"] = "" if existing is None else existing.edit_version
                form.add_error(None, _CONFLICT)
            else:
                messages.success(request, f"The {language.name} translation of “{entry.term}” is saved.")
                return redirect("practice_guide:manage-translations")
    elif existing is not None:
        form = GlossaryTranslationForm(
            language=language,
            initial={
                "term": existing.term,
                "definition": existing.definition,
                "translated_by": existing.translated_by,
                "checked_by": existing.checked_by,
                "checked_on": existing.checked_on.strftime("%-d %-m %Y") if existing.checked_on else "",
                "is_example": existing.is_example,
                "edit_version": existing.edit_version,
            },
        )
    else:
        form = GlossaryTranslationForm(language=language)
    if existing is not None:
        existing.entry = entry
    return render(
        request,
        "practice_guide/manage/glossary_translation_form.html",
        {
            "form": form,
            "entry": entry,
            "language": language,
            "existing": existing,
            "needs_review": existing is not None and existing.is_out_of_date,
            "had_conflict": had_conflict,
        },
    )


@access_required(can_edit_guide)
def glossary_translation_delete(request, pk, language):
    entry = _entry(request, pk)
    language = _language(language)
    existing = translations.glossary_translation_of(entry, language)
    if existing is None:
        raise Http404("There is no translation to remove")
    if request.method == "POST":
        translations.delete_glossary_translation(existing)
        messages.success(request, f"The {language.name} translation of “{entry.term}” was removed.")
        return redirect("practice_guide:manage-translations")
    return render(
        request,
        "practice_guide/manage/translation_delete.html",
        {"what": entry.term, "language": language, "translation_title": existing.term},
    )
