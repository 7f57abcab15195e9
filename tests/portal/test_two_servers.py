"""Two application servers, one database: nothing a person does depends on which server answers.

Two gunicorns run with production settings (tests/servers.py) against this test run's own
database, and every request goes to whichever server the test names, as a load balancer without
sticky sessions would send it. Data is committed (``transactional_db``) so that the servers see it.
"""

import threading
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from practice_guide import services as guide_services
from practice_guide.models import PageFeedback
from practice_guide.views import FEEDBACK_LIMIT
from tests import servers
from tests.factories import PASSWORD, CourseDateFactory, UserFactory, published_part
from tests.two_factor import code_for
from training.models import Booking, BookingStatus

# One test process runs the whole module (make test: --dist loadgroup), so the two servers start once.
pytestmark = [pytest.mark.usefixtures("empty_shared_cache"), pytest.mark.xdist_group("two_servers")]


@pytest.fixture(scope="module")
def two_servers(django_db_setup, tmp_path_factory):
    """Servers A and B, started once for the module: gunicorn with one worker each."""
    database = servers.database_url(connection.settings_dict)
    started = servers.start(
        ["A", "B"],
        database=database,
        secret_key=settings.SECRET_KEY,
        log_dir=tmp_path_factory.mktemp("gunicorn"),
        workers=1,
    )
    yield started
    servers.stop(started)


@pytest.fixture
def empty_shared_cache(transactional_db):
    """The shared cache is a table that flushing leaves alone: start and end each test without
    the counters the servers kept (sign-in limits, feedback limits), for this module's tests and the next."""
    caches["default"].clear()
    yield
    caches["default"].clear()


def with_authenticator(person):
    """`person` with an authenticator app, as production asks of everyone (REQUIRE_MFA); the app's secret."""
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    return secret


def signed_in(person) -> servers.Browser:
    """A browser already signed in as `person`, for tests that are not about signing in."""
    client = Client()
    client.force_login(person)
    return servers.Browser({settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value})


