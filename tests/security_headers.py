"""What every answer the portal gives must carry: the security headers, and no-store for a signed-in person.

Used by the security-header tests (tests/portal/test_security_headers*.py), which walk every URL as every kind
of person, and by the access matrices (tests/access_matrix.py), whose answers are checked too.
"""

REQUIRED_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "report-uri /csp-report/",
]


def header_problems(response, *, signed_in: bool) -> list[str]:
    problems = []
    policy = response.get("Content-Security-Policy")
    if not policy:
        problems.append("no Content-Security-Policy")
    else:
        if "unsafe-inline" in policy or "unsafe-eval" in policy:
            problems.append(f"an unsafe policy: {policy}")
        # A download may carry a stricter policy of its own (default-src 'none'; sandbox).
        if not policy.startswith("default-src 'none'"):
            problems += [f"no {directive}" for directive in REQUIRED_DIRECTIVES if directive not in policy]
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    problems += [
        f"{header} is {response.get(header)!r}" for header, value in expected.items() if response.get(header) != value
    ]
    permissions = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "publickey-credentials-get=(self)"):
        if feature not in permissions:
            problems.append(f"Permissions-Policy lacks {feature}")
    if signed_in:
        cache_control = response.get("Cache-Control", "")
        if "no-store" not in cache_control or "private" not in cache_control:
            problems.append(f"Cache-Control is {cache_control!r} for a signed-in person")
    return problems
