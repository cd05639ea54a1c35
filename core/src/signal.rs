//! The sixteen warning signals and the four levels, with the stable ids of `DESIGN.md`.
//!
//! Ids are shared by the analyzer, the checklist, the articles, the help directory and the CLI.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

macro_rules! ids {
    ($(#[$meta:meta])* $name:ident, $all:ident, $err:literal { $($variant:ident = $id:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $(#[doc = concat!("The id `", $id, "`.")] $variant,)+ }

        impl $name {
            /// Every value, in order.
            pub const $all: &'static [$name] = &[$($name::$variant,)+];

            /// The stable id, such as `"image_request"`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// Its place in the list of every value, for a list of texts kept in the same order.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl FromStr for $name {
            type Err = UnknownId;
            fn from_str(id: &str) -> Result<Self, UnknownId> {
                match id { $($id => Ok($name::$variant),)+ _ => Err(UnknownId { kind: $err, id: id.to_string() }) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}
pub(crate) use ids;

ids!(
    /// What a contact does that can be a warning sign.
    Signal, ALL, "signal" {
        Secrecy = "secrecy",
        Isolation = "isolation",
        PlatformSwitch = "platform_switch",
        PersonalInfo = "personal_info",
        Flattery = "flattery",
        SexualTalk = "sexual_talk",
        ImageRequest = "image_request",
        GiftsMoney = "gifts_money",
        Meeting = "meeting",
        Threat = "threat",
        PaymentDemand = "payment_demand",
        Pressure = "pressure",
        Recruitment = "recruitment",
        DebtBondage = "debt_bondage",
        Exploitation = "exploitation",
        Control = "control",
    }
);

ids!(
    /// How serious a result is, lowest first; `Danger` means act now.
    Level, ALL, "level" {
        None = "none",
        Caution = "caution",
        Warning = "warning",
        Danger = "danger",
    }
);

/// An id that is not one of the known signals or levels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} id '{id}'")]
pub struct UnknownId {
    /// What kind of id was expected ("signal" or "level").
    pub kind: &'static str,
    /// The id as given.
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_serde() {
        assert_eq!(Signal::ALL.len(), 16);
        for s in Signal::ALL {
            assert_eq!(s.as_str().parse::<Signal>(), Ok(*s));
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{s}\""));
        }
        assert!(Signal::ALL.iter().enumerate().all(|(i, s)| s.index() == i) && Level::ALL.iter().enumerate().all(|(i, l)| l.index() == i));
        assert!(Level::Danger > Level::Warning && Level::Caution > Level::None);
    }

    #[test]
    fn unknown_ids_are_typed_errors() {
        let err = "nudes".parse::<Signal>().unwrap_err();
        assert_eq!(err.to_string(), "unknown signal id 'nudes'");
        assert!("urgent".parse::<Level>().is_err());
    }
}
