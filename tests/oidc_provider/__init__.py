"""A real OpenID Connect provider for the single sign-on tests, run as a separate process.

django-oauth-toolkit with OIDC on, its own settings, database, users and sessions, so
that nothing it keeps is the portal's. ``fixtures.py`` starts it; ``serve.py`` is the
process; ``views.py`` holds its sign-in page and a small control API the tests use to
add the provider's people.
"""
