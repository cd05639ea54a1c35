//! The safety plan kept in the journal: trusted adults, safe places, a code word and the steps the
//! teen chose. Sealed like every record; not part of the evidence chain or the report.

use super::records::{Kind, Vault};
use super::session::Journal;
use super::JournalError;
use rusqlite::Connection;
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
        const WHAT: &str = "the safety plan";
        self.with_vault(|store, vault| serde_json::from_slice(&vault.single(store.conn(), Kind::Plan, WHAT)?).map_err(|_| JournalError::Tampered(WHAT.into())))
    }

    /// Saves the safety plan, replacing the earlier one.
    pub fn set_safety_plan(&self, plan: &SafetyPlan) -> Result<(), JournalError> {
        let json = to_json(plan)?;
        self.commit(false, |tx, vault| write_plan(tx, vault, &json))
    }
}

fn to_json(plan: &SafetyPlan) -> Result<zeroize::Zeroizing<Vec<u8>>, JournalError> {
    Ok(zeroize::Zeroizing::new(serde_json::to_vec(plan).map_err(|e| JournalError::InvalidInput(e.to_string()))?))
}

/// Stores the sealed safety plan (its JSON) of the vault.
pub(super) fn write_plan(conn: &Connection, vault: &Vault, json: &[u8]) -> Result<(), JournalError> {
    vault.put(conn, vault.key(), Kind::Plan, &[], json)
}

/// Writes an empty plan for a new vault, so that saving one adds no record.
pub(super) fn start(conn: &Connection, vault: &Vault) -> Result<(), JournalError> {
    write_plan(conn, vault, &to_json(&SafetyPlan::default())?)
}
