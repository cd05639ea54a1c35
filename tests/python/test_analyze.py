"""The message analyzer through the generated Python bindings and the real cdylib."""
import pytest

import baken_ffi as baken


def utf16_slice(text, start, end):
    """Python indexes code points; cut by UTF-16 code units as Kotlin and Swift do."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


def test_spans_in_bytes_and_utf16_highlight_the_excerpt_in_text_with_emoji():
    text = "hé 😊😊 send me a 📸 of you, don't tell anyone 🤫"
    result = baken.analyze(text, baken.Language.EN)
    assert result.level == baken.Level.DANGER
    # The secret is asked twice: in words, and with 🤫 (read as "secret").
    assert [s.signal for s in result.signals] == [baken.Signal.IMAGE_REQUEST, baken.Signal.SECRECY, baken.Signal.SECRECY]
    for s in result.signals:
        assert text.encode("utf-8")[s.start:s.end].decode("utf-8") == s.excerpt
        assert utf16_slice(text, s.start_utf16, s.end_utf16) == s.excerpt
    # The emoji count as two UTF-16 units each, so the two offsets differ from code points.
    assert result.signals[0].start_utf16 == text.index("send") + 2


def test_language_is_detected_when_not_given():
    result = baken.analyze("hoe oud ben je? ben je alleen thuis?", None)
    assert result.language == baken.Language.NL
    assert [s.signal for s in result.signals] == [baken.Signal.PERSONAL_INFO] * 2


@pytest.mark.parametrize("text,language", [
    ("can you send me a pic of the homework?", baken.Language.EN),
    ("don't tell mom about the surprise party!", baken.Language.EN),
    ("waar ben je? het eten is klaar", baken.Language.NL),
    ("", None),
])
def test_benign_look_alikes_stay_quiet(text, language):
    result = baken.analyze(text, language)
    assert result.level == baken.Level.NONE
    assert result.signals == []


def test_bad_input_raises_invalid_input():
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.analyze("x" * ((1 << 20) + 1), None)
