"""The evidence report's own check, run in a real browser (headless Chromium) on the report the real
cdylib writes: it passes on the report as made, and fails on every kind of forgery a support
worker could be handed."""
import re
import shutil
import subprocess

import pytest

import baken_ffi as baken

PASSCODE = "correct horse 42"
PNG_A = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
PNG_B = b"\x89PNG\r\n\x1a\n" + bytes(range(64, 128))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--virtual-time-budget=20000", "--dump-dom"]


def entry(text, contact="@sam_2008", happened="2026-03-01T21:15:00+01:00", tags=("school",), attachments=()):
    return baken.NewJournalEntry(
        kind=baken.EntryKind.EVIDENCE if attachments else baken.EntryKind.INCIDENT,
        happened_at=happened,
        contact=baken.JournalContact(name=contact, platform="Snapchat"),
        text=text,
        signals=[baken.Signal.THREAT, baken.Signal.IMAGE_REQUEST],
        level=baken.Level.DANGER,
        tags=list(tags),
        attachments=[baken.NewJournalAttachment(media_type=t, bytes=b) for t, b in attachments],
    )


class Check:
    """The result of the check in one page: "ok" or "bad", its message, its problems, and the
    browser's own log (where refused scripts and styles show)."""

    def __init__(self, dom, log):
        block = re.search(r'<div id="check-result"[^>]*data-result="(ok|bad)"[^>]*>(.*?)</div>', dom, re.S)
        assert block, f"the check did not finish:\n{log[-2000:]}"
        self.result = block.group(1)
        self.message = re.search(r"<p>(.*?)</p>", block.group(2), re.S).group(1)
        self.problems = re.findall(r"<li>(.*?)</li>", block.group(2), re.S)
        self.title = re.search(r"<title>(.*?)</title>", dom).group(1)
        self.log = log


def run_check(tmp_path, html, name="report.html"):
    assert CHROMIUM, "tests/setup installs Debian's chromium"
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"{page.as_uri()}#check"],
                          capture_output=True, text=True, timeout=120)
    return Check(done.stdout, done.stderr)


@pytest.fixture
def report(tmp_path):
    """A journal with an edited entry, a deleted one and two screenshots; its report in English."""
    journal = baken.Journal.create_for_tests(str(tmp_path / "journal"), PASSCODE, None)
    first = journal.add(entry("he said he would share my photo", attachments=[("image/png", PNG_A)]))
    journal.edit(first.id, entry("he said he would share my photo unless I paid"))  # keeps the screenshot
    journal.add(entry("second screenshot, the same night", contact="@other", happened="2026-03-02T08:00:00+01:00",
                      tags=("home",), attachments=[("image/png", PNG_B)]))
    gone = journal.add(entry("typed by mistake"))
    journal.delete(gone.id)
    journal.add(entry("he wrote <!--<script> to me and then </script> -->", happened="2026-03-03T10:00:00+01:00"))
    summary = journal.export_report(str(tmp_path / "made.html"), baken.Language.EN)
    assert (summary.entries, summary.earlier_versions, summary.damaged) == (3, 1, 0)
    return (tmp_path / "made.html").read_text(encoding="utf-8"), journal.seal()


def page_part(html):
    """The part of the page a reader sees, before the chain data and the check script."""
    return html.index('<script type="application/json"')


def forge_once(html, old, new):
    """Changes the first place `old` is shown (not the chain data), once."""
    at = html.find(old)
    assert 0 <= at < page_part(html), old
    return html[:at] + new + html[at + len(old):]


def sections(html):
    return re.findall(r'<section class="entry".*?</section>', html[:page_part(html)], re.S)


def test_the_real_report_passes_and_says_what_a_match_means(tmp_path, report):
    html, seal = report
    check = run_check(tmp_path, html)
    assert check.result == "ok", check.problems
    assert seal in check.message and "compare" in check.message.lower()
    assert "Content Security Policy" not in check.log, "the page's own style and script match its policy"
    assert "<!--<script>" not in html[:page_part(html)] and "&lt;!--&lt;script&gt;" in html


