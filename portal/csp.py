"""The Content-Security-Policy: the policy itself lives in settings (CONTENT_SECURITY_POLICY); this
module adds the single-sign-on issuer to `form-action` and receives the browsers' violation reports.

Why the issuer: the single sign-on button posts to our own address, which redirects to the council's
identity provider. Browsers check a form's redirects against `form-action` too, so the provider's
origin must be allowed there, and only there.

Violation reports come in two shapes: `application/csp-report` (the `report-uri` directive) and
`application/reports+json` (the Reporting API's `report-to`, a list of reports). Each is logged as one
line on the "portal.csp" logger and nothing is kept.
"""

import json
import logging
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

# A real report is well under a kilobyte or two; anything past this is cut before it is read.
MAX_REPORT_BYTES = 8 * 1024
# The report fields worth a line in the log, in both shapes (report-uri's, then the Reporting API's).
REPORT_FIELDS = {
    "document": ("document-uri", "documentURL"),
    "directive": ("effective-directive", "effectiveDirective", "violated-directive"),
    "blocked": ("blocked-uri", "blockedURL"),
    "source": ("source-file", "sourceFile"),
    "line": ("line-number", "lineNumber"),
    "sample": ("script-sample", "sample"),
}
MAX_FIELD_CHARACTERS = 300


def issuer_origin() -> str:
    """The scheme and host of the configured OpenID Connect issuer, or "" when single sign-on is off."""
    parts = urlsplit(settings.OIDC_ISSUER_URL)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the sign-on provider's origin added to `form-action` when set.

    Read on every response rather than once at start-up, so a test that changes the issuer sees it.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        origin = issuer_origin()
        if origin and not report_only:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), origin]
            parts.update = update
        return parts


def _summary(report: dict) -> dict:
    found = {}
    for label, keys in REPORT_FIELDS.items():
        for key in keys:
            if report.get(key) not in (None, ""):
                found[label] = str(report[key])[:MAX_FIELD_CHARACTERS]
                break
    return found


def _reports(body: bytes) -> list[dict] | None:
    """The violation reports in a body, or None when it is not a report we understand."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        bodies = [item.get("body") for item in data if isinstance(item, dict) and item.get("type") == "csp-violation"]
        return [body for body in bodies if isinstance(body, dict)] or None
    return None


@csrf_exempt
@require_POST
def report(request):
    """Log each violation a browser reports. Always 204: a browser does nothing with the answer."""
    body = request.read(MAX_REPORT_BYTES + 1)
    truncated = len(body) > MAX_REPORT_BYTES
    body = body[:MAX_REPORT_BYTES]
    reports = None if truncated else _reports(body)
    if reports is None:
        # Logged with repr so that a hostile body cannot forge extra log lines.
        logger.warning(
            "Content-Security-Policy report not understood (%s bytes%s): %r",
            len(body),
            ", cut short" if truncated else "",
            body[:MAX_FIELD_CHARACTERS],
        )
    else:
        for violation in reports:
            logger.warning("Content-Security-Policy violation: %r", _summary(violation))
    return HttpResponse(status=204)
