"""No second factor from the portal after a council sign-in: the council's identity provider asks for its own."""

from allauth.mfa.stages import AuthenticateStage


class AuthenticateUnlessCouncilSignIn(AuthenticateStage):
    """allauth's second-factor stage, skipped when the sign-in came through single sign-on.

    The account adapter's ``get_login_stages`` lists this in place of
    ``allauth.mfa.stages.AuthenticateStage``.
    """

    def _should_handle(self, request) -> bool:
        if (self.login.signal_kwargs or {}).get("sociallogin") is not None:
            return False
        return super()._should_handle(request)


def without_second_factor_for_council_sign_in(stages: list[str]) -> list[str]:
    """The account adapter's login stages, with allauth's second-factor stage swapped for ours."""
    mfa_stage = "allauth.mfa.stages.AuthenticateStage"
    ours = f"{__name__}.{AuthenticateUnlessCouncilSignIn.__name__}"
    return [ours if stage == mfa_stage else stage for stage in stages]
