//! The short texts of a route, in the asker's language: the button label and why it was chosen.

use super::{Asker, Availability, ChannelKind, Topic};
use crate::language::Language;
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Weekday};

/// The button text, such as "Call De Kindertelefoon (0800-0432)".
pub(super) fn label(language: Language, kind: ChannelKind, name: &str, address: &str, keyword: Option<&str>) -> String {
    use ChannelKind::*;
    if kind == Phone && name.contains(address) {
        return format!("{} {name}", if language == Language::Nl { "Bel" } else { "Call" });
    }
    match (language, kind, keyword) {
        (Language::En, Phone, _) => format!("Call {name} ({address})"),
        (Language::Nl, Phone, _) => format!("Bel {name} ({address})"),
        (Language::En, Text, Some(word)) => format!("Text {word} to {address} ({name})"),
        (Language::Nl, Text, Some(word)) => format!("Sms {word} naar {address} ({name})"),
        (Language::En, Text, None) => format!("Text {name} ({address})"),
        (Language::Nl, Text, None) => format!("Sms {name} ({address})"),
        (Language::En, Chat, _) => format!("Chat with {name}"),
        (Language::Nl, Chat, _) => format!("Chat met {name}"),
        (Language::En, WebForm, _) => format!("Fill in the form of {name}"),
        (Language::Nl, WebForm, _) => format!("Vul het formulier van {name} in"),
        (Language::En, Email, _) => format!("Email {name} ({address})"),
        (Language::Nl, Email, _) => format!("Mail {name} ({address})"),
        (Language::En, Website, _) => format!("Go to the website of {name}"),
        (Language::Nl, Website, _) => format!("Ga naar de website van {name}"),
        (Language::En, WalkIn, _) => format!("Go to {name}: {address}"),
        (Language::Nl, WalkIn, _) => format!("Ga langs bij {name}: {address}"),
    }
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
        let nl = language == Language::Nl;
        // Only a line for anything says "you can talk about anything"; another service chosen for
        // general help says what it is for.
        let topic = self.topic.or(Some(self.focus).filter(|t| *t != Topic::General));
        let mut parts = vec![match (self.emergency, topic, self.asker) {
            (true, ..) if nl => "Voor gevaar, nu meteen.".to_string(),
            (true, ..) => "For danger, right now.".to_string(),
            (false, Some(topic), asker) if nl => format!("Helpt bij {}.", topic_words(topic, asker, language)),
            (false, Some(topic), asker) => format!("Helps with {}.", topic_words(topic, asker, language)),
            (false, None, Asker::Teen) if nl => "Je kunt over alles praten.".to_string(),
            (false, None, Asker::Teen) => "You can talk about anything.".to_string(),
            (false, None, Asker::Parent) if nl => "Voor als je je zorgen maakt om je kind.".to_string(),
            (false, None, Asker::Parent) => "For when you are worried about your child.".to_string(),
            (false, None, Asker::Professional) if nl => "Voor zorgen om een kind.".to_string(),
            (false, None, Asker::Professional) => "For worries about a child.".to_string(),
        }];
        parts.push(self.when(language));
        let extras = [
            (self.free, "Free.", "Gratis."),
            (self.anonymous, "You don't have to give your name.", "Je hoeft je naam niet te zeggen."),
            (self.other_language, "Maybe not in English.", "Misschien niet in het Nederlands."),
        ];
        parts.extend(extras.iter().filter(|(on, ..)| *on).map(|(_, en, nl_text)| if nl { nl_text } else { en }.to_string()));
        parts.join(" ")
    }

    fn when(&self, language: Language) -> String {
        let nl = language == Language::Nl;
        let clock = |t: DateTime<FixedOffset>| format!("{:02}:{:02}", t.hour(), t.minute());
        match self.availability {
            // An e-mail can be sent at any time, but it is answered in office hours.
            Availability::Open { until: None } if self.channel == ChannelKind::Email && nl => "Je kunt altijd mailen.".into(),
            Availability::Open { until: None } if self.channel == ChannelKind::Email => "You can send an e-mail at any time.".into(),
            Availability::Open { until: None } if nl => "Dag en nacht open.".into(),
            Availability::Open { until: None } => "Open day and night.".into(),
            Availability::Open { until: Some(t) } if nl => format!("Nu open, tot {}.", clock(t)),
            Availability::Open { until: Some(t) } => format!("Open now, until {}.", clock(t)),
            Availability::Closed { next_open: None } if nl => "Nu dicht.".into(),
            Availability::Closed { next_open: None } => "Closed now.".into(),
            Availability::Closed { next_open: Some(t) } => {
                let days = (t.date_naive() - self.now.date_naive()).num_days();
                let day = match days {
                    0 => String::new(),
                    1 if nl => "morgen ".into(),
                    1 => "tomorrow ".into(),
                    _ => format!("{} ", weekday(t.weekday(), language)),
                };
                match nl {
                    true => format!("Nu dicht, {day}open om {}.", clock(t)),
                    false => format!("Closed now, opens {day}at {}.", clock(t)),
                }
            }
            Availability::Unknown if nl => "Openingstijden niet bekend. Neemt niemand op, probeer dan de volgende.".into(),
            Availability::Unknown => "Opening hours not known. If no one answers, try the next one.".into(),
        }
    }
}

