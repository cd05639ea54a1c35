"""Self-tests of tests/ios: the real demo passes, and each planted violation is caught.

Needs the generated bindings: BAKEN_SWIFT=target/shipped/bindings/Baken.swift (tests/run sets it).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import check  # noqa: E402

DEMO = check.REPO / "ios-demo"


@pytest.fixture(scope="session")
def bindings() -> Path:
    path = Path(os.environ.get("BAKEN_SWIFT", check.REPO / "target/shipped/bindings/Baken.swift"))
    assert path.is_file(), f"generate the Swift bindings first (tests/run step 2): {path}"
    return path


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    copy = tmp_path / "ios-demo"
    shutil.copytree(DEMO, copy, ignore=shutil.ignore_patterns("*.xcframework", ".build"))
    return copy


def edit(path: Path, old: str, new: str):
    content = path.read_text()
    assert old in content, f"{old!r} is not in {path}"
    path.write_text(content.replace(old, new, 1))


def plant(demo: Path, file: str, code: str):
    """Adds a function with `code` in its body to a Swift file of the app."""
    with (demo / "BakenDemo" / file).open("a") as f:
        f.write(f"\nfunc planted(journal: Baken.Journal) throws {{\n    {code}\n}}\n")


def found(bindings: Path, demo: Path) -> str:
    return "\n".join(check.problems(bindings, demo))


def test_the_demo_passes(bindings):
    assert check.problems(bindings, DEMO) == []


def test_the_demo_calls_into_baken(bindings):
    """The check sees the app's calls at all: the app names many Baken functions and types."""
    sources = "\n".join(p.read_text() for p in DEMO.rglob("*.swift"))
    for name in ("Baken.analyze(", "Baken.route(", "Baken.scanChat(", "Baken.Journal.create(", "Baken.checklistNextQuestion(", "Baken.librarySearch("):
        assert name in sources


@pytest.mark.parametrize(
    "code, message",
    [
        ('_ = try Baken.analyzeMessage(text: "x")', "Baken.analyzeMessage does not exist"),
        ('_ = try analyze(text: "x", language: nil)', "write Baken.analyze"),
        ('_ = try checkMessage("x")', "calls checkMessage(), which the app does not declare, nor does Baken.swift"),
        ('_ = try Baken.analyze(txt: "x", language: nil)', "Baken.analyze called with labels (txt:language:)"),
        ("try journal.unlockNow()", "Baken.Journal has no member or case 'unlockNow'"),
        ('try journal.unlock(code: "1")', "Baken.Journal.unlock called with labels (code:)"),
        ("_ = Baken.Level.extreme", "Baken.Level has no member or case 'extreme'"),
        ("let x: Baken.Verdict? = nil", "Baken.Verdict is not a type"),
        ('_ = Baken.JournalContact(nickname: "x", platform: nil)', "Baken.JournalContact called with labels (nickname:platform:)"),
    ],
)
def test_a_call_the_bindings_do_not_have_fails(bindings, demo, code, message):
    plant(demo, "CheckView.swift", code)
    assert message in found(bindings, demo)


def test_a_missing_error_case_fails(bindings, demo):
    edit(demo / "BakenDemo/JournalModel.swift", "catch Baken.BakenError.NotFound", "catch Baken.BakenError.Missing")
    assert "Baken.BakenError has no case 'Missing'" in found(bindings, demo)


def test_a_key_store_without_a_requirement_fails(bindings, demo):
    edit(demo / "BakenDemo/KeychainKeyStore.swift", "func readAnchor()", "func loadAnchor()")
    assert "KeychainKeyStore conforms to Baken.KeyStore but lacks readAnchor()" in found(bindings, demo)


def test_a_syntax_error_fails(bindings, demo):
    edit(demo / "BakenDemo/HelpView.swift", "var body: some View {", "var body: some View {{")
    assert "syntax error" in found(bindings, demo)


def test_a_network_entitlement_fails(bindings, demo):
    edit(demo / "BakenDemo/BakenDemo.entitlements", "<dict>", "<dict>\n\t<key>com.apple.security.network.client</key>\n\t<true/>")
    assert "the entitlements ask for the network (com.apple.security.network.client)" in found(bindings, demo)


def test_another_entitlement_fails(bindings, demo):
    edit(demo / "BakenDemo/BakenDemo.entitlements", "<dict>", "<dict>\n\t<key>com.apple.developer.icloud-services</key>\n\t<array/>")
    assert "com.apple.developer.icloud-services, which the app does not need" in found(bindings, demo)


def test_a_missing_file_protection_entitlement_fails(bindings, demo):
    edit(demo / "BakenDemo/BakenDemo.entitlements", "<string>NSFileProtectionComplete</string>", "<string>NSFileProtectionCompleteUntilFirstUserAuthentication</string>")
    assert "the entitlements lack com.apple.developer.default-data-protection = NSFileProtectionComplete" in found(bindings, demo)


