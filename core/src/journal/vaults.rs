//! The vaults of one file: the real journal and the chain of duress journals below it.
//!
//! Every file holds [`VAULTS`] vaults from the start, each with its own passcode slot: the real
//! journal, the journal its duress passcode opens, and the journal *that* journal's duress
//! passcode opens. A vault above the last keeps a [`Kind::Decoy`] note of the vault below it:
//! that vault's keys, the id of the slot its passcode goes in, and whether a duress passcode was
//! set. So a decoy can set a duress passcode of its own, exactly as the real journal can, without
//! knowing anything of the real journal; only the last vault, two duress passcodes deep, cannot.
//! An unused vault is empty and its slot random filler, so the file has the same shape whether
//! any duress passcode is set or not.

use super::crypto;
use super::entries;
use super::records::{Kind, Lost, Vault};
use super::{chain, safety_plan, JournalError, SlotId};
use rusqlite::Connection;
use zeroize::Zeroizing;

/// A vault's note of the vault below it.
pub(super) struct Below {
    /// The vault below.
    pub vault: Vault,
    /// The passcode slot that opens it.
    pub slot: SlotId,
    /// Whether a duress passcode has been set for it (its slot then holds a passcode).
    pub set: bool,
}

const NOTE_LEN: usize = 2 * crypto::KEY_LEN + 16 + 1;

impl Below {
    /// The note kept by `owner`; `None` for the last vault, which has none.
    pub fn of(conn: &Connection, owner: &Vault) -> Result<Option<Below>, JournalError> {
        let damaged = || JournalError::Tampered("the duress journal's keys".into());
        let note = match owner.get(conn, owner.key(), Kind::Decoy, &[])? {
            Err(Lost::Missing) => return Ok(None),
            Err(Lost::Damaged) => return Err(damaged()),
            Ok(note) if note.len() != NOTE_LEN => return Err(damaged()),
            Ok(note) => note,
        };
        let (keys, rest) = note.split_at(2 * crypto::KEY_LEN);
        let (slot, set) = rest.split_at(16);
        Ok(Some(Below { vault: Vault::from_bytes(keys).ok_or_else(damaged)?, slot: slot.try_into().map_err(|_| damaged())?, set: set[0] == 1 }))
    }

    fn save(&self, conn: &Connection, owner: &Vault) -> Result<(), JournalError> {
        let note = Zeroizing::new([self.vault.to_bytes().as_slice(), &self.slot, &[u8::from(self.set)]].concat());
        owner.put(conn, owner.key(), Kind::Decoy, &[], &note)
    }
}

/// Writes the records of `vault`, empty, and of a chain of empty vaults below it whose passcodes
/// would go in `slots` (nearest first).
pub(super) fn start(conn: &Connection, vault: &Vault, slots: &[SlotId]) -> Result<(), JournalError> {
    chain::start(conn, vault)?;
    safety_plan::start(conn, vault)?;
    entries::start(conn, vault)?;
    if let Some((slot, rest)) = slots.split_first() {
        let below = Below { vault: Vault::random()?, slot: *slot, set: false };
        start(conn, &below.vault, rest)?;
        below.save(conn, vault)?;
    }
    Ok(())
}

/// The vaults below `vault`, nearest first.
pub(super) fn chain_below(conn: &Connection, vault: &Vault) -> Result<Vec<Below>, JournalError> {
    let mut chain: Vec<Below> = Vec::new();
    let mut next = Below::of(conn, vault)?;
    while let Some(below) = next {
        next = Below::of(conn, &below.vault)?;
        chain.push(below);
    }
    Ok(chain)
}

/// The slots of the vaults below `vault`, nearest first.
pub(super) fn slots_below(conn: &Connection, vault: &Vault) -> Result<Vec<SlotId>, JournalError> {
    Ok(chain_below(conn, vault)?.into_iter().map(|below| below.slot).collect())
}

/// Deletes every record of `vault` and of the vaults below it that can be found; returns the
/// slots of the vaults below, nearest first.
pub(super) fn erase(conn: &Connection, vault: &Vault) -> Result<Vec<SlotId>, JournalError> {
    let mut slots = Vec::new();
    if let Some(below) = Below::of(conn, vault)? {
        slots.push(below.slot);
        slots.extend(erase(conn, &below.vault)?);
    }
    entries::records(conn, vault)?.iter().try_for_each(|found| vault.delete(conn, found.kind, &found.logical))?;
    Ok(slots)
}

/// Replaces the vaults below `owner` with new, empty ones of the same shape, the nearest marked
/// as set; returns it and its slot, and the slots further below (whose passcodes are gone).
pub(super) fn replace_below(conn: &Connection, owner: &Vault) -> Result<Option<(Below, Vec<SlotId>)>, JournalError> {
    let Some(old) = Below::of(conn, owner)? else { return Ok(None) };
    let further = erase(conn, &old.vault)?;
    let new = Below { vault: Vault::random()?, slot: old.slot, set: true };
    start(conn, &new.vault, &further)?;
    new.save(conn, owner)?;
    Ok(Some((new, further)))
}