fn weekday(day: Weekday, language: Language) -> &'static str {
    const EN: [&str; 7] = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"];
    const NL: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    let i = day.num_days_from_monday() as usize;
    match language {
        Language::En => EN[i],
        Language::Nl => NL[i],
    }
}

/// The route "call your local emergency number", for a country whose number is not known.
pub(super) struct LocalEmergency {
    pub name: &'static str,
    pub label: &'static str,
    pub reason: &'static str,
}

pub(super) fn local_emergency(language: Language) -> LocalEmergency {
    match language {
        Language::Nl => LocalEmergency {
            name: "Alarmnummer",
            label: "Bel het alarmnummer van het land waar je bent",
            reason: "Voor gevaar, nu meteen. Baken kent dit nummer in jouw land nog niet.",
        },
        Language::En => LocalEmergency {
            name: "Emergency number",
            label: "Call the emergency number of the country you are in",
            reason: "For danger, right now. Baken does not know this number for your country yet.",
        },
    }
}

/// The note for a country whose own help services are not in the directory.
pub(super) fn not_known_yet(language: Language) -> &'static str {
    match language {
        Language::Nl => "Baken kent de hulpdiensten in jouw land nog niet. Hieronder staat wat overal werkt.",
        Language::En => "Baken does not know the help services in your country yet. Below is what works everywhere.",
    }
}

/// A topic in a few plain words, said to the one asking; a signal is named by the harm it points to.
fn topic_words(topic: Topic, asker: Asker, language: Language) -> &'static str {
    let nl = language == Language::Nl;
    let pick = |en: &'static str, nl_text: &'static str| if nl { nl_text } else { en };
    match (topic, asker) {
        (Topic::Grooming, Asker::Teen) => {
            pick("grooming: adults who try to win your trust online", "grooming: volwassenen die online je vertrouwen proberen te winnen")
        }
        (Topic::Grooming, Asker::Parent) => {
            pick("grooming: adults who try to win your child's trust online", "grooming: volwassenen die online het vertrouwen van je kind proberen te winnen")
        }
        (Topic::Grooming, Asker::Professional) => {
            pick("grooming: adults who try to win a child's trust online", "grooming: volwassenen die online het vertrouwen van een kind proberen te winnen")
        }
        (Topic::Exploitation, Asker::Teen) => pick("being forced into sex or crime", "als iemand je dwingt tot seks of misdaad"),
        (Topic::Exploitation, Asker::Parent) => pick("a child being forced into sex or crime", "als iemand je kind dwingt tot seks of misdaad"),
        (Topic::Signal(signal), _) => topic_words(super::route::harms(signal)[0], asker, language),
        (topic, _) => plain_words(topic, language),
    }
}

/// A topic in a few plain words, the same for everyone asking.
fn plain_words(topic: Topic, language: Language) -> &'static str {
    let nl = language == Language::Nl;
    let pick = |en: &'static str, nl_text: &'static str| if nl { nl_text } else { en };
    match topic {
        Topic::Emergency => pick("danger right now", "acuut gevaar"),
        Topic::Grooming => {
            pick("grooming: adults who try to win a child's trust online", "grooming: volwassenen die online het vertrouwen van een kind proberen te winnen")
        }
        Topic::Sextortion => pick("blackmail with pictures", "afpersing met foto's"),
        Topic::Exploitation => pick("sexual or criminal exploitation of a child", "uitbuiting van een kind, voor seks of misdaad"),
        Topic::Trafficking => pick("human trafficking", "mensenhandel"),
        Topic::ImageRemoval => pick("getting pictures removed", "foto's laten verwijderen"),
        Topic::OnlineAbuse => pick("problems online", "problemen online"),
        Topic::SexualViolence => pick("sexual violence", "seksueel geweld"),
        Topic::DomesticViolence => pick("violence at home", "geweld thuis"),
        Topic::Suicide => pick("thoughts of suicide", "gedachten aan zelfdoding"),
        Topic::VictimSupport => pick("support after a crime", "hulp na een misdrijf"),
        Topic::MissingChild => pick("missing children", "vermiste kinderen"),
        Topic::OffenderPrevention => pick("worries about your own sexual feelings", "zorgen over je eigen seksuele gevoelens"),
        Topic::General => pick("anything on your mind", "alles wat je dwarszit"),
        Topic::Signal(signal) => plain_words(super::route::harms(signal)[0], language),
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
        assert_eq!(reason("2026-12-05T19:00:00+01:00").text(Language::En), "Helps with blackmail with pictures. Closed now, opens at 19:00. Free.");
        assert_eq!(reason("2026-12-06T12:00:00+01:00").text(Language::Nl), "Helpt bij afpersing met foto's. Nu dicht, morgen open om 12:00. Gratis.");
        assert!(reason("2026-12-07T09:00:00+01:00").text(Language::En).contains("opens on Monday at 09:00"));
    }
}
