"""The portal's load test: families reading the guide and staff at work (`scripts/load_test.py`).

Run by scripts/load_test.py and scripts/fault_db_restart.py, which start gunicorn on 127.0.0.1 with
production settings, prepare the people and data, and pass everything this file needs in the
environment:

LOAD_STAFF_FILE  JSON list of {"email", "password", "totp_secret", "role"}: role is supervisor,
                 worker, manager or coordinator. Staff sign in through the real sign-in form and
                 the second-factor page, with codes worked out from their authenticator's secret.
LOAD_EVENTS_FILE every request is written here as one JSON line (time, kind, name, status,
                 milliseconds, ok, and the marker of any write the site confirmed), for the
                 scripts' own figures and checks.
LOAD_ADDRESS_PREFIX  e.g. "10.23": each simulated person comes from their own address in it,
                 sent as X-Forwarded-For the way the TLS proxy in front of the site sends it.

Request names start with "family:" or "staff:", the two kinds the targets are set for.
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import gevent
from locust import HttpUser, between, events, task

STAFF = json.loads(Path(os.environ["LOAD_STAFF_FILE"]).read_text()) if os.environ.get("LOAD_STAFF_FILE") else []
EVENTS_FILE = os.environ.get("LOAD_EVENTS_FILE", "")
ADDRESS_PREFIX = os.environ.get("LOAD_ADDRESS_PREFIX", "10.99")
# Below the guide's limit of 10 answers an hour from one address (practice_guide/views.py): a family
# answers "Is this page useful?" now and then, not on every page.
FEEDBACK_PER_FAMILY = int(os.environ.get("LOAD_FEEDBACK_PER_FAMILY", "4"))
RATE_LIMITED = 429
STAFF_STAGGER = float(os.environ.get("LOAD_STAFF_STAGGER", "15"))  # seconds over which staff sign in

_addresses = itertools.count(1)
_rng = random.Random()  # noqa: S311 - the simulated people's choices, not secrets
_turns: dict[str, itertools.count] = {}  # which of the staff at a role the next simulated person signs in as
_events = open(EVENTS_FILE, "a", buffering=1) if EVENTS_FILE else None  # noqa: SIM115 - open for the whole run


@events.request.add_listener
def _log(request_type, name, response_time, response_length, response=None, exception=None, context=None, **kw):
    if _events is None:
        return
    status = getattr(response, "status_code", 0) if response is not None else 0
    record = {
        "t": time.time(),
        "kind": name.split(":", 1)[0],
        "name": name,
        "method": request_type,
        "status": status,
        "ms": round(response_time, 1),
        "ok": exception is None,
        "marker": (context or {}).get("confirmed"),
        "write": (context or {}).get("write"),
    }
    _events.write(json.dumps(record) + "\n")


def totp(secret: str, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class _Forms(HTMLParser):
    """Every <form> on a page with what a browser would send as it stands."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(), "fields": {}}
            self._form["choices"] = {}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            fields, name = self._form["fields"], a["name"]
            if kind in ("radio", "checkbox"):
                self._form["choices"].setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                fields[name] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._form["fields"].setdefault(self._select, "")
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if value:
                self._form["choices"].setdefault(self._select, []).append(value)
            if "selected" in a:
                self._form["fields"][self._select] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form["fields"][self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            so_far = self._form["fields"][self._textarea]
            # Browsers drop the newline straight after <textarea>, which Django's widget writes.
            self._form["fields"][self._textarea] = so_far + (data if so_far else data.removeprefix("\n"))


def forms_on(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_posting_to(html: str, pattern: str, page_url: str) -> dict | None:
    for form in forms_on(html):
        action = urlsplit(urljoin(page_url, form["action"])).path
        if form["method"] == "post" and re.search(pattern, action):
            return {**form, "path": action}
    return None


class PortalUser(HttpUser):
    abstract = True
    kind = "family"

    def on_start(self):
        n = next(_addresses)
        self.address = f"{ADDRESS_PREFIX}.{n // 250}.{n % 250 + 1}"
        self.origin = f"https://{urlsplit(self.host).netloc}"
        # As the TLS proxy in front of the site would send them (PROXY_COUNT=1).
        self.client.headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address})

    def get(self, path, name, **kwargs):
        return self._request("get", path, name, **kwargs)

    def post(self, path, name, data, **kwargs):
        # Django checks the Origin of a form sent over HTTPS.
        headers = {"Origin": self.origin, "Referer": self.origin + path}
        return self._request("post", path, name, data=data, headers=headers, **kwargs)

    def _request(self, method, path, name, *, expect=(200,), confirm=None, write=None, **kwargs):
        """One request; `confirm(response)` returns the marker of a write the site has confirmed."""
        with self.client.request(method, path, name=f"{self.kind}: {name}", catch_response=True, **kwargs) as response:
            if write:
                response.request_meta["context"]["write"] = write
            if response.status_code not in expect:
                response.failure(f"{response.status_code} at {urlsplit(response.url or path).path}")
            elif confirm is not None:
                marker = confirm(response)
                if marker and write:
                    response.request_meta["context"]["confirmed"] = marker
                elif not marker:
                    response.failure(f"not confirmed: answered {urlsplit(response.url or path).path}")
            return response


