from practice_guide.markdown import plain_text, render


def test_headings_paragraphs_lists_and_links_get_govuk_classes():
    html = render(
        "## Meetings\n\nHello **you**.\n\n- one\n- two\n\n1. first\n\n[Rights](/guide/your-rights/)\n\n> Note"
    )
    assert '<h2 class="govuk-heading-l">Meetings</h2>' in html
    assert '<p class="govuk-body">Hello <strong>you</strong>.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert '<a href="/guide/your-rights/" class="govuk-link">Rights</a>' in html
    assert '<blockquote class="govuk-inset-text">' in html


def test_a_top_level_heading_becomes_a_section_heading_so_the_page_keeps_one_h1():
    assert "<h1" not in render("# Big\n\n#### Tiny")
    assert '<h2 class="govuk-heading-l">Big</h2>' in render("# Big")
    assert '<h3 class="govuk-heading-m">Tiny</h3>' in render("#### Tiny")


def test_script_tags_and_their_content_are_removed():
    html = render("Hello <script>alert('x')</script> there")
    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html


def test_event_handlers_styles_and_iframes_are_removed():
    html = render('<b onclick="steal()">bold</b> <span style="color:red">red</span> <iframe src="x"></iframe>')
    assert "onclick" not in html
    assert "style" not in html
    assert "<iframe" not in html
    assert "bold" in html


def test_javascript_links_are_not_links():
    html = render("[click](javascript:alert(1))")
    assert 'href="javascript' not in html


def test_images_are_not_part_of_the_subset():
    assert "<img" not in render("![a cat](https://example.org/cat.png)")


def test_plain_text_is_the_words_alone():
    assert plain_text("## Meetings\n\nWe **listen** to [you](/guide/x/).") == "Meetings. We listen to you."
