"""The demo handbook: the pages in handbook/demo_content.py, published by the demo practice lead, their tools
linked to the demo training programme's courses and to supervision frames, some required reading, and some
of it already confirmed, so the reading report has something to show."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from handbook import services
from handbook.demo_content import PAGES
from handbook.models import ASYE, ReadConfirmation
from portal.roles import Role
from practice_guide import services as page_services
from practice_guide.models import Audience, GuidePart, Kind
from training.demo.programme import COURSES
from training.models import Course

EDITOR = "editor@example.org"

REQUIRED = {
    ASYE: ["our-vision", "relationship-based-practice", "reflective-supervision", "your-first-year", "genogram"],
    Role.SOCIAL_WORKER: ["our-vision", "relationship-based-practice", "a-range-of-methods", "signs-of-safety-mapping"],
    Role.SUPERVISOR: ["our-vision", "reflective-supervision"],
}

# Who had read what, some days ago: (email, slug, days ago).
ALREADY_READ = [
    ("worker@example.org", "our-vision", 40),
    ("worker@example.org", "relationship-based-practice", 38),
    ("worker@example.org", "a-range-of-methods", 30),
    ("worker2@example.org", "our-vision", 12),
    ("worker3@example.org", "our-vision", 20),
    ("worker3@example.org", "genogram", 18),
    ("supervisor@example.org", "our-vision", 60),
    ("supervisor@example.org", "reflective-supervision", 55),
]


@transaction.atomic
def load(people, today) -> str:
    editor = people[EDITOR]
    course_ids = _course_ids()
    added = 0
    for entry in PAGES:
        if GuidePart.objects.handbook().filter(slug=entry["slug"]).exists():
            continue
        text = page_services.PartText(
            entry["title"], entry["summary"], entry["body"].strip(), editor_note=entry["editor_note"].strip()
        )
        page = page_services.create_part(slug=entry["slug"], text=text, by=editor, kind=entry["kind"])
        page_services.publish(page, by=editor)
        if entry["kind"] == Kind.TOOL:
            courses = [course_ids[key] for key in entry["courses"] if key in course_ids]
            services.set_tool_links(page, courses=courses, frames=set(entry["frames"]))
        added += 1
    if added:
        _required_reading(editor)
        _already_read(people, today)
    return f"Practice handbook: {added} pages published, {len(PAGES) - added} already there."


def _course_ids() -> dict[str, int]:
    by_title = dict(Course.objects.values_list("title", "pk"))
    return {spec.key: by_title[spec.title] for spec in COURSES if spec.title in by_title}


def _required_reading(editor) -> None:
    pages = {page.slug: page for page in GuidePart.objects.handbook()}
    wanted: dict[str, set[str]] = {}
    for readers, slugs in REQUIRED.items():
        for slug in slugs:
            wanted.setdefault(slug, set()).add(readers)
    for slug, readers in wanted.items():
        services.set_required_reading(pages[slug], readers, by=editor)


def _already_read(people, today) -> None:
    pages = {page.slug: page for page in GuidePart.objects.published(Audience.STAFF)}
    now = timezone.now()
    for email, slug, days_ago in ALREADY_READ:
        if email not in people:
            continue
        confirmation, _created = services.confirm_read(people[email], pages[slug])
        ReadConfirmation.objects.filter(pk=confirmation.pk).update(confirmed_at=now - timedelta(days=days_ago))
