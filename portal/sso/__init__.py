"""Single sign-on with the council's own account (OpenID Connect), on django-allauth.

* ``config``: the provider settings, built from the environment in portal/settings.py;
* ``provider``, ``client`` and ``views``: allauth's ``openid_connect`` provider with every
  check the protocol asks for (nonce, ID-token signature, userinfo subject) made for real;
* ``adapter``: who may sign in (only people the portal already knows) and the refusal page;
* ``stages``: no second factor from the portal after a council sign-in.

Importing this package imports nothing from Django, so settings.py can use ``config``.
"""
