//! The safety plan kept in the journal: trusted adults, safe places, a code word and the steps the
//! teen chose. Sealed like every record; not part of the evidence chain or the report.

use super::lifecycle::{read_vault_blob, write_vault_blob, Journal, RecordKind, Session};
use super::store::VaultTable;
use super::JournalError;
use serde::{Deserialize, Serialize};

/// A person the teen trusts and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedAdult {
    /// Their name, such as "Aunt Mia" or "Mr. de Vries (mentor)".
    pub name: String,
    /// How to reach them: a phone number or where to find them.
    pub contact: String,
}

/// The teen's own safety plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlan {
    /// People to tell.
    pub trusted_adults: Vec<TrustedAdult>,
    /// Places to go when it is not safe.
    pub safe_places: Vec<String>,
    /// A word that tells a trusted adult "I need help now" without saying why.
    pub code_word: String,
    /// The steps the teen chose, in order.
    pub steps: Vec<String>,
}

impl Journal {
    /// The safety plan; empty until one is saved.
    pub fn safety_plan(&self) -> Result<SafetyPlan, JournalError> {
        self.with_session(|store, session| match read_vault_blob(store.conn(), session, VaultTable::Plans, RecordKind::Plan)? {
            None => Ok(SafetyPlan::default()),
            Some(bytes) => serde_json::from_slice(&bytes).map_err(|_| JournalError::Tampered("the safety plan".into())),
        })
    }

    /// Saves the safety plan, replacing the earlier one.
    pub fn set_safety_plan(&self, plan: &SafetyPlan) -> Result<(), JournalError> {
        let bytes = zeroize::Zeroizing::new(serde_json::to_vec(plan).map_err(|e| JournalError::InvalidInput(e.to_string()))?);
        self.with_session(|store, session| store.write(|tx| write_plan(tx, session, &bytes)))
    }
}

/// Stores the sealed safety plan (its JSON) of the session's vault.
pub(super) fn write_plan(conn: &rusqlite::Connection, session: &Session, json: &[u8]) -> Result<(), JournalError> {
    write_vault_blob(conn, session, VaultTable::Plans, RecordKind::Plan, json)
}
