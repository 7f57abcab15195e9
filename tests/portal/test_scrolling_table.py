"""{% scrolling_table %}: the labelled, keyboard-focusable scrolling region around every data table."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

TABLE = '<table class="govuk-table"><caption id="{{ caption_id }}">People &amp; teams</caption></table>'


def render(source: str, **context) -> str:
    return Template("{% load tables %}" + source).render(Context(context))


def test_the_table_sits_in_a_focusable_region_named_by_its_caption():
    html = render(
        '{% scrolling_table "people-caption" %}' + TABLE + "{% endscrolling_table %}", caption_id="people-caption"
    )
    assert html.strip() == (
        '<div class="portal-table-scroll" role="region" aria-labelledby="people-caption" tabindex="0">\n'
        '<table class="govuk-table"><caption id="people-caption">People &amp; teams</caption></table>\n'
        "</div>"
    )


def test_in_a_loop_the_caption_id_is_given_in_parts():
    html = render(
        '{% for course in courses %}{% scrolling_table "dates-caption-" course %}<table></table>'
        "{% endscrolling_table %}{% endfor %}",
        courses=[7, 8],
    )
    assert 'aria-labelledby="dates-caption-7"' in html
    assert 'aria-labelledby="dates-caption-8"' in html


def test_the_caption_id_is_escaped():
    html = render("{% scrolling_table caption_id %}<table></table>{% endscrolling_table %}", caption_id='"><script>')
    assert 'aria-labelledby="&quot;&gt;&lt;script&gt;"' in html


def test_a_region_without_a_caption_id_is_refused():
    with pytest.raises(TemplateSyntaxError, match="caption"):
        render("{% scrolling_table %}<table></table>{% endscrolling_table %}")
