"""The checklist and signal explanations through the generated Python bindings and the real cdylib."""
import pytest

import baken_ffi as baken



def walk(audience, pick=lambda qid: None):
    """Walks the adaptive checklist, answering each question with pick(id), or else "no", or else
    (a question about the contact) its first answer."""
    answers = {}
    while (q := baken.checklist_next_question(audience, baken.Language.EN, answers)) is not None:
        ids = [a.id for a in q.answers]
        answer = pick(q.id) or ("no" if "no" in ids else ids[0])
        assert answer in [a.id for a in q.answers], q.id
        answers[q.id] = answer
    return answers


def test_questions_in_both_languages_with_sources_and_follow_ups():
    nl = baken.checklist(baken.ChecklistAudience.TEEN, baken.Language.NL)
    en = baken.checklist(baken.ChecklistAudience.TEEN, baken.Language.EN)
    assert 2 <= len(en.questions) <= 18
    assert [q.id for q in nl.questions] == [q.id for q in en.questions]
    assert nl.title != en.title
    assert next(q for q in en.questions if q.id == "owes").follows == "offers"
    assert nl.language == baken.Language.NL and nl.audience == baken.ChecklistAudience.TEEN
    assert any(s.kind == baken.SourceKind.INSTRUMENT for q in en.questions for s in q.sources)
    assert all(q.sources and all(s.url.startswith("http") for s in q.sources) for q in en.questions)


@pytest.mark.parametrize("question,answer,signal", [
    ("threat_or_money", "threat", baken.Signal.THREAT),
    ("threat_or_money", "money", baken.Signal.PAYMENT_DEMAND),
    ("exploitation", "yes", baken.Signal.EXPLOITATION),
    ("afraid", "yes", baken.Signal.THREAT),
])
@pytest.mark.parametrize("audience", [baken.ChecklistAudience.TEEN, baken.ChecklistAudience.PARENT])
def test_each_danger_answer_alone_gives_danger(audience, question, answer, signal):
    result = baken.checklist_score(audience, baken.Language.EN, walk(audience, lambda q: answer if q == question else None))
    assert result.level == baken.Level.DANGER
    assert signal in result.situation.signals
    assert result.signals[0].explanation.why


def test_all_no_gives_none_and_follow_ups_are_skipped():
    answers = walk(baken.ChecklistAudience.TEEN)
    assert "owes" not in answers
    result = baken.checklist_score(baken.ChecklistAudience.TEEN, baken.Language.NL, answers)
    assert (result.level, result.signals, result.articles) == (baken.Level.NONE, [], [])
    assert result.advice


@pytest.mark.parametrize("lang", list(baken.Language))
def test_every_signal_is_explained(lang):
    assert len(baken.Signal) == 16
    for signal in baken.Signal:
        e = baken.signal_explanation(signal, lang)
        assert (e.signal, e.language) == (signal, lang) and e.title and e.what and e.why


@pytest.mark.parametrize("lang", list(baken.Language))
def test_every_level_has_a_title_and_a_next_step(lang):
    texts = [baken.level_text(level, lang) for level in baken.Level]
    assert all(t.title and t.advice for t in texts)
    assert len({t.title for t in texts}) == len(baken.Level), "each level reads differently"


def test_bad_input_is_a_typed_error_naming_it():
    complete = walk(baken.ChecklistAudience.TEEN)
    cases = [
        ({**complete, "colour": "red"}, "colour"),
        ({**complete, "secrecy": "perhaps"}, "perhaps"),
        ({k: v for k, v in complete.items() if k != "afraid"}, "afraid"),
        ({**complete, "owes": "yes"}, "owes"),
    ]
    for answers, named in cases:
        with pytest.raises(baken.BakenError.InvalidInput) as info:
            baken.checklist_score(baken.ChecklistAudience.TEEN, baken.Language.EN, answers)
        assert named in str(info.value)
