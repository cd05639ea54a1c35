"""The checklist and signal explanations through the generated Python bindings and the real cdylib."""
import pytest

import baken_ffi as baken

SIGNALS = [
    "secrecy", "isolation", "platform_switch", "personal_info", "flattery", "sexual_talk", "image_request",
    "gifts_money", "meeting", "threat", "payment_demand", "pressure", "recruitment", "debt_bondage",
    "exploitation", "control",
]


def walk(audience, pick=lambda qid: None):
    """Walks the adaptive checklist, answering each question with pick(id), or else "no", or else
    (a question about the contact) its first answer."""
    answers = {}
    while (q := baken.checklist_next_question(audience, "en", answers)) is not None:
        ids = [a.id for a in q.answers]
        answer = pick(q.id) or ("no" if "no" in ids else ids[0])
        assert answer in [a.id for a in q.answers], q.id
        answers[q.id] = answer
    return answers


def test_questions_in_both_languages_with_sources_and_follow_ups():
    nl = baken.checklist(baken.ChecklistAudience.TEEN, "nl")
    en = baken.checklist(baken.ChecklistAudience.TEEN, "en")
    assert 2 <= len(en.questions) <= 18
    assert [q.id for q in nl.questions] == [q.id for q in en.questions]
    assert nl.title != en.title
    assert next(q for q in en.questions if q.id == "owes").follows == "offers"
    assert all(q.sources and all(s.url.startswith("http") for s in q.sources) for q in en.questions)


@pytest.mark.parametrize("question,answer,signal", [
    ("threat_or_money", "threat", "threat"),
    ("threat_or_money", "money", "payment_demand"),
    ("exploitation", "yes", "exploitation"),
    ("afraid", "yes", "threat"),
])
@pytest.mark.parametrize("audience", [baken.ChecklistAudience.TEEN, baken.ChecklistAudience.PARENT])
def test_each_danger_answer_alone_gives_danger(audience, question, answer, signal):
    result = baken.checklist_score(audience, "en", walk(audience, lambda q: answer if q == question else None))
    assert result.level == "danger"
    assert signal in result.situation.signals
    assert result.signals[0].explanation.why


def test_all_no_gives_none_and_follow_ups_are_skipped():
    answers = walk(baken.ChecklistAudience.TEEN)
    assert "owes" not in answers
    result = baken.checklist_score(baken.ChecklistAudience.TEEN, "nl", answers)
    assert (result.level, result.signals, result.articles) == ("none", [], [])
    assert result.advice


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_signal_is_explained(lang):
    for signal in SIGNALS:
        e = baken.signal_explanation(signal, lang)
        assert e.signal == signal and e.title and e.what and e.why


def test_bad_input_is_a_typed_error_naming_it():
    complete = walk(baken.ChecklistAudience.TEEN)
    cases = [
        ("fr", complete, "fr"),
        ("en", {**complete, "colour": "red"}, "colour"),
        ("en", {**complete, "secrecy": "perhaps"}, "perhaps"),
        ("en", {k: v for k, v in complete.items() if k != "afraid"}, "afraid"),
        ("en", {**complete, "owes": "yes"}, "owes"),
    ]
    for lang, answers, named in cases:
        with pytest.raises(baken.BakenError.InvalidInput) as info:
            baken.checklist_score(baken.ChecklistAudience.TEEN, lang, answers)
        assert named in str(info.value)
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.signal_explanation("nudes", "en")
