//! The open journal: its folder, the options it was opened with, the store and the unlocked
//! vault's session. The API modules (entries, safety plan, report, backup) read and write the open
//! vault through [`Journal::with_vault`] and [`Journal::commit`]; the lifecycle (`lifecycle`)
//! creates, unlocks, locks and wipes it.

use super::anchor::{Anchor, VaultState};
use super::chain::{self, Point};
use super::options::Options;
use super::records::Vault;
use super::store::{self, Store};
use super::{JournalError, SlotId};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// The kind of a passcode slot in the store (see `lifecycle`).
pub(super) const PASSCODE_SLOT: i64 = 1;

/// One journal folder. Shared freely across threads; every method takes `&self`.
pub struct Journal {
    pub(super) dir: PathBuf,
    pub(super) options: Options,
    pub(super) inner: Mutex<Inner>,
}

pub(super) struct Inner {
    pub(super) store: Option<Store>,
    pub(super) session: Option<Session>,
}

/// An unlocked vault, real or decoy. Its keys are zeroized when the session ends.
pub(super) struct Session {
    pub(super) vault: Vault,
    pub(super) decoy: bool,
    /// The id of its passcode slot.
    pub(super) slot: SlotId,
    /// Why the anchor could not be brought up to date the last time it was tried.
    pub(super) anchor_problem: Option<String>,
}

impl Journal {
    /// Runs `f` with the store and the unlocked vault.
    pub(super) fn with_vault<T>(&self, f: impl FnOnce(&mut Store, &Vault) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_ref().ok_or(JournalError::Locked)?;
        f(store.as_mut().ok_or_else(wiped)?, &session.vault)
    }

    /// Runs `f` in one write transaction of the unlocked vault and counts the write in the
    /// vault's head record (noting the end of the chain as the shared seal when `shared`); once it
    /// is committed, brings the anchor up to date.
    pub(super) fn commit<T>(&self, shared: bool, f: impl FnOnce(&rusqlite::Transaction, &Vault) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        let (value, head) = store.write(|tx| Ok((f(tx, &session.vault)?, chain::count_write(tx, &session.vault, shared)?)))?;
        let position = slot_position(store.conn(), &session.slot);
        keep_anchor(&self.options, session, |anchor, vault| anchor.saw(vault, &head, position?));
        Ok(value)
    }

    /// What the anchor says of the open vault, without changing it.
    pub(super) fn recall(&self) -> Result<Recall, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_ref().ok_or(JournalError::Locked)?;
        let head = match chain::head(store.as_ref().ok_or_else(wiped)?.conn(), &session.vault) {
            Ok(head) => head,
            Err(JournalError::Tampered(_)) => return Ok(Recall::default()),
            Err(e) => return Err(e),
        };
        let Some(key_store) = self.options.key_store.as_deref() else {
            return Ok(Recall { shared: head.shared, ..Recall::default() });
        };
        Ok(match Anchor::load(key_store).and_then(|anchor| anchor.state(&session.vault)) {
            Ok(state) => {
                let state = state.map_or_else(|| VaultState::of(&head), |state| state.after(&head));
                Recall { shared: state.shared, lost: state.lost, problem: session.anchor_problem.clone() }
            }
            Err(e) => Recall { shared: head.shared, lost: None, problem: Some(e.to_string()) },
        })
    }

    /// The options this journal was opened with.
    pub(super) fn options(&self) -> &Options {
        &self.options
    }

    pub(super) fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Inner {
    pub(super) fn store_mut(&mut self) -> Result<&mut Store, JournalError> {
        self.store.as_mut().ok_or_else(wiped)
    }

    pub(super) fn session(&self) -> Result<&Session, JournalError> {
        self.session.as_ref().ok_or(JournalError::Locked)
    }
}

/// What the anchor says of the open vault (see [`Journal::recall`]).
#[derive(Default)]
pub(super) struct Recall {
    /// The last seal shared, as the anchor or else the head record remembers it.
    pub shared: Option<Point>,
    /// The newest end of the chain that a rollback took away.
    pub lost: Option<Point>,
    /// Why the anchor could not be read or written.
    pub problem: Option<String>,
}

/// Updates the anchor through the key store, if there is one: `update` gets it and the open
/// vault. A failure changes nothing stored; it is kept in the session until an update succeeds.
pub(super) fn keep_anchor(options: &Options, session: &mut Session, update: impl FnOnce(&mut Anchor, &Vault) -> Result<(), JournalError>) {
    let Some(key_store) = options.key_store.as_deref() else { return };
    let result = Anchor::load(key_store).and_then(|mut anchor| {
        update(&mut anchor, &session.vault)?;
        anchor.save(key_store)
    });
    session.anchor_problem = result.err().map(|e| e.to_string());
}

/// Where the anchor keeps the entry of the vault whose passcode slot is `slot`: the slot's place
/// among the passcode slots, whose ids never change, so no vault takes another's entry.
pub(super) fn slot_position(conn: &rusqlite::Connection, slot: &SlotId) -> Result<usize, JournalError> {
    store::slots(conn, PASSCODE_SLOT)?.iter().position(|(id, _)| id == slot).ok_or_else(|| JournalError::Tampered("the key slots".into()))
}

pub(super) fn wiped() -> JournalError {
    JournalError::NotFound("this journal was wiped".into())
}
