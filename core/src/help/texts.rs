//! The short texts of a route, in the asker's language: the button label and why it was chosen.
//! The words are `[route]` and `[topics]` of `content/strings/<code>.toml`; this module only picks
//! and fills them. It sits below routing: it uses the help types, never `route` itself.

use super::asker::Asker;
use super::directory::ChannelKind;
use super::hours::Availability;
use super::topic::Topic;
use crate::language::Language;
use crate::strings::{fill, strings, TopicWords};
use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// The button text, such as "Call De Kindertelefoon (0800-0432)".
pub(super) fn label(language: Language, kind: ChannelKind, name: &str, address: &str, keyword: Option<&str>) -> String {
    use ChannelKind::*;
    let words = &strings(language).route;
    let template = match (kind, keyword) {
        (Phone, _) if name.contains(address) => &words.call_listed,
        (Phone, _) => &words.call,
        (Text, Some(_)) => &words.text_keyword,
        (Text, None) => &words.text,
        (Chat, _) => &words.chat,
        (WebForm, _) => &words.web_form,
        (Email, _) => &words.email,
        (Website, _) => &words.website,
        (WalkIn, _) => &words.walk_in,
    };
    fill(template, &[("name", name), ("address", address), ("keyword", keyword.unwrap_or_default())])
}

/// Why a route was chosen: what it helps with, when it is open, and what else matters.
pub(super) struct Reason {
    /// The service is an emergency number.
    pub emergency: bool,
    /// The topic it was chosen for (`None`: general help).
    pub topic: Option<Topic>,
    /// The service's first topic: what it is for when it was chosen for general help.
    pub focus: Topic,
    /// Who is asking: the reasons speak to them.
    pub asker: Asker,
    pub channel: ChannelKind,
    pub availability: Availability,
    pub now: DateTime<FixedOffset>,
    pub free: bool,
    pub anonymous: bool,
    /// The service does not list the asker's language.
    pub other_language: bool,
}

impl Reason {
    /// The sentences, joined.
    pub fn text(&self, language: Language) -> String {
        let all = strings(language);
        let words = &all.route;
        // Only a line for anything says "you can talk about anything"; another service chosen for
        // general help says what it is for.
        let topic = self.topic.or(Some(self.focus).filter(|t| *t != Topic::General));
        let mut parts = vec![match (self.emergency, topic, self.asker) {
            (true, ..) => words.emergency.clone(),
            (false, Some(topic), asker) => fill(&words.helps_with, &[("topic", topic_words(&all.topics, topic, asker))]),
            (false, None, Asker::Teen) => words.anything_teen.clone(),
            (false, None, Asker::Parent) => words.anything_parent.clone(),
            (false, None, Asker::Professional) => words.anything_professional.clone(),
        }];
        parts.push(self.when(language));
        let extras = [(self.free, &words.free), (self.anonymous, &words.anonymous), (self.other_language, &words.other_language)];
        parts.extend(extras.into_iter().filter(|(on, _)| *on).map(|(_, text)| text.clone()));
        parts.join(" ")
    }

    fn when(&self, language: Language) -> String {
        let words = &strings(language).route;
        let clock = |t: DateTime<FixedOffset>| format!("{:02}:{:02}", t.hour(), t.minute());
        match self.availability {
            // An e-mail can be sent at any time, but it is answered in office hours.
            Availability::Open { until: None } if self.channel == ChannelKind::Email => words.email_any_time.clone(),
            Availability::Open { until: None } => words.always_open.clone(),
            Availability::Open { until: Some(t) } => fill(&words.open_until, &[("time", &clock(t))]),
            Availability::Closed { next_open: None } => words.closed.clone(),
            Availability::Closed { next_open: Some(t) } => {
                let weekday = &words.weekdays[t.weekday().num_days_from_monday() as usize];
                let template = match (t.date_naive() - self.now.date_naive()).num_days() {
                    0 => &words.opens_at,
                    1 => &words.opens_tomorrow_at,
                    _ => &words.opens_on,
                };
                fill(template, &[("time", &clock(t)), ("weekday", weekday)])
            }
            Availability::Unknown => words.hours_unknown.clone(),
        }
    }
}

