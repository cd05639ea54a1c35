"""Self-tests of check.py: the app as it is passes, and each planted violation is caught."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "tests" / "android" / "check.py"
# The shipped library's bindings (tests/run step 2), as the app gets them.
BINDINGS = ROOT / "target" / "shipped" / "bindings" / "nl" / "baken" / "baken_ffi.kt"
MAIN = Path("app/src/main")
MANIFEST = MAIN / "AndroidManifest.xml"
MODEL = MAIN / "java/nl/baken/demo/model"
UI = MAIN / "java/nl/baken/demo/ui"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    assert BINDINGS.exists(), "tests/run step 2 generates the bindings first"
    copy = tmp_path / "android-demo"
    shutil.copytree(ROOT / "android-demo", copy)
    return copy


def run(demo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(demo), str(BINDINGS)], capture_output=True, text=True)


def edit(demo: Path, path: Path, old: str, new: str):
    file = demo / path
    source = file.read_text()
    assert old in source, f"{old!r} is not in {path}"
    file.write_text(source.replace(old, new, 1))


def fails_with(demo: Path, message: str):
    result = run(demo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stdout, result.stdout


def test_the_app_as_it_is_passes(demo):
    result = run(demo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "uses of nl.baken checked against the bindings" in result.stdout


def test_an_internet_permission_fails(demo):
    edit(demo, MANIFEST, "<application", '<uses-permission android:name="android.permission.INTERNET" />\n    <application')
    fails_with(demo, "asks for android.permission.INTERNET")


def test_a_network_state_permission_fails(demo):
    edit(demo, MANIFEST, "<application", '<uses-permission android:name="android.permission.ACCESS_NETWORK_STATE" />\n    <application')
    fails_with(demo, "asks for android.permission.ACCESS_NETWORK_STATE")


def test_dropping_the_removal_of_internet_fails(demo):
    edit(demo, MANIFEST, '<uses-permission android:name="android.permission.INTERNET" tools:node="remove" />', "")
    fails_with(demo, 'no <uses-permission android:name="android.permission.INTERNET" tools:node="remove"/>')


def test_allow_backup_true_fails(demo):
    edit(demo, MANIFEST, 'android:allowBackup="false"', 'android:allowBackup="true"')
    fails_with(demo, 'android:allowBackup must be "false"')


def test_backup_rules_that_keep_a_domain_fail(demo):
    edit(demo, MAIN / "res/xml/data_extraction_rules.xml", '<exclude domain="sharedpref" path="." />', "")
    fails_with(demo, "does not exclude the sharedpref domain from cloud-backup")
    edit(demo, MAIN / "res/xml/backup_rules.xml", '<exclude domain="database" path="." />', '<include domain="database" path="." />')
    fails_with(demo, "does not exclude the database domain")


def test_a_missing_device_transfer_section_fails(demo):
    rules = demo / MAIN / "res/xml/data_extraction_rules.xml"
    source = rules.read_text()
    rules.write_text(source[: source.index("<device-transfer>")] + "</data-extraction-rules>\n")
    fails_with(demo, "has no <device-transfer>")


def test_cleartext_traffic_config_fails(demo):
    edit(demo, MANIFEST, 'android:allowBackup="false"', 'android:allowBackup="false"\n        android:usesCleartextTraffic="true"')
    fails_with(demo, "cleartext traffic")


def test_an_exported_activity_that_is_not_the_launcher_fails(demo):
    edit(demo, MANIFEST, 'android:name=".ExitActivity"\n            android:exported="false"', 'android:name=".ExitActivity"\n            android:exported="true"')
    fails_with(demo, ".ExitActivity is exported but is not the launcher")


def test_a_share_target_fails(demo):
    edit(demo, MANIFEST, '<category android:name="android.intent.category.LAUNCHER" />',
         '<category android:name="android.intent.category.LAUNCHER" />\n                <action android:name="android.intent.action.SEND" />')
    fails_with(demo, "is a share target")


def test_no_disguise_fails(demo):
    edit(demo, MANIFEST, 'android:name=".Disguise"\n            android:enabled="false"', 'android:name=".Disguise"\n            android:enabled="true"')
    fails_with(demo, "no disguise")


def test_missing_sdk_levels_and_a_jar_jna_fail(demo):
    edit(demo, Path("app/build.gradle.kts"), "targetSdk = 35", "")
    edit(demo, Path("app/build.gradle.kts"), "@aar", "")
    fails_with(demo, "does not state targetSdk")
    fails_with(demo, "JNA must come as the Android @aar")


def test_a_network_library_fails(demo):
    edit(demo, Path("gradle/libs.versions.toml"), "[plugins]", 'okhttp = { group = "com.squareup.okhttp3", name = "okhttp", version = "4.12.0" }\n\n[plugins]')
    fails_with(demo, "depends on com.squareup.okhttp3")


def test_missing_keep_rules_fail(demo):
    edit(demo, Path("app/proguard-rules.pro"), "-keep class nl.baken.** { *; }", "")
    fails_with(demo, "no R8 keep rule for nl.baken.**")


def test_a_missing_flag_secure_fails(demo):
    edit(demo, MAIN / "java/nl/baken/demo/MainActivity.kt",
         "        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)\n", "")
    fails_with(demo, "MainActivity does not set FLAG_SECURE on its window in onCreate")


def test_a_dialog_without_the_secure_policy_fails(demo):
    edit(demo, UI / "App.kt", "        item { DisguiseSwitch() }", '        item { AlertDialog(onDismissRequest = {}, confirmButton = {}, text = { Text("x") }) }')
    fails_with(demo, "AlertDialog opens its own window")


def test_a_screen_without_quick_exit_fails(demo):
    edit(demo, UI / "HelpScreen.kt", "    ScreenFrame(stringResource(R.string.help_title), onBack, onQuickExit) {", "    Column {")
    fails_with(demo, "HelpScreen is not inside ScreenFrame")


def test_an_android_import_in_a_presenter_fails(demo):
    edit(demo, MODEL / "Session.kt", "import nl.baken.KeyStore", "import android.content.Context\nimport nl.baken.KeyStore")
    fails_with(demo, "presenters are plain Kotlin: import android.content.Context")


def test_a_file_that_does_not_parse_fails(demo):
    edit(demo, MODEL / "Session.kt", "fun quickExit() {", "fun quickExit( {")
    fails_with(demo, "Session.kt")
    fails_with(demo, "does not parse as Kotlin")


def test_a_function_the_bindings_do_not_have_fails(demo):
    edit(demo, MODEL / "CheckPresenter.kt", "import nl.baken.analyze\n", "import nl.baken.analyze\nimport nl.baken.analyzeMessage\n")
    edit(demo, MODEL / "CheckPresenter.kt", "analyze(text, null)", "analyzeMessage(text, null)")
    fails_with(demo, "nl.baken has no analyzeMessage")


def test_a_wrong_arity_fails(demo):
    edit(demo, MODEL / "CheckPresenter.kt", "analyze(text, null)", "analyze(text)")
    fails_with(demo, "nl.baken.analyze takes 2 arguments, not 1")


def test_a_missing_constructor_or_method_fails(demo):
    edit(demo, MODEL / "JournalPresenter.kt", "Journal.open(folder, keyStore)", "Journal.openFast(folder, keyStore)")
    edit(demo, MODEL / "JournalPresenter.kt", "j.lock()\n        return locked(j)", "j.lockNow()\n        return locked(j)")
    fails_with(demo, "nl.baken.Journal has no openFast")
    fails_with(demo, "nl.baken.Journal has no method lockNow")


def test_a_wrong_named_argument_or_enum_entry_fails(demo):
    edit(demo, MODEL / "HelpPresenter.kt", "quiet = state.quiet,", "silent = state.quiet,")
    edit(demo, MODEL / "HelpPresenter.kt", "Asker.TEEN", "Asker.CHILD")
    fails_with(demo, "nl.baken.RouteRequest takes 9 arguments, not 9 (named")
    fails_with(demo, "nl.baken.Asker has no CHILD")


def test_a_key_store_method_the_trait_does_not_have_fails(demo):
    edit(demo, MAIN / "java/nl/baken/demo/BakenKeyStore.kt", "override fun readAnchor(): ByteArray", "override fun readAnchor(slot: Int): ByteArray")
    fails_with(demo, "KeyStore has no method readAnchor with 1 parameters")


def test_a_test_only_constructor_fails(demo):
    edit(demo, MODEL / "JournalPresenter.kt", "Journal.create(folder, passcode, keyStore)", "Journal.createForTests(folder, passcode, keyStore)")
    fails_with(demo, "nl.baken.Journal has no createForTests")


def test_a_string_missing_in_dutch_fails(demo):
    edit(demo, MAIN / "res/values-nl/strings.xml", '<string name="quick_exit">Snel weg</string>', "")
    fails_with(demo, "string quick_exit is used but missing in nl")
