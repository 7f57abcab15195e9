"""ASYE dates in templates: `{{ person|asye_dates:today }}` (None outside the ASYE), and whether the reader
assesses anyone's ASYE (`{% assesses_asye user as assesses %}`)."""

from django import template

from supervision import access
from supervision.asye import asye_dates as dates_for

register = template.Library()


@register.filter
def asye_dates(person, today):
    return dates_for(person, today)


@register.simple_tag
def assesses_asye(user) -> bool:
    return access.can_assess_asye(user)