class Family(PortalUser):
    """A parent or young person reading the guide, searching it and saying whether a page helped."""

    weight = 4
    wait_time = between(2, 6)
    kind = "family"
    SEARCHES = ["complaint", "social worker", "meeting", "child protection", "advocate", "plan", "rights"]

    def on_start(self):
        super().on_start()
        self.answers = 0
        page = self.get("/guide/", "guide contents")
        self.parts = sorted(set(re.findall(r'href="/guide/([a-z0-9-]+)/"', page.text))) or ["glossary"]
        skip = {"print", "glossary", "search", "manage", "what-happens-and-when", "tell-us"}
        self.parts = [slug for slug in self.parts if slug not in skip]

    @task(1)
    def contents(self):
        self.get("/guide/", "guide contents")

    @task(6)
    def read_a_part(self):
        self.get(f"/guide/{_rng.choice(self.parts)}/", "guide part")

    @task(1)
    def glossary(self):
        self.get("/guide/glossary/", "guide glossary")

    @task(2)
    def follow_the_journey(self):
        page = self.get("/guide/what-happens-and-when/", "guide journey")
        steps = re.findall(r'href="(/guide/what-happens-and-when/[a-z0-9-]+/)"', page.text)
        if steps:
            self.get(_rng.choice(steps), "guide journey step")

    @task(2)
    def search(self):
        self.get(f"/guide/search/?q={_rng.choice(self.SEARCHES)}", "guide search")

    @task(2)
    def give_feedback(self):
        if self.answers >= FEEDBACK_PER_FAMILY:
            return self.read_a_part()
        self.answers += 1
        # From the part's own "Is this page useful?" form, with its CSRF token.
        page = self.get(f"/guide/{_rng.choice(self.parts)}/", "guide part")
        form = form_posting_to(page.text, r"/feedback/$", page.url)
        if form is None:
            return None
        if _rng.random() < 0.5:
            self.post(form["path"], "feedback: useful", {**form["fields"], "useful": "yes"}, expect=(200, RATE_LIMITED))
            return None
        # "No", then a comment: the comment carries a marker the scripts look for in the database.
        answer = self.post(
            form["path"], "feedback: not useful", {**form["fields"], "useful": "no"}, expect=(200, RATE_LIMITED)
        )
        form = form_posting_to(answer.text, r"/feedback/[^/]+/$", answer.url) if answer.status_code == 200 else None
        if form is None:
            return None
        marker = f"load-{uuid.uuid4().hex[:12]}"
        data = {**form["fields"], "comment": f"The words were hard to follow ({marker})."}
        self.post(
            form["path"],
            "feedback: comment",
            data,
            write=marker,
            confirm=lambda response: marker if "feedback=thanks" in response.url else None,
        )
        return None


class Staff(PortalUser):
    """Someone who works for the service: signs in with a password and an authenticator code."""

    abstract = True
    kind = "staff"
    wait_time = between(3, 8)
    role = ""

    def on_start(self):
        super().on_start()
        people = [person for person in STAFF if person["role"] == self.role]
        self.person = people[next(_turns.setdefault(self.role, itertools.count())) % len(people)]
        # People start work over a few minutes, not in the same second: ten password checks at once
        # (each deliberately slow) would measure the hashing, not the site.
        gevent.sleep(_rng.uniform(0, STAFF_STAGGER))
        self.sign_in()

    def sign_in(self):
        page = self.get("/sign-in/", "sign in: page")
        form = form_posting_to(page.text, r"^/sign-in/$", page.url)
        data = {**form["fields"], "login": self.person["email"], "password": self.person["password"]}
        answer = self.post("/sign-in/", "sign in: password", data)
        for attempt in range(2):
            code_form = form_posting_to(answer.text, r"2fa|authenticate", answer.url)
            if code_form is None:
                return
            if attempt:
                # The code was refused: it changed while the request waited its turn. Type the next one,
                # as a person would (one refusal is far from the five that lock a sign-in).
                gevent.sleep(30 - time.time() % 30 + 1)
            data = {**code_form["fields"], "code": totp(self.person["totp_secret"])}
            answer = self.post(
                code_form["path"],
                "sign in: code" if not attempt else "sign in: code again",
                data,
                confirm=lambda response: "signed-in" if _signed_in(response.url) else None,
            )
            if _signed_in(answer.url):
                return


