"""The editors' pages for translations, under /guide/manage/translations/: every part's, journey step's and
glossary entry's state in each turned-on language; adding, changing and removing a translation."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from portal.access import access_required
from portal.edit_conflicts import EditConflictError
from practice_guide import translations
from practice_guide.access import can_edit_guide
from practice_guide.models import GlossaryTerm, GuidePart, Kind
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


def _or_404(existing):
    if existing is None:
        raise Http404("There is no translation to remove")
    return existing


def _initial(existing, own_fields) -> dict:
    """The form prefilled from a saved translation: its own fields, then the credit and version both kinds have."""
    initial = {field: getattr(existing, field) for field in own_fields}
    initial.update(
        translated_by=existing.translated_by,
        checked_by=existing.checked_by,
        checked_on=existing.checked_on.strftime("%-d %-m %Y") if existing.checked_on else "",
        is_example=existing.is_example,
        edit_version=existing.edit_version,
    )
    return initial


def _edit(request, *, form_class, language, existing, own_fields, save, name, template, context):
    """The flow a part's and a glossary entry's translation share. `save(form)` writes it; `context(existing)`
    gives the page what only that kind needs, since after a conflict `existing` is the other editor's version."""
    had_conflict = False
    if request.method == "POST":
        form = form_class(request.POST, language=language)
        if form.is_valid():
            try:
                save(form)
            except EditConflictError as error:
                # Show their translation (None: they removed it); saving again now replaces it with ours.
                had_conflict, existing = True, error.record
                form.data = form.data.copy()
                form.data["edit_version"] = "" if existing is None else existing.edit_version
                form.add_error(None, _CONFLICT)
            else:
                messages.success(request, f"The {language.name} translation of “{name}” is saved.")
                return redirect("practice_guide:manage-translations")
    elif existing is not None:
        form = form_class(language=language, initial=_initial(existing, own_fields))
    else:
        form = form_class(language=language)
    return render(
        request,
        template,
        {
            **context(existing),
            "form": form,
            "language": language,
            "existing": existing,
            "had_conflict": had_conflict,
        },
    )


def _delete(request, existing, *, language, name, what, translation_title):
    if request.method == "POST":
        translations.delete_translation(existing)
        messages.success(request, f"The {language.name} translation of “{name}” was removed.")
        return redirect("practice_guide:manage-translations")
    return render(
        request,
        "practice_guide/manage/translation_delete.html",
        {"what": what, "language": language, "translation_title": translation_title},
    )


@access_required(can_edit_guide)
def translation_edit(request, pk, language):
    part = _part(request, pk)
    language = _language(language)
    english = translations.english_for(part)

    def save(form):
        translations.save_translation(
            part,
            language,
            text=form.text(),
            credit=form.credit(),
            expected_version=form.expected_version(),
            by=request.user,
        )

    def context(existing):
        needs_review = existing is not None and translations.english_changed(english, existing.source)
        return {"part": part, "english": english, "needs_review": needs_review}

    with_timescale = part.kind == Kind.STEP and bool(english.timescale)
    return _edit(
        request,
        form_class=partial(TranslationForm, with_timescale=with_timescale),
        language=language,
        existing=translations.translation_of(part, language),
        own_fields=("title", "summary", "body_parents", "body_children", *(["timescale"] if with_timescale else [])),
        save=save,
        name=english.title,
        template="practice_guide/manage/translation_form.html",
        context=context,
    )


@access_required(can_edit_guide)
def translation_delete(request, pk, language):
    part = _part(request, pk)
    language = _language(language)
    existing = _or_404(translations.translation_of(part, language))
    return _delete(
        request,
        existing,
        language=language,
        name=existing.title,
        what=translations.english_for(part).title,
        translation_title=existing.title,
    )


def _entry(request, pk) -> GlossaryTerm:
    return get_object_or_404(GlossaryTerm.objects.for_editor(request.user), pk=pk)


@access_required(can_edit_guide)
def glossary_translation_edit(request, pk, language):
    entry = _entry(request, pk)
    language = _language(language)

    def save(form):
        translations.save_glossary_translation(
            entry,
            language,
            term=form.cleaned_data["term"].strip(),
            definition=form.cleaned_data["definition"].strip(),
            credit=form.credit(),
            expected_version=form.expected_version(),
            by=request.user,
        )

    def context(existing):
        if existing is not None:
            existing.entry = entry
        return {"entry": entry, "needs_review": existing is not None and existing.is_out_of_date}

    return _edit(
        request,
        form_class=GlossaryTranslationForm,
        language=language,
        existing=translations.glossary_translation_of(entry, language),
        own_fields=("term", "definition"),
        save=save,
        name=entry.term,
        template="practice_guide/manage/glossary_translation_form.html",
        context=context,
    )


@access_required(can_edit_guide)
def glossary_translation_delete(request, pk, language):
    entry = _entry(request, pk)
    language = _language(language)
    existing = _or_404(translations.glossary_translation_of(entry, language))
    return _delete(
        request,
        existing,
        language=language,
        name=entry.term,
        what=entry.term,
        translation_title=existing.term,
    )
