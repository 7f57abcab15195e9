from practice_guide.glossary_links import link_terms
from practice_guide.markdown import render
from tests.factories import GlossaryTermFactory


def test_the_first_use_of_a_term_links_to_the_glossary_with_its_meaning(db):
    term = GlossaryTermFactory(term="core group", definition="People who check the plan.")
    html = link_terms(render("The core group meets. The core group helps."), [term])
    assert html.count('href="/guide/glossary/#core-group"') == 1
    assert 'aria-describedby="term-core-group"' in html
    assert (
        '<span class="portal-term__tip" role="tooltip" id="term-core-group">People who check the plan.</span>' in html
    )


def test_variants_match_and_case_is_kept(db):
    term = GlossaryTermFactory(term="Independent Reviewing Officer", variants="IRO\nIROs")
    html = link_terms(render("Your IRO will chair it."), [term])
    assert ">IRO</a>" in html


def test_words_inside_links_and_headings_are_left_alone(db):
    term = GlossaryTermFactory(term="advocate")
    html = link_terms(render("## Getting an advocate\n\n[An advocate](/guide/x/) helps."), [term])
    assert "portal-term" not in html


def test_definitions_are_escaped(db):
    term = GlossaryTermFactory(term="plan", definition="<script>alert(1)</script>")
    html = link_terms(render("A plan."), [term])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_partial_words_do_not_match(db):
    term = GlossaryTermFactory(term="plan")
    assert "portal-term" not in link_terms(render("We are planning."), [term])


def test_ids_can_be_made_unique_on_a_page_with_several_parts(db):
    term = GlossaryTermFactory(term="plan")
    assert 'id="rights-term-plan"' in link_terms(render("A plan."), [term], id_prefix="rights-")
