"""Help routing through the generated Python bindings: the same first routes as the Rust tests
(bindings/src/help.rs, core/tests/help_routes.rs) and typed errors for bad input."""
import pytest

import baken_ffi as baken


def request(topic=None, age=14, now="2026-12-01T15:00:00+01:00", country="NL", language=baken.Language.NL, signals=(), quiet=False,
            audience=baken.Asker.TEEN):
    return baken.RouteRequest(
        country=country, topic=topic, signals=list(signals), level=None, audience=audience, age=age,
        language=language, quiet=quiet, now=now,
    )


def test_blackmail_at_night_goes_to_a_line_known_to_be_open_first():
    routes = baken.route(request(baken.Topic.SEXTORTION(), 15, "2026-12-01T23:00:00+01:00"))
    first = routes[0]
    assert (first.service_id, first.action_uri) == ("nl-centrum-seksueel-geweld", "tel:08000188")
    assert first.channel == baken.HelpChannel.PHONE
    assert first.open == baken.OpenState.OPEN
    assert first.source.startswith("http")
    assert any(r.service_id == "nl-helpwanted" for r in routes), "the specialist is still offered"


def test_a_danger_result_puts_112_first_and_a_quiet_teen_gets_a_typed_route():
    danger = request(None, 14, "2026-12-05T23:30:00+01:00", signals=[baken.Signal.THREAT, baken.Signal.PAYMENT_DEMAND])
    danger.level = baken.Level.DANGER
    assert baken.route(danger)[0].action_uri == "tel:112"
    quiet = baken.route(request(baken.Topic.SEXTORTION(), 15, "2026-12-05T23:30:00+01:00", quiet=True))[0]
    assert quiet.channel != baken.HelpChannel.PHONE


def test_a_teen_in_the_afternoon_gets_de_kindertelefoon_until_nine():
    first = baken.route(request(None, 14, "2026-12-01T15:00:00+01:00"))[0]
    assert (first.service_id, first.action_uri) == ("nl-kindertelefoon", "tel:08000432")
    assert first.open_until == "2026-12-01T21:00:00+01:00"


def test_closed_routes_say_when_they_open_and_the_emergency_number_is_always_there():
    routes = baken.route(request(None, 14, "2026-12-01T23:00:00+01:00"))
    kindertelefoon = next(r for r in routes if r.service_id == "nl-kindertelefoon")
    assert kindertelefoon.open == baken.OpenState.CLOSED
    assert kindertelefoon.next_open == "2026-12-02T11:00:00+01:00"
    assert any(r.emergency and r.action_uri == "tel:112" for r in routes)


def test_immediate_danger_puts_the_emergency_number_first():
    first = baken.route(request(baken.Topic.EMERGENCY(), 14, "2026-12-01T23:00:00+01:00"))[0]
    assert first.action_uri == "tel:112" and first.emergency


def test_a_parent_gets_veilig_thuis_and_is_spoken_to_about_their_child():
    routes = baken.route(request(baken.Topic.GROOMING(), 13, "2026-12-01T20:00:00+01:00", audience=baken.Asker.PARENT))
    assert (routes[0].service_id, routes[0].action_uri) == ("nl-veilig-thuis", "tel:08002000")
    assert all(r.service_id != "nl-kindertelefoon" for r in routes), "the Kindertelefoon is for the child to call"
    assert any("het vertrouwen van je kind" in r.reason for r in routes)


def test_a_country_outside_the_directory_gets_the_worldwide_routes_and_a_note():
    routes = baken.route(request(baken.Topic.SEXTORTION(), 15, "2026-12-05T23:30:00-05:00", country="CA", language=baken.Language.EN))
    assert routes[0].service_id == "intl-take-it-down"
    assert any(r.service_id == "local-emergency" and r.emergency and r.action_uri == "" for r in routes)
    assert "does not know" in baken.coverage_note("CA", baken.Language.EN)
    assert baken.coverage_note("NL", baken.Language.NL) is None


def test_a_line_closed_on_bank_holidays_is_closed_on_christmas_day():
    routes = baken.route(request(baken.Topic.IMAGE_REMOVAL(), 22, "2026-12-25T11:00:00+00:00", country="GB", language=baken.Language.EN))
    helpline = next(r for r in routes if r.service_id == "gb-revenge-porn-helpline")
    assert helpline.open == baken.OpenState.CLOSED
    assert helpline.next_open == "2026-12-29T10:00:00+00:00"
    assert routes[0].service_id != "gb-revenge-porn-helpline"


def test_a_teen_blackmailed_in_england_on_saturday_night_gets_childline_before_the_removal_tools():
    """Rust: help_routes.rs, uk_saturday_night_sextortion_a_professional_would_sign."""
    routes = baken.route(request(baken.Topic.SEXTORTION(), 15, "2026-12-05T23:30:00+00:00", country="GB", language=baken.Language.EN))
    assert (routes[0].service_id, routes[0].action_uri) == ("gb-childline", "tel:08001111")
    ids = [r.service_id for r in routes]
    assert ids.index("gb-childline") < ids.index("intl-take-it-down") < ids.index("gb-report-remove")
    quiet = baken.route(request(baken.Topic.SEXTORTION(), 15, "2026-12-05T23:30:00+00:00", country="GB", language=baken.Language.EN, quiet=True))[0]
    assert quiet.action_uri == "https://www.childline.org.uk"


@pytest.mark.parametrize(
    "case, expected",
    [
        # Rust: help_routes.rs, services_and_flags_a_professional_would_sign.
        (dict(topic=baken.Topic.SUICIDE(), age=15, now="2026-12-02T10:00:00+01:00", country="BE"), ("be-zelfmoordlijn", "tel:1813")),
        (dict(topic=baken.Topic.SUICIDE(), age=45, now="2026-12-01T23:00:00+00:00", country="GB", language=baken.Language.EN), ("gb-samaritans", "tel:116123")),
        # Rust: help_routes.rs, added_services_a_professional_would_sign.
        (dict(age=15, now="2026-12-06T03:00:00+01:00"), ("nl-luisterlijn", "tel:0880767000")),
        (dict(age=15, now="2026-12-06T03:00:00+01:00", country="BE"), ("be-tele-onthaal", "tel:106")),
    ],
)
def test_the_same_first_routes_as_the_rust_scenarios(case, expected):
    first = baken.route(request(**case))[0]
    assert (first.service_id, first.action_uri) == expected


def test_no_emergency_number_known_is_not_found():
    with pytest.raises(baken.BakenError.NotFound) as info:
        baken.emergency_number("CA")
    assert "CA" in str(info.value)


@pytest.mark.parametrize(
    "bad, error, named",
    [
        (dict(country="ZZ"), baken.BakenError.InvalidInput, "ZZ"),
        (dict(now="1890-12-01T10:00:00+01:00"), baken.BakenError.InvalidInput, "1890"),
        (dict(now="tomorrow"), baken.BakenError.InvalidInput, "RFC 3339"),
    ],
)
def test_bad_input_is_a_typed_error_naming_it(bad, error, named):
    with pytest.raises(error) as info:
        baken.route(request(**bad))
    assert named in str(info.value)


def test_a_signal_is_a_help_topic_too():
    routes = baken.route(request(baken.Topic.FOR_SIGNAL(baken.Signal.THREAT), 15, "2026-12-01T23:00:00+01:00"))
    assert any(r.emergency for r in routes)
