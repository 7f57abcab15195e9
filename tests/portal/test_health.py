from django.db import OperationalError, connection
from django.urls import reverse

from portal.health import database_is_up


def test_healthz_answers_200_with_json_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    # Undone inside the test: the database fixture's teardown needs a working cursor.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_healthz_needs_no_sign_in_and_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_database_is_up_is_false_when_the_query_fails(db, monkeypatch):
    def refuse():
        raise OperationalError("down")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        assert database_is_up() is False
