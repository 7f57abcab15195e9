"""Refuse any request with a NUL byte in its address, query string or form data.

PostgreSQL cannot store or compare text holding a NUL byte ("\\x00"): one that reaches a query is a
server error. No person types one; views also read their values through forms or
`portal.request_params`, which refuse it. This middleware is the belt to those braces: such a request
gets our 400 page, and the django.security log says why.
"""

from django.core.exceptions import SuspiciousOperation

NUL = "\x00"


class NulByteInRequest(SuspiciousOperation):
    """Django answers a SuspiciousOperation with the 400 page (handler400) and logs it to django.security."""


def _holds_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or _holds_nul(request.GET):
            raise NulByteInRequest("A NUL byte in the address or query string.")
        # request.POST reads only form bodies (a JSON body, such as a CSP report, is left for the view).
        if request.method == "POST" and _holds_nul(request.POST):
            raise NulByteInRequest("A NUL byte in the form data.")
        return self.get_response(request)
