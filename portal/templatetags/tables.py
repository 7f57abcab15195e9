"""{% scrolling_table %}: the region every data table sits in, so that a wide table scrolls by itself on a
narrow screen and the page never does (WCAG 1.4.10, reflow).

    {% load tables %}
    {% scrolling_table "people-caption" %}
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m" id="people-caption">People</caption>
      ...
    </table>
    {% endscrolling_table %}

The argument is the id of the table's caption: screen readers name the region by it. In a loop, give
the id in parts, as in `{% scrolling_table "dates-caption-" course.pk %}`; they are joined. The markup
is in templates/includes/scrolling_table.html, and the styles under `.portal-table-scroll`.
"""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_block_tag
def scrolling_table(content, *caption_id_parts):
    if not caption_id_parts:
        raise template.TemplateSyntaxError("scrolling_table needs the id of the table's caption")
    caption_id = "".join(str(part) for part in caption_id_parts)
    return render_to_string("includes/scrolling_table.html", {"caption_id": caption_id, "table": content})
