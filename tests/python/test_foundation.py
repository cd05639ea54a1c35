"""The foundation API through the generated Python bindings and the real cdylib."""
import re

import pytest

import baken_ffi as baken


def test_core_version_comes_from_rust():
    assert re.match(r"\d+\.\d+\.\d+", baken.core_version())


def test_netherlands_emergency_number_is_112_with_a_source():
    e = baken.emergency_number("NL")
    assert (e.country, e.number, e.action_uri) == ("NL", "112", "tel:112")
    assert e.source.startswith("https://")


def test_unknown_country_is_a_typed_error_naming_the_code():
    with pytest.raises(baken.BakenError.InvalidInput) as info:
        baken.emergency_number("ZZ")
    assert "ZZ" in str(info.value)
    with pytest.raises(baken.BakenError.NotFound) as info:
        baken.emergency_number("CA")
    assert "CA" in str(info.value)


def test_malformed_country_is_a_typed_error_naming_the_code():
    with pytest.raises(baken.BakenError.InvalidInput) as info:
        baken.emergency_number("N1")
    assert "N1" in str(info.value)


def test_language_tags_are_read_and_an_unsupported_one_is_a_typed_error():
    assert baken.parse_language("nl-BE") == baken.Language.NL
    assert baken.parse_language("EN_gb") == baken.Language.EN
    with pytest.raises(baken.BakenError.InvalidInput) as info:
        baken.parse_language("fr")
    assert "fr" in str(info.value)


def test_an_unknown_enum_value_cannot_be_made_or_passed():
    with pytest.raises(KeyError):
        baken.Signal["NUDES"]
    with pytest.raises(ValueError):
        baken.Level(99)
    assert [language.name for language in baken.Language] == ["NL", "EN"]
    # A string where an enum belongs is refused before it reaches Rust.
    with pytest.raises(ValueError):
        baken.analyze("hallo", "fr")
    with pytest.raises(ValueError):
        baken.signal_explanation("nudes", baken.Language.EN)