@pytest.mark.parametrize("old, new", [
    ("@sam_2008", "@sam_2009"),                                    # contact
    ("2026-03-01 21:15 (UTC+01:00)", "2026-03-01 20:15 (UTC+01:00)"),  # time
    ("unless I paid", "unless I sent a photo"),                    # text
    ("<bdi>school</bdi>", "<bdi>sport</bdi>"),                      # tags
    ("<dd>Danger</dd>", "<dd>Be careful</dd>"),                     # level
    ("<h3>Evidence</h3>", "<h3>Note</h3>"),                         # kind
    ("<dt>Version</dt><dd>2</dd>", "<dt>Version</dt><dd>1</dd>"),   # revision
])
def test_a_changed_field_fails_the_check(tmp_path, report, old, new):
    html, _ = report
    check = run_check(tmp_path, forge_once(html, old, new))
    assert check.result == "bad", f"{old} -> {new}"
    assert any("does not match the chain: entry" in p for p in check.problems), check.problems


def test_changed_signals_fail_the_check(tmp_path, report):
    html, _ = report
    shown = re.search(r"<dt>Warning signs</dt><dd>([^<]*)</dd>", html).group(1)
    check = run_check(tmp_path, forge_once(html, f"<dd>{shown}</dd>", "<dd>Nothing worrying</dd>"))
    assert check.result == "bad" and any("entry 1" in p for p in check.problems), check.problems


def test_swapped_images_fail_the_check(tmp_path, report):
    html, _ = report
    srcs = re.findall(r'<img src="([^"]+)"', html[:page_part(html)])
    assert len(srcs) == 2 and srcs[0] != srcs[1]
    swapped = html.replace(srcs[0], "SWAP").replace(srcs[1], srcs[0]).replace("SWAP", srcs[1])
    check = run_check(tmp_path, swapped)
    assert check.result == "bad"
    assert sum("An attachment does not match" in p for p in check.problems) == 2, check.problems


def test_an_added_or_removed_entry_fails_the_check(tmp_path, report):
    html, _ = report
    first, second, third = sections(html)
    duplicated = html.replace(second, second + second, 1)
    assert run_check(tmp_path, duplicated, "duplicated.html").result == "bad"
    invented = re.sub(r'data-link="[0-9a-f]{64}"', 'data-link="' + "ab" * 32 + '"', first, count=1).replace("unless I paid", "and he hit me")
    check = run_check(tmp_path, html.replace(third, third + invented, 1), "invented.html")
    assert check.result == "bad" and any("is not in the chain: entry 4" in p for p in check.problems), check.problems
    check = run_check(tmp_path, html.replace(second, "", 1), "removed.html")
    assert check.result == "bad" and any("missing from the report" in p for p in check.problems), check.problems


def test_text_added_outside_the_entries_fails_the_check(tmp_path, report):
    html, _ = report
    note = "<p>The writer also told me he hit her.</p>"
    in_header = forge_once(html, '<p><button id="check"', note + '<p><button id="check"')
    assert run_check(tmp_path, in_header, "header.html").result == "bad"
    after_entries = forge_once(html, '<section id="appendix">', note + '<section id="appendix">')
    assert run_check(tmp_path, after_entries, "after.html").result == "bad"
    in_appendix = forge_once(html, "</tbody>", "<tr><td>9</td><td>x</td><td>y</td></tr></tbody>")
    assert run_check(tmp_path, in_appendix, "appendix.html").result == "bad"


def test_a_consistently_forged_text_no_longer_matches_the_chain(tmp_path, report):
    html, _ = report
    check = run_check(tmp_path, html.replace("unless I paid", "unless I lied"))
    assert check.result == "bad" and any("chain does not add up" in p for p in check.problems), check.problems


def test_an_injected_script_is_refused_by_the_policy(tmp_path, report):
    html, _ = report
    fake = ("<script>document.title='forged';document.getElementById('check-result').dataset.result='ok'</script>")
    check = run_check(tmp_path, forge_once(html, '<main id="entries">', fake + '<main id="entries">'))
    assert check.title != "forged" and "Content Security Policy" in check.log
    assert check.result == "bad"


def test_hidden_characters_and_other_files_are_shown_safely(tmp_path):
    journal = baken.Journal.create_for_tests(str(tmp_path / "journal"), PASSCODE, None)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    journal.add(entry("send it or I post \u202eit everywhere", contact="\u2067sam\u2069",
                      attachments=[("image/svg+xml", svg), ("image/png", PNG_A)]))
    journal.export_report(str(tmp_path / "made.html"), baken.Language.NL)
    html = (tmp_path / "made.html").read_text(encoding="utf-8")
    page = html[:page_part(html)]
    assert "\u202e" not in page and "[U+202E]" in page and "[U+2067]" in page
    assert page.count("<img ") == 1 and "data:application/octet-stream;base64," in page, "only raster images inline"
    check = run_check(tmp_path, html)
    assert check.result == "ok", check.problems
    assert "Vergelijk dit zegel" in check.message
