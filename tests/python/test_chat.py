"""The chat-export scan through the generated Python bindings and the real cdylib."""
from pathlib import Path

import pytest

import baken_ffi as baken

CHATS = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures" / "chats"


def test_every_format_is_detected_from_its_content():
    formats = {
        "whatsapp-android-nl.txt": baken.ChatFormat.WHATS_APP_ANDROID,
        "whatsapp-ios-nl.txt": baken.ChatFormat.WHATS_APP_IOS,
        "telegram-result.json": baken.ChatFormat.TELEGRAM,
        "instagram-message_1.json": baken.ChatFormat.INSTAGRAM,
        "pasted.txt": baken.ChatFormat.PLAIN,
    }
    for name, expected in formats.items():
        assert baken.scan_chat((CHATS / name).read_bytes(), None, baken.Language.EN).format == expected, name


def test_a_groomer_builds_up_and_a_parent_stays_quiet():
    scan = baken.scan_chat((CHATS / "scan-grooming-en.txt").read_bytes(), "Emma", baken.Language.EN)
    people = {p.name: p for p in scan.people}
    assert people["Alex"].level == baken.Level.DANGER
    assert people["Alex"].minutes_to_sexual_request == 3073
    stages = baken.ChatStage
    assert {stages.TRUST, stages.ISOLATION, stages.IMAGES, stages.COERCION} <= set(people["Alex"].stages)
    assert people["Emma"].is_me and people["Emma"].signals == []
    assert people["Mum"].level == baken.Level.NONE
    assert [e.event for e in people["Alex"].events] == [baken.ChatEvent.MEDIA, baken.ChatEvent.DELETED]
    assert baken.ExportLimitation.DELETED_MESSAGES in [l.kind for l in scan.limitations]


def test_bad_exports_are_typed_errors():
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.scan_chat(b"", None, None)
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.scan_chat(bytes(range(256)) * 100, None, None)
