//! Who is asking for help: the young person, a parent, or a professional. It decides which
//! services fit and how the reasons speak.

use super::HelpError;
use std::{fmt, str::FromStr};

/// The one asking for help. For a parent or a professional, a person's age is the child's age.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Asker {
    /// The young person themselves.
    #[default]
    Teen,
    /// A parent or carer, worried about their child.
    Parent,
    /// A teacher, youth worker or other professional, worried about a child.
    Professional,
}

impl Asker {
    /// The stable id: `teen`, `parent` or `professional`.
    pub fn as_str(self) -> &'static str {
        match self {
            Asker::Teen => "teen",
            Asker::Parent => "parent",
            Asker::Professional => "professional",
        }
    }
}

impl FromStr for Asker {
    type Err = HelpError;

    fn from_str(text: &str) -> Result<Self, HelpError> {
        [Asker::Teen, Asker::Parent, Asker::Professional]
            .into_iter()
            .find(|a| a.as_str() == text.trim())
            .ok_or_else(|| HelpError::UnknownAudience(text.to_string()))
    }
}

impl fmt::Display for Asker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_audiences_and_names_anything_else() {
        for asker in [Asker::Teen, Asker::Parent, Asker::Professional] {
            assert_eq!(asker.as_str().parse(), Ok(asker));
        }
        assert_eq!("ouder".parse::<Asker>(), Err(HelpError::UnknownAudience("ouder".into())));
        assert!(HelpError::UnknownAudience("ouder".into()).to_string().contains("'ouder'"));
    }
}
