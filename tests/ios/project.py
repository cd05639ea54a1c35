"""The iOS demo's safety rules, read from its files: Info.plist, entitlements, the privacy
manifest, and the Swift sources' file protection, backup exclusion and Keychain classes."""

import plistlib
import re
from pathlib import Path

# The only entitlement the app has: files are NSFileProtectionComplete unless it says otherwise.
ENTITLEMENTS = {"com.apple.developer.default-data-protection": "NSFileProtectionComplete"}
# Usage descriptions the app needs; PhotosPicker runs outside the app and needs none.
USAGE_DESCRIPTIONS = {"NSFaceIDUsageDescription"}
# Info.plist keys that would expose the journal or show the app where it should not be.
FORBIDDEN_INFO = {
    "NSAppTransportSecurity": "an App Transport Security exception",
    "UIBackgroundModes": "background modes",
    "CFBundleDocumentTypes": "a document type (the app would appear in 'Open with' and share sheets)",
    "NSUserActivityTypes": "user activities (Handoff)",
}
OFF_INFO = ("UIFileSharingEnabled", "LSSupportsOpeningDocumentsInPlace")
# Required-reason API categories: what in the Swift sources uses one, and the reason the app gives.
APP_REQUIRED_REASON = {
    "NSPrivacyAccessedAPICategoryUserDefaults": (r"\bUserDefaults\b|@AppStorage", "CA92.1"),
    "NSPrivacyAccessedAPICategoryFileTimestamp": (r"\b(creationDate|modificationDate|contentModificationDate)\w*", "C617.1"),
    "NSPrivacyAccessedAPICategorySystemBootTime": (r"\bsystemUptime\b|\bmach_absolute_time\b", "35F9.1"),
    "NSPrivacyAccessedAPICategoryDiskSpace": (r"\bvolumeAvailableCapacity\w*|\bstatfs\b", "E174.1"),
}
# What the linked core uses, found in its sources: SQLite (bundled) reads file metadata with
# stat/fstat in the app's container; the passcode attempt gate reads the time since boot.
CORE_REQUIRED_REASON = {
    "NSPrivacyAccessedAPICategoryFileTimestamp": ("Cargo.toml", r'rusqlite = \{[^}]*"bundled"', "C617.1"),
    "NSPrivacyAccessedAPICategorySystemBootTime": ("core/src/journal/attempts.rs", r"clock_gettime", "35F9.1"),
}


def load(path: Path) -> dict:
    with path.open("rb") as f:
        return plistlib.load(f)


def info_problems(app: Path) -> list[str]:
    info = load(app / "Info.plist")
    problems = [f"Info.plist has {what}" for key, what in FORBIDDEN_INFO.items() if key in info]
    problems += [f"Info.plist turns on {key}" for key in OFF_INFO if info.get(key, False)]
    for key in USAGE_DESCRIPTIONS:
        if not str(info.get(key, "")).strip():
            problems.append(f"Info.plist lacks {key}")
    problems += [f"Info.plist asks for {key}, which the app does not need" for key in info if key.endswith("UsageDescription") and key not in USAGE_DESCRIPTIONS]
    if not {"en", "nl"} <= set(info.get("CFBundleLocalizations", [])):
        problems.append("Info.plist does not list the en and nl localizations")
    return problems


def entitlement_problems(app: Path) -> list[str]:
    entitlements = load(app / "BakenDemo.entitlements")
    problems = []
    for key, value in entitlements.items():
        if "network" in key.lower():
            problems.append(f"the entitlements ask for the network ({key})")
        elif key not in ENTITLEMENTS:
            problems.append(f"the entitlements ask for {key}, which the app does not need")
    for key, value in ENTITLEMENTS.items():
        if entitlements.get(key) != value:
            problems.append(f"the entitlements lack {key} = {value} (file protection)")
    return problems


def swift_sources(app: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(app.rglob("*.swift")))


def privacy_problems(app: Path, repo: Path) -> list[str]:
    manifest = load(app / "PrivacyInfo.xcprivacy")
    problems = []
    if manifest.get("NSPrivacyTracking") is not False:
        problems.append("the privacy manifest does not say NSPrivacyTracking = false")
    for key in ("NSPrivacyTrackingDomains", "NSPrivacyCollectedDataTypes"):
        if manifest.get(key) != []:
            problems.append(f"the privacy manifest's {key} is not an empty list")
    declared = {e.get("NSPrivacyAccessedAPIType"): e.get("NSPrivacyAccessedAPITypeReasons", []) for e in manifest.get("NSPrivacyAccessedAPITypes", [])}
    sources = swift_sources(app)
    used = {c: reason for c, (pattern, reason) in APP_REQUIRED_REASON.items() if re.search(pattern, sources)}
    used |= {c: reason for c, (file, pattern, reason) in CORE_REQUIRED_REASON.items() if re.search(pattern, (repo / file).read_text())}
    for category, reason in used.items():
        if reason not in declared.get(category, []):
            problems.append(f"the privacy manifest does not declare {category} with reason {reason}, which the app uses")
    problems += [f"the privacy manifest declares {c}, which nothing uses" for c in declared if c not in used]
    return problems


def source_problems(app: Path) -> list[str]:
    """File protection, backup exclusion, Keychain classes and no networking in the Swift code."""
    sources = swift_sources(app)
    problems = []
    directories = re.findall(r"createDirectory\([^)]*\)", sources)
    if not directories:
        problems.append("the app makes no folder for the journal")
    problems += [f"a folder is made without complete file protection: {d}" for d in directories if "FileProtectionType.complete" not in d]
    problems += [f"a file is written without complete file protection: {w}" for w in re.findall(r"\.write\(to:[^)]*\)", sources) if ".completeFileProtection" not in w]
    if "isExcludedFromBackup = true" not in sources:
        problems.append("the journal's folder is not excluded from backups (isExcludedFromBackup)")
    if "applicationSupportDirectory" not in sources:
        problems.append("the journal is not in Application Support")
    for weak in re.findall(r"kSecAttrAccessible\w+", sources):
        if not weak.endswith("ThisDeviceOnly"):
            problems.append(f"a Keychain item may leave the phone or open without a passcode: {weak}")
    if "kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly" not in sources:
        problems.append("the keys are not kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly")
    if ".biometryCurrentSet" not in sources:
        problems.append("the biometric key does not need Face ID or Touch ID (.biometryCurrentSet)")
    for network in ("URLSession", "NWConnection", "NWPathMonitor", "CFSocket", "URLRequest", "WKWebView", "import Network", "import FirebaseAnalytics"):
        if network in sources:
            problems.append(f"the app uses networking or analytics: {network}")
    for unneeded in ("PHPhotoLibrary", "UIImagePickerController"):
        if unneeded in sources:
            problems.append(f"the app uses {unneeded}, which needs photo library permission; use PhotosPicker")
    return problems


def check(app: Path, repo: Path) -> list[str]:
    return info_problems(app) + entitlement_problems(app) + privacy_problems(app, repo) + source_problems(app)