def _signed_in(url: str) -> bool:
    path = urlsplit(url or "").path
    return not (path.startswith("/sign-in") or "/2fa/" in path)


class Supervisor(Staff):
    """Books supervision with a supervisee, writes the record and signs it off."""

    role = "supervisor"

    @task(1)
    def supervisees(self):
        self.get("/supervision/supervisees/", "supervisees")

    @task(3)
    def write_and_sign_a_session(self):
        page = self.get("/supervision/sessions/new/", "session: book form")
        form = form_posting_to(page.text, r"/sessions/new/$", page.url)
        if form is None:
            return
        held_on = time.localtime(time.time() - _rng.randint(0, 20) * 86400)
        data = {**form["fields"], "agreement": _rng.choice(form["choices"]["agreement"])}
        data.update(_date_fields(form["fields"], "held_on", held_on))
        booked = self.post(form["path"], "session: book", data)
        record_form = form_posting_to(booked.text, r"/record/$", booked.url)
        if record_form is None:
            return
        marker = f"load-{uuid.uuid4().hex[:12]}"
        data = _filled(record_form, marker)
        saved = self.post(
            record_form["path"],
            "session: write record",
            data,
            write=marker,
            confirm=lambda response: marker if re.search(r"/sessions/\d+/$", urlsplit(response.url).path) else None,
        )
        sign_form = form_posting_to(saved.text, r"/sign/$", saved.url)
        if sign_form is not None:
            self.post(sign_form["path"], "session: sign off", _filled(sign_form, marker))


class Worker(Staff):
    """Looks at their own supervision and training, and asks for a place on a course, then gives it up."""

    role = "worker"

    @task(1)
    def my_supervision(self):
        self.get("/supervision/", "my supervision")

    @task(1)
    def my_training(self):
        self.get("/training/", "my training")

    @task(3)
    def book_a_course(self):
        catalogue = self.get("/training/courses/", "course catalogue")
        courses = re.findall(r'href="(/training/courses/\d+/)"', catalogue.text)
        if not courses:
            return
        course = self.get(_rng.choice(courses), "course")
        form = form_posting_to(course.text, r"/dates/\d+/book/$", course.url)
        if form is None:
            return
        booked = self.post(form["path"], "book a place", form["fields"])
        cancel = form_posting_to(booked.text, r"/bookings/\d+/cancel/$", booked.url)
        if cancel is not None:
            self.post(cancel["path"], "cancel a place", cancel["fields"])


class Manager(Staff):
    """The service manager's supervision dashboard."""

    role = "manager"

    @task
    def dashboard(self):
        self.get("/supervision/dashboard/", "supervision dashboard")


class Coordinator(Staff):
    """The training coordinator's uptake pages."""

    role = "coordinator"

    @task(2)
    def uptake(self):
        self.get("/training/uptake/", "training uptake")

    @task(1)
    def coverage(self):
        self.get("/training/uptake/coverage/", "training coverage")


def _date_fields(fields: dict, name: str, day) -> dict:
    """A GOV.UK date input is three boxes (name_0, name_1, name_2: day, month, year) or one."""
    if f"{name}_0" in fields:
        return {f"{name}_0": str(day.tm_mday), f"{name}_1": str(day.tm_mon), f"{name}_2": str(day.tm_year)}
    return {name: time.strftime("%d/%m/%Y", day)}


def _filled(form: dict, marker: str) -> dict:
    """What someone filling the form in might send: every empty box filled, the first choice where none is made."""
    data = dict(form["fields"])
    for name, value in form["fields"].items():
        if value.strip() or name.startswith("csrf"):
            continue
        if name in form["choices"]:
            data[name] = form["choices"][name][0]
        elif any(word in name for word in ("children", "scale", "number", "count")):
            data[name] = "3"
        else:
            data[name] = f"Talked through the plan and next steps ({marker})."
    for name, values in form["choices"].items():
        data.setdefault(name, values[0])
    return data


# Staff at each role, out of every ten people simulated: the rest are families.
STAFF_MIX = [("supervisor", Supervisor), ("worker", Worker), ("manager", Manager), ("coordinator", Coordinator)]


def _set_counts():
    """50 people: 40 families and 10 staff (4 supervisors, 4 workers, a manager and a coordinator)."""
    users = int(os.environ.get("LOAD_USERS", "50"))
    staff = max(4, users // 5) if STAFF else 0
    supervisors = (staff - 2) // 2
    counts = {"supervisor": supervisors, "worker": staff - 2 - supervisors, "manager": 1, "coordinator": 1}
    for role, user_class in STAFF_MIX:
        user_class.fixed_count = counts[role] if staff else 0
        user_class.abstract = not staff


_set_counts()
