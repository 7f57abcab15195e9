"""The demo guide: ten published parts and the glossary, written for this service."""

from django.db import transaction
from django.utils.text import slugify

from practice_guide import services
from practice_guide.demo_content import easy_read, journey, translations
from practice_guide.demo_content.parts_one import GLOSSARY
from practice_guide.demo_content.parts_one import PARTS as FIRST_PARTS
from practice_guide.demo_content.parts_two import PARTS as LATER_PARTS
from practice_guide.models import GlossaryTerm, GuidePart

PARTS = FIRST_PARTS + LATER_PARTS


@transaction.atomic
def load(editor) -> int:
    """Publish any demo part and glossary word not there yet. Returns how many parts were added."""
    for entry in GLOSSARY:
        GlossaryTerm.objects.get_or_create(
            slug=slugify(entry["term"]),
            defaults={
                "term": entry["term"],
                "variants": "\n".join(entry["variants"]),
                "definition": entry["definition"],
            },
        )
    added = 0
    for entry in PARTS:
        if GuidePart.objects.filter(slug=entry["slug"]).exists():
            continue
        text = services.PartText(entry["title"], entry["summary"], entry["parents"].strip(), entry["children"].strip())
        part = services.create_part(slug=entry["slug"], text=text, by=editor)
        services.publish(part, by=editor)
        added += 1
    easy_read.load(editor, PARTS)
    journey.load(editor)  # the steps of "What happens and when", after the parts they link to
    translations.load(editor)  # example Polish and Arabic translations, made from the English as published
    return added
