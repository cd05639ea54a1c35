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