def test_a_folder_without_file_protection_fails(bindings, demo):
    edit(demo / "BakenDemo/JournalFiles.swift", "attributes: [.protectionKey: FileProtectionType.complete])\n        var values", "attributes: nil)\n        var values")
    assert "a folder is made without complete file protection" in found(bindings, demo)


def test_a_file_written_without_protection_fails(bindings, demo):
    plant(demo, "CheckView.swift", 'try Data().write(to: URL(fileURLWithPath: "/tmp/x"))')
    assert "a file is written without complete file protection" in found(bindings, demo)


def test_a_folder_in_backups_fails(bindings, demo):
    edit(demo / "BakenDemo/JournalFiles.swift", "values.isExcludedFromBackup = true", "values.isExcludedFromBackup = false")
    assert "not excluded from backups" in found(bindings, demo)


def test_a_keychain_item_that_can_leave_the_phone_fails(bindings, demo):
    edit(demo / "BakenDemo/KeychainKeyStore.swift", "accessible: kSecAttrAccessibleWhenUnlockedThisDeviceOnly", "accessible: kSecAttrAccessibleAfterFirstUnlock")
    assert "kSecAttrAccessibleAfterFirstUnlock" in found(bindings, demo)


def test_networking_code_fails(bindings, demo):
    plant(demo, "CheckView.swift", 'let session = URLSession.shared')
    assert "the app uses networking or analytics: URLSession" in found(bindings, demo)


def test_an_ats_exception_fails(bindings, demo):
    edit(demo / "BakenDemo/Info.plist", "<dict>", "<dict>\n\t<key>NSAppTransportSecurity</key>\n\t<dict><key>NSAllowsArbitraryLoads</key><true/></dict>")
    assert "an App Transport Security exception" in found(bindings, demo)


def test_a_missing_face_id_description_fails(bindings, demo):
    edit(demo / "BakenDemo/Info.plist", "<key>NSFaceIDUsageDescription</key>", "<key>NSFaceIDUsageNote</key>")
    assert "Info.plist lacks NSFaceIDUsageDescription" in found(bindings, demo)


def test_an_unneeded_photo_permission_fails(bindings, demo):
    edit(demo / "BakenDemo/Info.plist", "<dict>", "<dict>\n\t<key>NSPhotoLibraryUsageDescription</key>\n\t<string>Photos</string>")
    assert "asks for NSPhotoLibraryUsageDescription, which the app does not need" in found(bindings, demo)


def test_file_sharing_fails(bindings, demo):
    edit(demo / "BakenDemo/Info.plist", "<key>UIFileSharingEnabled</key>\n\t<false/>", "<key>UIFileSharingEnabled</key>\n\t<true/>")
    assert "turns on UIFileSharingEnabled" in found(bindings, demo)


def test_tracking_fails(bindings, demo):
    edit(demo / "BakenDemo/PrivacyInfo.xcprivacy", "<key>NSPrivacyTracking</key>\n\t<false/>", "<key>NSPrivacyTracking</key>\n\t<true/>")
    assert "NSPrivacyTracking = false" in found(bindings, demo)


def test_collected_data_fails(bindings, demo):
    edit(demo / "BakenDemo/PrivacyInfo.xcprivacy", "<key>NSPrivacyCollectedDataTypes</key>\n\t<array/>", "<key>NSPrivacyCollectedDataTypes</key>\n\t<array><dict/></array>")
    assert "NSPrivacyCollectedDataTypes is not an empty list" in found(bindings, demo)


def test_an_undeclared_required_reason_api_fails(bindings, demo):
    plant(demo, "CheckView.swift", 'UserDefaults.standard.set(true, forKey: "seen")')
    assert "does not declare NSPrivacyAccessedAPICategoryUserDefaults with reason CA92.1" in found(bindings, demo)


def test_a_declared_unused_api_fails(bindings, demo):
    edit(demo / "BakenDemo/PrivacyInfo.xcprivacy", "NSPrivacyAccessedAPICategorySystemBootTime", "NSPrivacyAccessedAPICategoryActiveKeyboards")
    problems = found(bindings, demo)
    assert "declares NSPrivacyAccessedAPICategoryActiveKeyboards, which nothing uses" in problems
    assert "does not declare NSPrivacyAccessedAPICategorySystemBootTime" in problems


def test_a_text_without_dutch_fails(bindings, demo):
    plant(demo, "CheckView.swift", 'let _ = Text("Only in English")')
    assert "'Only in English' has no Dutch version" in found(bindings, demo)


def test_shellcheck_catches_a_planted_mistake(demo):
    edit(demo / "build-xcframework.sh", 'lipo -create "${simulator_libraries[@]}"', "lipo -create ${simulator_libraries[@]}")
    result = subprocess.run(["shellcheck", str(demo / "build-xcframework.sh")], capture_output=True, text=True)
    assert result.returncode != 0 and "SC2068" in result.stdout
