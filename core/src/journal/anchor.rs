//! The anchor: a small blob the app keeps for Baken outside the journal file, in storage that
//! stays on the phone (see [`KeyStore::read_anchor`]), so that an older copy of the file, or of
//! some of its records, put back in place is noticed.
//!
//! The blob is a table of [`VAULTS`] entries of [`ENTRY_LEN`] bytes, one per vault in the file,
//! each at the place of its vault's passcode slot among the slots (slot ids never change), so no
//! vault can take another's entry. An entry is `id · AES-256-GCM(state)`: the id is a keyed name under the
//! vault's locator key, the seal is under a key derived from the vault's record secret (both
//! survive a passcode change), and the state is what the vault's head record said at its last
//! committed write (its generation, the end of its chain, the last seal shared) and the newest
//! end of the chain that a rollback took away, padded to a fixed size. An entry that belongs to
//! no vault that can be found is random bytes of the same length, so the blob looks the same
//! with or without a duress passcode, and each vault finds and replaces only its own entry.
//!
//! A vault's head record counts its committed writes (its generation). When the file's count is
//! lower than the anchor's, or equal with another end of the chain, the file was rolled back;
//! when it is higher (the app stopped between a commit and the anchor's write), the anchor is
//! moved forward. A detected rollback stays in the anchor (`lost`), so writes after it do not
//! hide it.

use super::chain::{Head, Point, POINT_BYTES};
use super::crypto::{self, SEAL_OVERHEAD};
use super::records::{self, Kind, Vault};
use super::{JournalError, KeyStore, VAULTS};
use zeroize::Zeroizing;

const ID_LEN: usize = 16;
/// The state's plaintext, padded: generation, end of chain, shared seal, lost end, and room.
const STATE_LEN: usize = 160;
const _: () = assert!(8 + 3 * POINT_BYTES <= STATE_LEN);
/// The length of one entry.
pub(super) const ENTRY_LEN: usize = ID_LEN + STATE_LEN + SEAL_OVERHEAD;
/// The length of the whole anchor.
pub const ANCHOR_LEN: usize = VAULTS * ENTRY_LEN;

/// What the anchor remembers of one vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct VaultState {
    /// The vault's generation at its last committed write seen by the phone.
    pub generation: u64,
    /// The end of its chain then.
    pub end: Point,
    /// The last seal shared in an export.
    pub shared: Option<Point>,
    /// The newest end of the chain that a rollback took away.
    pub lost: Option<Point>,
}

impl VaultState {
    /// The state of a vault the phone has not seen before: its head as it is.
    pub fn of(head: &Head) -> VaultState {
        VaultState { generation: head.generation, end: head.end, shared: head.shared, lost: None }
    }

    /// What to remember after seeing the vault's head record `head` (at unlock or after a commit).
    /// A file behind this state was rolled back: the state is kept and its end noted as lost. A
    /// file ahead of it moves it forward. The later of the two shared seals is kept.
    pub fn after(&self, head: &Head) -> VaultState {
        let rolled_back = head.generation < self.generation || head.generation == self.generation && head.end != self.end;
        let shared = [self.shared, head.shared].into_iter().flatten().max_by_key(|point| point.links);
        match rolled_back {
            true => VaultState { shared, lost: self.lost.or(Some(self.end)), ..self.clone() },
            false => VaultState { generation: head.generation, end: head.end, shared, lost: self.lost },
        }
    }

    fn encode(&self) -> Zeroizing<Vec<u8>> {
        let points = [Some(&self.end), self.shared.as_ref(), self.lost.as_ref()].map(Point::encode);
        Zeroizing::new([&self.generation.to_be_bytes()[..], &points.concat()].concat())
    }

    fn decode(bytes: &[u8]) -> Option<VaultState> {
        let generation = u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
        let point = |i: usize| Point::decode(bytes.get(8 + i * POINT_BYTES..8 + (i + 1) * POINT_BYTES)?);
        Some(VaultState { generation, end: point(0)??, shared: point(1)?, lost: point(2)? })
    }
}

/// The anchor's table, as read from the key store.
pub(super) struct Anchor {
    entries: Vec<Vec<u8>>,
}

/// A vault's entry name and the key of its state.
fn names(vault: &Vault) -> Result<([u8; ID_LEN], crypto::Key), JournalError> {
    let mut id = [0u8; ID_LEN];
    id.copy_from_slice(&vault.name(Kind::Anchor, &[])[..ID_LEN]);
    Ok((id, vault.derived(b"anchor state")?))
}

fn filler() -> Result<Vec<u8>, JournalError> {
    let mut entry = vec![0u8; ENTRY_LEN];
    crypto::fill_random(&mut entry)?;
    Ok(entry)
}

