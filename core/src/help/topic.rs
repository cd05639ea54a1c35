//! Help topics: what a help service helps with, beyond the signal ids.

use crate::signal::Signal;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// What a person needs help with. A topic is a named kind of harm or a signal id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Immediate danger to life or safety.
    Emergency,
    /// Online grooming.
    Grooming,
    /// Blackmail with images, for sex or for money.
    Sextortion,
    /// Sexual or criminal exploitation, the loverboy or pimp method.
    Exploitation,
    /// Human trafficking.
    Trafficking,
    /// Getting images or videos taken down.
    ImageRemoval,
    /// Online abuse in general: hacked accounts, fake profiles, bullying, stalking.
    OnlineAbuse,
    /// Rape and sexual assault.
    SexualViolence,
    /// Domestic violence and child abuse at home.
    DomesticViolence,
    /// Thoughts of suicide.
    Suicide,
    /// Support for victims of crime.
    VictimSupport,
    /// Missing children and runaways.
    MissingChild,
    /// People worried about their own sexual thoughts or behaviour towards children.
    OffenderPrevention,
    /// Anything: someone to talk to.
    General,
    /// One of the sixteen warning signals.
    #[serde(untagged)]
    Signal(Signal),
}

const NAMED: &[(Topic, &str)] = &[
    (Topic::Emergency, "emergency"),
    (Topic::Grooming, "grooming"),
    (Topic::Sextortion, "sextortion"),
    (Topic::Exploitation, "exploitation"),
    (Topic::Trafficking, "trafficking"),
    (Topic::ImageRemoval, "image_removal"),
    (Topic::OnlineAbuse, "online_abuse"),
    (Topic::SexualViolence, "sexual_violence"),
    (Topic::DomesticViolence, "domestic_violence"),
    (Topic::Suicide, "suicide"),
    (Topic::VictimSupport, "victim_support"),
    (Topic::MissingChild, "missing_child"),
    (Topic::OffenderPrevention, "offender_prevention"),
    (Topic::General, "general"),
];

impl Topic {
    /// The harms a signal points to, most likely first.
    pub fn harms_of(signal: Signal) -> &'static [Topic] {
        use Signal::*;
        match signal {
            Secrecy | PlatformSwitch | PersonalInfo | SexualTalk | Meeting | Pressure => &[Topic::Grooming],
            ImageRequest => &[Topic::Grooming, Topic::Sextortion],
            Flattery | GiftsMoney | Isolation => &[Topic::Grooming, Topic::Exploitation],
            Threat => &[Topic::Sextortion, Topic::OnlineAbuse],
            PaymentDemand => &[Topic::Sextortion],
            Recruitment | DebtBondage | Exploitation => &[Topic::Exploitation, Topic::Trafficking],
            Control => &[Topic::Exploitation, Topic::DomesticViolence],
        }
    }

    /// The named topics (the signal ids are topics too; see [`Signal::ALL`]).
    pub fn named() -> impl Iterator<Item = Topic> {
        NAMED.iter().map(|(t, _)| *t)
    }

    /// The stable id, such as `"image_removal"` or a signal id.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Signal(s) => s.as_str(),
            named => NAMED.iter().find(|(t, _)| *t == named).map(|(_, id)| *id).unwrap_or_default(),
        }
    }
}

/// A topic id that is neither a named topic nor a signal id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown topic '{0}'")]
pub struct UnknownTopic(pub String);

impl FromStr for Topic {
    type Err = UnknownTopic;

    fn from_str(id: &str) -> Result<Self, UnknownTopic> {
        NAMED
            .iter()
            .find(|(_, name)| *name == id)
            .map(|(t, _)| *t)
            .or_else(|| id.parse::<Signal>().ok().map(Topic::Signal))
            .ok_or_else(|| UnknownTopic(id.to_string()))
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_topics_and_signals_parse() {
        for t in Topic::named() {
            assert_eq!(t.as_str().parse(), Ok(t));
        }
        assert_eq!("threat".parse(), Ok(Topic::Signal(Signal::Threat)));
        assert_eq!("nonsense".parse::<Topic>(), Err(UnknownTopic("nonsense".into())));
    }
}
