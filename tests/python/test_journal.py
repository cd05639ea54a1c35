"""The encrypted journal through the generated Python bindings and the real cdylib."""
import hashlib
import hmac
import os
import shutil

import pytest

import baken_ffi as baken

PASSCODE = "correct horse 42"


class HmacKeyStore(baken.KeyStore):
    """A key store for tests: HMAC-SHA256 under keys made from a pad, and the anchor in memory (the
    app uses the iOS Keychain for both)."""

    def __init__(self, pad):
        self.pad = pad
        self.destroyed = 0
        self.anchor = b""

    def device_mac(self, data):
        return hmac.new(bytes([self.pad, 1]), data, hashlib.sha256).digest()

    def biometric_mac(self, data):
        return hmac.new(bytes([self.pad, 2]), data, hashlib.sha256).digest()

    def destroy_key(self):
        self.destroyed += 1
        self.anchor = b""

    def read_anchor(self):
        return self.anchor

    def write_anchor(self, anchor):
        self.anchor = anchor


def entry(text, attachment=None):
    return baken.NewJournalEntry(
        kind=baken.EntryKind.EVIDENCE if attachment else baken.EntryKind.INCIDENT,
        happened_at="2026-03-01T21:15:00+01:00",
        contact=baken.JournalContact(name="@sam_2008", platform="Snapchat"),
        text=text,
        signals=[baken.Signal.THREAT],
        level=baken.Level.DANGER,
        tags=[],
        attachments=[baken.NewJournalAttachment(media_type="image/png", bytes=attachment)] if attachment else [],
    )


def test_create_write_lock_unlock_export_import_and_wipe(tmp_path):
    path = str(tmp_path / "journal")
    journal = baken.Journal.create_for_tests(path, PASSCODE, None)
    written = journal.add(entry("he asked for a photo", b"\x89PNG"))
    journal.lock()
    with pytest.raises(baken.BakenError.JournalLocked):
        journal.entries()
    with pytest.raises(baken.BakenError.WrongPasscode):
        journal.unlock("not the passcode")
    journal.unlock(PASSCODE)
    assert journal.entries().entries == [written]
    assert journal.attachment(written.attachments[0].id).bytes == b"\x89PNG"
    verification = journal.verify()
    assert verification.broken is None and verification.intact and verification.seal == journal.seal()

    journal.export_report(str(tmp_path / "report.html"), baken.Language.EN)
    assert verification.seal in (tmp_path / "report.html").read_text()
    backup = str(tmp_path / "journal.backup")
    journal.export_backup(backup, "moving phones 2026")
    with pytest.raises(baken.BakenError.AlreadyExists):
        baken.Journal.import_backup_for_tests(backup, "moving phones 2026", path, "another passcode", None)
    with pytest.raises(baken.BakenError.WrongPasscode):
        baken.Journal.import_backup_for_tests(backup, "wrong passphrase", str(tmp_path / "x"), "another passcode", None)
    (tmp_path / "cut").write_bytes(open(backup, "rb").read()[:-5])
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.Journal.import_backup_for_tests(str(tmp_path / "cut"), "moving phones 2026", str(tmp_path / "y"), "another passcode", None)
    restored = baken.Journal.import_backup_for_tests(backup, "moving phones 2026", str(tmp_path / "new"), "another passcode", None)
    assert restored.entries().entries == [written]
    assert restored.seal() == verification.seal

    journal.wipe()
    assert not os.path.exists(os.path.join(path, "journal.sqlite"))


def test_a_rolled_back_copy_of_the_journal_is_reported(tmp_path):
    folder = tmp_path / "journal"
    key_store = HmacKeyStore(0x5A)
    journal = baken.Journal.create_for_tests(str(folder), PASSCODE, key_store)
    journal.add(entry("first"))
    journal.lock()
    shutil.copytree(folder, tmp_path / "copy")
    journal.unlock(PASSCODE)
    journal.add(entry("he came to my school"))
    journal.add(entry("he threatened me"))
    newest = journal.seal()
    journal.lock()
    del journal
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "copy", folder)

    reopened = baken.Journal.open_for_tests(str(folder), key_store)
    reopened.unlock(PASSCODE)
    assert len(reopened.entries().entries) == 1
    verification = reopened.verify()
    assert verification.broken is None and not verification.intact
    assert verification.rolled_back == baken.RememberedJournal(links=3, seal=newest)


def test_lockout_after_repeated_wrong_passcodes(tmp_path):
    path = str(tmp_path / "journal")
    baken.Journal.create_for_tests(path, PASSCODE, None)
    journal = baken.Journal.open_for_tests(path, None)
    for _ in range(5):
        with pytest.raises(baken.BakenError.WrongPasscode):
            journal.unlock("wrong passcode")
    with pytest.raises(baken.BakenError.LockedOut) as info:
        journal.unlock(PASSCODE)
    assert 0 < info.value.retry_after_seconds <= 30