impl Anchor {
    /// An anchor of random entries only.
    pub fn new() -> Result<Anchor, JournalError> {
        Ok(Anchor { entries: (0..VAULTS).map(|_| filler()).collect::<Result<_, _>>()? })
    }

    /// The anchor in the key store; one of another length (none yet, or damaged) is read as
    /// random entries only.
    pub fn load(key_store: &dyn KeyStore) -> Result<Anchor, JournalError> {
        let bytes = key_store.read_anchor().map_err(JournalError::KeyStore)?;
        match bytes.len() == ANCHOR_LEN {
            true => Ok(Anchor { entries: bytes.chunks_exact(ENTRY_LEN).map(<[u8]>::to_vec).collect() }),
            false => Anchor::new(),
        }
    }

    /// Gives the anchor to the key store.
    pub fn save(&self, key_store: &dyn KeyStore) -> Result<(), JournalError> {
        key_store.write_anchor(&self.entries.concat()).map_err(JournalError::KeyStore)
    }

    fn position(&self, vault: &Vault) -> Result<Option<usize>, JournalError> {
        let (id, _) = names(vault)?;
        Ok(self.entries.iter().position(|entry| entry[..ID_LEN] == id))
    }

    /// What the anchor remembers of `vault`; `None` when it has no entry that opens.
    pub fn state(&self, vault: &Vault) -> Result<Option<VaultState>, JournalError> {
        let (id, key) = names(vault)?;
        let Some(position) = self.position(vault)? else { return Ok(None) };
        let sealed = &self.entries[position][ID_LEN..];
        Ok(crypto::open(&key, &records::aad(Kind::Anchor, &id), sealed).and_then(|state| VaultState::decode(&state)))
    }

    /// Notes that `vault`, whose entry is at `position`, was seen at `head` (see
    /// [`VaultState::after`]).
    pub fn saw(&mut self, vault: &Vault, head: &Head, position: usize) -> Result<(), JournalError> {
        let state = self.state(vault)?.map_or_else(|| VaultState::of(head), |state| state.after(head));
        self.set(vault, &state, position)
    }

    /// Stores the state of `vault` in the entry at `position`.
    fn set(&mut self, vault: &Vault, state: &VaultState, position: usize) -> Result<(), JournalError> {
        if position >= VAULTS {
            return Err(JournalError::Tampered("the key slots".into()));
        }
        let (id, key) = names(vault)?;
        let sealed = crypto::seal_padded(&key, &records::aad(Kind::Anchor, &id), &[&state.encode()], STATE_LEN)?;
        self.entries[position] = [&id[..], &sealed].concat();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(generation: u64, links: u64, shared: Option<u64>) -> Head {
        let point = |links: u64| Point { links, hash: [links as u8; 32] };
        Head { end: point(links), generation, shared: shared.map(point) }
    }

    #[test]
    fn a_file_ahead_moves_the_state_forward_and_one_behind_is_a_rollback_that_stays() {
        let state = VaultState::of(&head(5, 3, Some(2)));
        let ahead = state.after(&head(7, 4, Some(2)));
        assert_eq!((ahead.generation, ahead.end.links, ahead.lost), (7, 4, None));
        let behind = ahead.after(&head(4, 2, None));
        assert_eq!((behind.generation, behind.end.links), (7, 4), "the newer state is kept");
        assert_eq!(behind.lost.map(|p| p.links), Some(4));
        assert_eq!(behind.shared.map(|p| p.links), Some(2), "the shared seal is kept");
        let later = behind.after(&head(8, 3, None));
        assert_eq!((later.generation, later.lost.map(|p| p.links)), (8, Some(4)), "writes after a rollback do not hide it");
        assert!(VaultState::of(&head(7, 4, None)).after(&head(7, 3, None)).lost.is_some(), "the same generation with another end is a rollback");
    }

    #[test]
    fn states_round_trip_and_entries_are_found_only_by_their_vault() {
        let (one, two) = (Vault::random().unwrap(), Vault::random().unwrap());
        let mut anchor = Anchor::new().unwrap();
        let state = VaultState::of(&head(3, 2, Some(1))).after(&head(1, 1, None));
        anchor.set(&one, &state, 0).unwrap();
        anchor.set(&two, &VaultState::of(&head(0, 0, None)), 1).unwrap();
        assert_eq!(anchor.entries.concat().len(), ANCHOR_LEN);
        assert_eq!(anchor.state(&one).unwrap(), Some(state));
        assert_eq!(anchor.state(&two).unwrap().map(|s| s.generation), Some(0));
        assert_eq!(anchor.state(&Vault::random().unwrap()).unwrap(), None, "another vault finds nothing");
    }
}
