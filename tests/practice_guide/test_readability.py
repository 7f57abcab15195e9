from practice_guide.readability import check
from tests.factories import GlossaryTermFactory


def test_simple_text_has_a_young_reading_age():
    report = check("We will visit you at home. You can ask us anything. We will listen.")
    assert report.words == 14
    assert report.sentences == 3
    assert report.reading_age <= 9


def test_hard_text_has_an_older_reading_age():
    easy = check("We will visit you. We will listen to you.")
    hard = check(
        "Notwithstanding the aforementioned statutory considerations, practitioners' multidisciplinary "
        "deliberations necessitate comprehensive documentation of safeguarding determinations."
    )
    assert hard.reading_age > easy.reading_age + 5


def test_sentences_over_25_words_are_listed():
    long_sentence = " ".join(["word"] * 30) + "."
    report = check(f"Short one. {long_sentence}")
    assert len(report.long_sentences) == 1


def test_passive_phrases_are_hinted():
    report = check("You will be visited by a social worker. The plan was made.")
    assert "be visited" in report.passive_phrases
    assert "was made" in report.passive_phrases


def test_glossary_words_used_without_explanation_are_flagged(db):
    core = GlossaryTermFactory(term="core group")
    iro = GlossaryTermFactory(term="IRO")
    report = check("You will go to the core group. Your IRO means the person who chairs reviews.", [core, iro])
    assert report.unexplained_terms == ["core group"]


def test_empty_text_gives_an_empty_report():
    assert check("").is_empty
