"""Every URL pattern of the project, read from the resolver, made into an address to request.

New pages are picked up as they are added: nothing here lists URLs. Path arguments are filled from a
"world" of real objects (see `fill`): by argument name, by the longest route prefix for ids, and by
the admin's own model for admin pages. An argument nobody knows gets a plain value of the right
shape, so the page still answers (usually 404), and is still checked.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone

# Values tried, in order, for an argument whose sub-pattern nothing else matches.
PLAIN_VALUES = ("1", "portal", "x", "abc123", "no-such-page/")


@dataclass(frozen=True)
class Route:
    parts: tuple  # the RoutePattern / RegexPattern of each include level, outermost first
    name: str  # "namespace:name", or "" when the pattern has none
    pattern: URLPattern

    @property
    def route(self) -> str:
        return "".join(str(part) for part in self.parts)

    @property
    def model_admin(self):
        """The admin's ModelAdmin behind an admin page (its views carry it), or None."""
        return getattr(self.pattern.callback, "model_admin", None)


def routes(patterns=None, parts: tuple = (), namespace: str = "") -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from routes(entry.url_patterns, (*parts, entry.pattern), inner)
        else:
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
            yield Route((*parts, entry.pattern), name, entry)


# value_for(argument name, sub-pattern regex, route so far) -> a value, or None when unknown
ValueFor = Callable[[str, str, str], str | None]


def _choose(name: str, regex: str, so_far: str, value_for: ValueFor) -> str:
    known = value_for(name, regex, so_far)
    alternatives = re.fullmatch(r"[\w-]+(\|[\w-]+)+", regex)
    candidates = [known] if known is not None else []
    candidates += [regex.split("|")[0]] if alternatives else []
    candidates += list(PLAIN_VALUES)
    for candidate in candidates:
        if re.fullmatch(regex, candidate):
            return candidate
    return PLAIN_VALUES[0]


def _fill_route(pattern: RoutePattern, so_far: str, value_for: ValueFor) -> str:
    route = str(pattern)

    def replace(match):
        name = match.group("name")
        converter = pattern.converters[name]
        return _choose(name, converter.regex, so_far + route[: match.start()], value_for)

    return re.sub(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>", replace, route)


def _fill_regex(pattern: RegexPattern, so_far: str, value_for: ValueFor) -> str:
    regex, out, i = str(pattern), [], 0
    while i < len(regex):
        if regex.startswith("(?P<", i):
            name_end = regex.index(">", i)
            depth, j = 1, name_end + 1
            while depth:
                if regex[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(regex[j], 0)
                j += 1
            name, sub = regex[i + 4 : name_end], regex[name_end + 1 : j - 1]
            out.append(_choose(name, sub, so_far + "".join(out), value_for))
            i = j
        elif regex[i] == "\\":
            out.append(regex[i + 1])
            i += 2
        elif regex[i] in "^$":
            i += 1
        else:
            out.append(regex[i])
            i += 1
    return "".join(out)


def address(route: Route, value_for: ValueFor) -> str:
    """A path that resolves to `route`, with every argument filled."""
    path = ""
    for part in route.parts:
        if isinstance(part, RoutePattern):
            path += _fill_route(part, path, value_for)
        else:
            path += _fill_regex(part, path, value_for)
    return "/" + path


def training_world(worker) -> dict:
    """The training objects whose ids the walkers put in paths, all booked or recorded by `worker`.

    A course (in a programme) with an open date a fortnight ahead and a past date a month ago; a
    completed booking on the past date, with a certificate; a pending booking on the open date; and a
    piece of external learning.
    """
    from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory
    from training.models import ExternalLearning

    course = CourseFactory(programme=ProgrammeFactory())
    now = timezone.localtime()
    soon, before = now + timedelta(days=14), now - timedelta(days=30)
    open_date = CourseDateFactory(course=course, starts_at=soon, ends_at=soon + timedelta(hours=6))
    past_date = CourseDateFactory(course=course, starts_at=before, ends_at=before + timedelta(hours=6))
    completed = BookingFactory(
        course_date=past_date,
        person=worker,
        attendance="attended",
        hours_attended=6,
        completed_on=past_date.starts_at.date(),
        certificate=b"%PDF-1.7\n%%EOF\n",
        certificate_name="certificate.pdf",
        certificate_type="application/pdf",
    )
    return {
        "course": course,
        "open_date": open_date,
        "past_date": past_date,
        "completed": completed,
        "pending": BookingFactory(course_date=open_date, person=worker, status="pending", approved_at=None),
        "learning": ExternalLearning.objects.create(
            person=worker, title="A conference", kind="conference", completed_on=now.date(), hours=6
        ),
    }
