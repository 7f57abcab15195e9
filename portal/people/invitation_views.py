"""The page an invitation link opens: set a password and go on to set up a second factor, or (when the
council's single sign-on is configured) a note to sign in with the council account.

Open to anyone holding the link; a link that does not work says so, and who to ask.
"""

from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.people import invitations
from portal.people.invitation_forms import InvitationPasswordForm
from portal.people.invitations import LinkState


def _sign_in(request, person) -> None:
    """Sign the person in after they set their password, as allauth would after a password sign-in, so that
    its second-factor set-up accepts them without asking for the password again."""
    login(request, person, backend="portal.auth_backends.PortalAuthenticationBackend")
    record_authentication(request, person, method="password", email=person.email)


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request, token):
    link = invitations.read_link(token, timezone.now())
    if not link.usable:
        status = 404 if link.state == LinkState.UNKNOWN else 200
        return render(request, "people/invitation_unusable.html", {"link": link, "states": LinkState}, status=status)

    invitation = link.invitation
    person = invitation.person
    if invitations.sso_configured():
        if request.method == "POST":
            invitations.accept(invitation, password=None, request=request)
            return redirect("login")
        return render(
            request,
            "people/invitation_sso.html",
            {"person": person, "sso_label": settings.OIDC_BUTTON_LABEL},
        )

    form = InvitationPasswordForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accepted = invitations.accept(invitation, password=form.cleaned_data["new_password1"], request=request)
        except invitations.InvitationError:
            return redirect(request.path)
        # The person accept() saved, with the new password: signing in the copy loaded with the link would
        # store the old password's hash in the session, and the next request would sign them out.
        _sign_in(request, accepted)
        return redirect("mfa_activate_totp")
    return render(request, "people/invitation_accept.html", {"form": form, "person": person})