@pytest.fixture(scope="module")
def real_password_hash():
    """PASSWORD hashed as production hashes it: the servers do not know the tests' quick hasher."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(PASSWORD, hasher.salt())


@pytest.fixture
def worker_with_password(worker, real_password_hash):
    worker.password = real_password_hash
    worker.save(update_fields=["password"])
    return worker


def test_a_guide_part_published_on_one_server_is_shown_by_the_other_at_once(two_servers, editor):
    a, b = two_servers
    part = published_part("what-to-expect", "What to expect", by=editor, body="Your social worker will visit.")
    part_url = reverse("practice_guide:part", args=[part.slug])
    family = servers.Browser()
    for _ in range(2):  # B renders the page and keeps it, then answers from what it kept
        assert "Your social worker will visit." in family.get(b, part_url).text
    guide_services.save_draft(
        part,
        expected_version=part.edit_version,
        text=guide_services.PartText("What to expect", "What happens next.", "Your social worker will phone first."),
        by=editor,
    )
    with_authenticator(editor)
    staff = signed_in(editor)
    token = staff.get(a, reverse("practice_guide:manage-edit", args=[part.pk])).csrf_token()
    published = staff.post(a, reverse("practice_guide:manage-publish", args=[part.pk]), {}, token=token)
    assert published.status == 302
    for server in (b, a):
        page = family.get(server, part_url).text
        assert "Your social worker will phone first." in page
        assert "Your social worker will visit." not in page


def test_signing_in_on_one_server_signs_the_person_in_on_both(two_servers, worker_with_password):
    a, b = two_servers
    worker = worker_with_password
    secret = with_authenticator(worker)
    browser = servers.Browser()
    response = browser.submit(a, reverse("login"), {"login": worker.email, "password": PASSWORD})
    assert (response.status, response.location) == (302, reverse("mfa_authenticate"))
    # The second step on the other server: the half-finished sign-in lives in the shared session.
    response = browser.submit(b, reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert (response.status, response.location) == (302, reverse("staff-home"))
    for server in (a, b):
        page = browser.get(server, reverse("staff-home"))
        assert page.status == 200
        assert worker.full_name in page.text
    assert browser.submit(b, reverse("logout"), {}).location == reverse("signed-out")
    assert browser.get(a, reverse("staff-home")).location.startswith(reverse("login"))


def test_a_sign_in_lockout_counted_on_one_server_holds_on_the_other(two_servers, worker_with_password):
    a, b = two_servers
    worker = worker_with_password
    guesser = servers.Browser()
    token = guesser.get(a, reverse("login")).csrf_token()
    wrong = {"login": worker.email, "password": "wrong-password"}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert guesser.post(a, reverse("login"), wrong, token=token).status == 200
    # The last wrong try on the other server: it counts the first server's tries, and pauses signing in.
    assert guesser.post(b, reverse("login"), wrong, token=token).status == 429
    # A fresh browser back on the first server, with the right password: the lockout is not in a session.
    response = servers.Browser().submit(a, reverse("login"), {"login": worker.email, "password": PASSWORD})
    assert response.status == 429
    assert "Signing in is paused" in response.text


def test_the_feedback_limit_counted_on_one_server_holds_on_the_other(two_servers, editor):
    a, b = two_servers
    part = published_part("your-rights", "Your rights", by=editor, body="You have the right to complain.")
    part_url = reverse("practice_guide:part", args=[part.slug])
    feedback_url = reverse("practice_guide:feedback", args=[part.slug])
    family = servers.Browser()
    token = family.get(a, part_url).csrf_token()
    for answer in range(FEEDBACK_LIMIT):
        response = family.post(a if answer % 2 else b, feedback_url, {"useful": "yes"}, token=token)
        assert response.location == f"{part_url}?feedback=thanks#feedback"
    for server in (a, b):
        assert family.post(server, feedback_url, {"useful": "yes"}, token=token).status == 429
    assert PageFeedback.objects.filter(part=part).count() == FEEDBACK_LIMIT


def waiting_for_locks(count: int, *, within: float = 3.0) -> bool:
    """True once `count` connections to the test database wait for a lock (the servers' requests)."""
    deadline = time.monotonic() + within
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                return True
            time.sleep(0.02)
    return False


def test_two_people_asking_two_servers_for_the_last_place_at_once_cannot_both_get_it(two_servers):
    """Both requests are held inside the booking until the other has arrived too, then let go together.

    The test holds a SHARE lock on the bookings table, which lets each request read but not insert.
    With the row lock on the course date, the first request waits to insert while the second waits
    for the date; without it, both would have counted a free place and both would take it.
    """
    course_date = CourseDateFactory(capacity=1)
    book_url = reverse("training:request-place", args=[course_date.pk])
    course_url = reverse("training:course", args=[course_date.course_id])
    people = UserFactory.create_batch(2)
    browsers = []
    for person, server in zip(people, two_servers, strict=True):
        with_authenticator(person)
        browser = signed_in(person)
        browsers.append((browser, server, browser.get(server, course_url).csrf_token()))
    all_ready = threading.Barrier(3, timeout=10)
    answers = {}

    def book(browser, server, token):
        all_ready.wait()
        answers[server.name] = browser.post(server, book_url, {}, token=token)

    threads = [threading.Thread(target=book, args=arguments) for arguments in browsers]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {connection.ops.quote_name(Booking._meta.db_table)} IN SHARE MODE")
        for thread in threads:
            thread.start()
        all_ready.wait()
        both_arrived = waiting_for_locks(2)
    for thread in threads:
        thread.join(timeout=30)
    assert both_arrived, "the two requests never met inside the booking"
    assert sorted(answer.status for answer in answers.values()) == [302, 302]
    statuses = sorted(Booking.objects.filter(course_date=course_date).values_list("status", flat=True))
    assert statuses == [BookingStatus.PENDING, BookingStatus.WAITING]
