from django import template

register = template.Library()


@register.filter
def session_status(session, today):
    """{{ session|session_status:today }}: the session's status in words."""
    return session.status(today)