def test_key_store_implemented_in_python(tmp_path):
    path = str(tmp_path / "journal")
    journal = baken.Journal.create_for_tests(path, PASSCODE, HmacKeyStore(0x5A))
    journal.add(entry("bound"))
    journal.enable_biometric_unlock()
    with pytest.raises(baken.BakenError.Platform):
        baken.Journal.open_for_tests(path, None).unlock(PASSCODE)
    # Another phone's key store opens neither the passcode slot nor the sealed attempt counts.
    with pytest.raises((baken.BakenError.WrongPasscode, baken.BakenError.LockedOut)):
        baken.Journal.open_for_tests(path, HmacKeyStore(0x33)).unlock(PASSCODE)
    journal = baken.Journal.open_for_tests(path, HmacKeyStore(0x5A))
    journal.unlock_with_biometrics()
    assert journal.entries().entries[0].text == "bound"


def test_the_standard_kdf_refuses_a_test_journal(tmp_path):
    path = str(tmp_path / "journal")
    baken.Journal.create_for_tests(path, PASSCODE, None)
    with pytest.raises(baken.BakenError.InvalidInput):
        baken.Journal.open(path, HmacKeyStore(0x5A)).unlock(PASSCODE)


def test_bad_entries_are_typed_errors(tmp_path):
    journal = baken.Journal.create_for_tests(str(tmp_path / "journal"), PASSCODE, None)
    bad = entry("x")
    bad.happened_at = "yesterday"
    with pytest.raises(baken.BakenError.InvalidInput):
        journal.add(bad)
    with pytest.raises(baken.BakenError.TooLarge):
        journal.add(entry("x", b"\0" * (20 * 1024 * 1024 + 1)))
    assert journal.entries().entries == []


def test_every_passcode_evaluation_is_counted_even_from_the_decoy(tmp_path):
    path = str(tmp_path / "journal")
    journal = baken.Journal.create_for_tests(path, PASSCODE, None)
    journal.set_duress_passcode(PASSCODE, "duress 2468")
    journal.lock()
    journal.unlock("duress 2468")
    # Someone who knows only the duress passcode guesses the real one through passcode changes.
    with pytest.raises(baken.BakenError.WrongPasscode):
        journal.change_passcode("duress 2468", PASSCODE)
    guesses = 0
    with pytest.raises(baken.BakenError.LockedOut):
        for guess in range(100):
            journal.change_passcode("duress 2468", f"guess {guess:04}")
            journal.change_passcode(f"guess {guess:04}", "duress 2468")
            guesses += 1
    assert guesses < 5


def test_a_decoy_answers_a_duress_set_up_as_the_real_journal_does(tmp_path):
    path = str(tmp_path / "journal")
    journal = baken.Journal.create_for_tests(path, PASSCODE, None)
    journal.add(entry("the real evidence"))
    journal.set_duress_passcode(PASSCODE, "duress 2468")
    journal.lock()
    journal.unlock("duress 2468")
    with pytest.raises(baken.BakenError.InvalidInput):
        journal.set_duress_passcode("duress 2468", "duress 2468")
    journal.set_duress_passcode("duress 2468", "their duress 1357")
    journal.lock()
    journal.unlock("their duress 1357")
    assert journal.entries().entries == []
    journal.lock()
    journal.unlock(PASSCODE)
    assert [e.text for e in journal.entries().entries] == ["the real evidence"]


def test_wipe_destroys_the_key_store_key_first(tmp_path):
    path = str(tmp_path / "journal")
    key_store = HmacKeyStore(0x5A)
    journal = baken.Journal.create_for_tests(path, PASSCODE, key_store)
    journal.wipe()
    assert key_store.destroyed == 1
    assert not os.path.exists(path)


def test_a_digits_only_passcode_gets_a_warning_not_a_refusal():
    assert baken.passcode_warning("123456") == baken.PasscodeWarning.FEW_DIGITS
    assert baken.passcode_warning("12345678") == baken.PasscodeWarning.PREDICTABLE
    assert baken.passcode_warning("20580193") is None
    assert baken.passcode_warning("correct horse 42") is None


def test_the_app_constructors_need_a_key_store(tmp_path):
    # Device binding is not optional in the app's API: only the test constructors take None.
    with pytest.raises(TypeError):
        baken.Journal.create(str(tmp_path / "journal"), PASSCODE, None)
    assert not os.path.exists(tmp_path / "journal")