/// The route "call your local emergency number", for a country whose number is not known.
pub(super) struct LocalEmergency {
    pub name: &'static str,
    pub label: &'static str,
    pub reason: &'static str,
}

pub(super) fn local_emergency(language: Language) -> LocalEmergency {
    let words = &strings(language).route;
    LocalEmergency { name: &words.local_emergency_name, label: &words.local_emergency_label, reason: &words.local_emergency_reason }
}

/// The note for a country whose own help services are not in the directory.
pub(super) fn not_known_yet(language: Language) -> &'static str {
    &strings(language).route.not_known_yet
}

/// A topic in a few plain words, said to the one asking; a signal is named by the harm it points to.
fn topic_words(words: &TopicWords, topic: Topic, asker: Asker) -> &str {
    let own = match asker {
        Asker::Teen => &words.teen,
        Asker::Parent => &words.parent,
        Asker::Professional => &words.professional,
    };
    match topic {
        Topic::Emergency => &words.emergency,
        Topic::Grooming => &own.grooming,
        Topic::Sextortion => &words.sextortion,
        Topic::Exploitation => &own.exploitation,
        Topic::Trafficking => &words.trafficking,
        Topic::ImageRemoval => &words.image_removal,
        Topic::OnlineAbuse => &words.online_abuse,
        Topic::SexualViolence => &words.sexual_violence,
        Topic::DomesticViolence => &words.domestic_violence,
        Topic::Suicide => &words.suicide,
        Topic::VictimSupport => &words.victim_support,
        Topic::MissingChild => &words.missing_child,
        Topic::OffenderPrevention => &words.offender_prevention,
        Topic::General => &words.general,
        Topic::Signal(signal) => topic_words(words, Topic::harms_of(signal)[0], asker),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_reasons_say_when_it_opens_in_the_askers_day() {
        let now = DateTime::parse_from_rfc3339("2026-12-05T10:00:00+01:00").unwrap();
        let reason = |next: &str| Reason {
            emergency: false,
            topic: Some(Topic::Sextortion),
            focus: Topic::Sextortion,
            asker: Asker::Teen,
            channel: ChannelKind::Phone,
            availability: Availability::Closed { next_open: Some(DateTime::parse_from_rfc3339(next).unwrap()) },
            now,
            free: true,
            anonymous: false,
            other_language: false,
        };
        let (nl, en) = ("nl".parse().unwrap(), "en".parse().unwrap());
        assert_eq!(reason("2026-12-05T19:00:00+01:00").text(en), "Helps with blackmail with pictures. Closed now, opens at 19:00. Free.");
        assert_eq!(reason("2026-12-06T12:00:00+01:00").text(nl), "Helpt bij afpersing met foto's. Nu dicht, morgen open om 12:00. Gratis.");
        assert!(reason("2026-12-07T09:00:00+01:00").text(en).contains("opens on Monday at 09:00"));
        assert!(reason("2026-12-07T09:00:00+01:00").text(nl).contains("Nu dicht, maandag open om 09:00."));
    }

    #[test]
    fn labels_fill_name_address_and_keyword() {
        let (nl, en) = ("nl".parse().unwrap(), "en".parse().unwrap());
        assert_eq!(label(en, ChannelKind::Text, "Helpwanted", "0800-1234", Some("HULP")), "Text HULP to 0800-1234 (Helpwanted)");
        assert_eq!(label(nl, ChannelKind::Phone, "112", "112", None), "Bel 112");
        assert_eq!(label(nl, ChannelKind::WebForm, "Helpwanted", "https://x", None), "Vul het formulier van Helpwanted in");
    }
}
