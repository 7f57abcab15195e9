"""The demo loader on a database of its own: it refuses to run with DEBUG off, and each run prints a working
invitation link for the new starter. (test_demo.py's tests share one demo.)"""

import pytest
from django.core.management import CommandError, call_command

from portal.models import User
from supervision.models import Session


def test_demo_refuses_to_load_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run with DEBUG off"):
        call_command("load_demo")
    assert not User.objects.exists()
    assert not Session.objects.exists()


def test_every_run_prints_a_working_link_while_the_new_starter_has_not_accepted(db, client):
    from io import StringIO
    from urllib.parse import urlsplit

    from portal.models import Invitation
    from portal.people import invitations

    def links(output: str) -> list[str]:
        return [word.strip("()") for word in output.split() if "/people/manage/invitation/" in word]

    first, second = StringIO(), StringIO()
    call_command("load_demo", force=True, stdout=first)
    call_command("load_demo", force=True, stdout=second)

    assert len(links(first.getvalue())) == 1
    (link,) = links(second.getvalue())
    assert "newstarter@example.org" in second.getvalue()
    # The newest link works; the first run's no longer does.
    assert client.get(urlsplit(link).path).status_code == 200
    assert "Set your password" in client.get(urlsplit(link).path).text
    assert "A newer invitation was sent" in client.get(urlsplit(links(first.getvalue())[0]).path).text

    invitation = Invitation.objects.filter(person__email="newstarter@example.org").order_by("-pk").first()
    invitations.accept(invitation, password="kettle orchard lantern 42")
    third = StringIO()
    call_command("load_demo", force=True, stdout=third)
    assert links(third.getvalue()) == []
