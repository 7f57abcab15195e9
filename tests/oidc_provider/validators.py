from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    """Adds the email and name claims a council's identity provider sends."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "email_verified": "email"}

    def get_additional_claims(self, request):
        person = request.user.idp_person
        claims = {"email": request.user.email, "name": person.full_name}
        if person.email_verified is not None:
            claims["email_verified"] = person.email_verified
        return claims
