//! The attempt gate: every passcode evaluation (unlock, change, duress set-up, key-store unlock)
//! passes through it before the key derivation runs.
//!
//! Each attempt is counted durably *before* the KDF, in the same immediate transaction that checks
//! the wait, so a kill during the KDF, parallel handles or a full disk (the attempt is refused:
//! fail closed) cannot skip the count. A right passcode at unlock resets the unlock count.
//! Passcode changes keep their own count, which only time resets: a day without changes. The
//! first [`FREE_ATTEMPTS`] cost nothing; after that each try waits 30 s, 60 s, 120 s, ... up to an
//! hour.
//!
//! Time is read from two clocks: the wall clock and the time since boot (which counts sleep and
//! cannot be set). The wait is measured with the smaller of the two, so setting the wall clock
//! forward does not shorten it while the phone stays on; a wall clock set back counts from now
//! instead of locking out for ever. Copying an old file back resets the counts (inherent: the key
//! store's device binding is what protects copied files).
//!
//! Both counts and their times are one fixed-size row of `meta`. With a key store it is sealed
//! under a key from the device MAC, so the file does not tell how many wrong passcodes were
//! typed, or when. A row that is missing (it is written at creation) or does not open counts as
//! the longest wait, from now: closed, but never for ever.

use super::crypto::{self, Key};
use super::store;
use super::JournalError;
use rusqlite::Connection;

/// Tries allowed before the delay starts.
pub const FREE_ATTEMPTS: u64 = 5;
const FIRST_DELAY_SECONDS: u64 = 30;
const MAX_DELAY_SECONDS: u64 = 3600;
/// A passcode-change count is forgotten after this long without a change.
const CHANGES_FORGOTTEN_AFTER_SECONDS: u64 = 24 * 3600;

/// What an attempt is for; each purpose has its own count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Unlocking: reset by a right passcode.
    Unlock,
    /// Changing a passcode or setting the duress passcode: reset only by a quiet day.
    Change,
}

/// The `meta` row of the counts.
const ROW: &str = "attempts";
/// Each purpose's count and times: three big-endian u64.
const COUNT_LEN: usize = 24;

/// How the counts are kept: sealed under a key from the key store's device MAC, or, without a key
/// store, in the clear.
pub struct Gate {
    key: Option<Key>,
    aad: Vec<u8>,
}

impl Gate {
    /// The gate of the file `file_id`; `key` from the device MAC when a key store binds it.
    pub fn new(file_id: &[u8], key: Option<Key>) -> Gate {
        Gate { key, aad: [b"baken attempt counts".as_slice(), file_id].concat() }
    }

    fn load(&self, conn: &Connection, now: Now) -> Result<[Count; 2], JournalError> {
        let plain = match (store::meta(conn, ROW)?, &self.key) {
            (Some(row), Some(key)) => crypto::open(key, &self.aad, &row).map(|plain| plain.to_vec()),
            (row, None) => row,
            (None, Some(_)) => None,
        };
        let longest = Count { attempts: FREE_ATTEMPTS + 7, last: now };
        Ok(match plain.filter(|plain| plain.len() == 2 * COUNT_LEN) {
            None => [longest; 2],
            Some(plain) => {
                let number = |at: usize| u64::from_be_bytes(plain[at..at + 8].try_into().unwrap_or_default());
                let count = |at: usize| Count { attempts: number(at), last: Now { wall: number(at + 8), boot: number(at + 16) } };
                [count(0), count(COUNT_LEN)]
            }
        })
    }

    /// Writes the counts of a new journal: none yet.
    pub fn start(&self, conn: &Connection) -> Result<(), JournalError> {
        self.save(conn, [Count::default(); 2])
    }

    fn save(&self, conn: &Connection, counts: [Count; 2]) -> Result<(), JournalError> {
        let plain: Vec<u8> = counts.iter().flat_map(|c| [c.attempts, c.last.wall, c.last.boot]).flat_map(u64::to_be_bytes).collect();
        match &self.key {
            Some(key) => store::set_meta(conn, ROW, &crypto::seal(key, &self.aad, &plain)?),
            None => store::set_meta(conn, ROW, &plain),
        }
    }
}

impl Purpose {
    fn index(self) -> usize {
        match self {
            Purpose::Unlock => 0,
            Purpose::Change => 1,
        }
    }
}

/// A reading of both clocks, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Now {
    /// Unix time from the wall clock, which the user (or an attacker) can set.
    pub wall: u64,
    /// Time since the phone booted, sleep included.
    pub boot: u64,
}

/// The stored count and when the last attempt was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    /// Attempts counted.
    pub attempts: u64,
    /// When the last one was made.
    pub last: Now,
}

/// The wait, in seconds, required after `attempts` counted tries.
pub fn delay_after(attempts: u64) -> u64 {
    match attempts.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(extra) => FIRST_DELAY_SECONDS.saturating_mul(1 << extra.min(16)).min(MAX_DELAY_SECONDS),
    }
}

/// Seconds since `last`, by the clock that moved least; `None` when both went backwards (the
/// wall clock was set back and the phone rebooted), so nothing can be said.
fn elapsed(last: Now, now: Now) -> Option<u64> {
    let wall = now.wall.checked_sub(last.wall);
    let boot = now.boot.checked_sub(last.boot);
    match (wall, boot) {
        (Some(w), Some(b)) => Some(w.min(b)),
        (w, b) => w.or(b),
    }
}

/// The gate's decision for one more attempt at `now`: the count to store, and the seconds to
/// wait (0: the attempt may run, and is counted).
pub fn decide(purpose: Purpose, count: Count, now: Now) -> (Count, u64) {
    let count = match elapsed(count.last, now) {
        Some(s) if purpose == Purpose::Change && s >= CHANGES_FORGOTTEN_AFTER_SECONDS => Count::default(),
        // Neither clock can be trusted: measure the wait from now, never for ever.
        None => Count { last: now, ..count },
        Some(_) => count,
    };
    let wait = delay_after(count.attempts).saturating_sub(elapsed(count.last, now).unwrap_or(0));
    if wait > 0 {
        (count, wait)
    } else {
        (Count { attempts: count.attempts.saturating_add(1), last: now }, 0)
    }
}

/// Counts one attempt at `now`, inside the caller's immediate transaction; `Some(seconds)` when
/// the attempt must wait instead (then nothing is counted, but a clock that moved back is noted).
pub fn admit(conn: &Connection, gate: &Gate, purpose: Purpose, now: Now) -> Result<Option<u64>, JournalError> {
    let mut counts = gate.load(conn, now)?;
    let before = counts;
    let (after, wait) = decide(purpose, counts[purpose.index()], now);
    counts[purpose.index()] = after;
    if counts != before {
        gate.save(conn, counts)?;
    }
    Ok((wait > 0).then_some(wait))
}

/// Forgets earlier unlock attempts after a right passcode.
pub fn reset(conn: &Connection, gate: &Gate) -> Result<(), JournalError> {
    let mut counts = gate.load(conn, now())?;
    if counts[Purpose::Unlock.index()].attempts > 0 {
        counts[Purpose::Unlock.index()].attempts = 0;
        gate.save(conn, counts)?;
    }
    Ok(())
}

/// Both clocks now.
pub fn now() -> Now {
    let wall = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Now { wall, boot: boot_seconds() }
}

/// Seconds since boot, sleep included (Linux and Android `CLOCK_BOOTTIME`; on Apple systems
/// `CLOCK_MONOTONIC` already counts sleep); 0 where no such clock exists.
fn boot_seconds() -> u64 {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const CLOCK: libc::clockid_t = libc::CLOCK_BOOTTIME;
    #[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
    const CLOCK: libc::clockid_t = libc::CLOCK_MONOTONIC;
    #[cfg(unix)]
    {
        let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `time` is a valid, writable timespec for the duration of the call.
        if unsafe { libc::clock_gettime(CLOCK, &mut time) } == 0 {
            return u64::try_from(time.tv_sec).unwrap_or(0);
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Now = Now { wall: 1_800_000_000, boot: 10_000 };

    fn after(now: Now, seconds: u64) -> Now {
        Now { wall: now.wall + seconds, boot: now.boot + seconds }
    }

    /// Five counted attempts at T0, as after five wrong passcodes.
    fn five() -> Count {
        Count { attempts: 5, last: T0 }
    }

    #[test]
    fn the_delay_grows_after_the_free_attempts_and_is_capped() {
        assert_eq!((0..5).map(delay_after).max(), Some(0));
        assert_eq!(delay_after(5), 30);
        assert_eq!(delay_after(6), 60);
        assert_eq!(delay_after(50), 3600);
        assert_eq!(delay_after(u64::MAX), 3600);
    }

    #[test]
    fn an_admitted_attempt_is_counted_before_it_runs() {
        let (count, wait) = decide(Purpose::Unlock, Count::default(), T0);
        assert_eq!((count, wait), (Count { attempts: 1, last: T0 }, 0));
        assert_eq!(decide(Purpose::Unlock, five(), after(T0, 10)).1, 20);
        assert_eq!(decide(Purpose::Unlock, five(), after(T0, 30)), (Count { attempts: 6, last: after(T0, 30) }, 0));
    }

    #[test]
    fn a_wall_clock_set_forward_does_not_shorten_the_wait() {
        let forward = Now { wall: T0.wall + 365 * 24 * 3600, boot: T0.boot + 5 };
        assert_eq!(decide(Purpose::Unlock, five(), forward).1, 25);
    }

    #[test]
    fn a_wall_clock_set_back_never_locks_out_for_ever() {
        // Five failures made with the clock in 2100, then the clock is put right.
        let in_2100 = Count { attempts: 5, last: Now { wall: 4_102_444_800, boot: T0.boot } };
        let right = after(T0, 0);
        assert_eq!(decide(Purpose::Unlock, in_2100, right).1, 30);
        assert_eq!(decide(Purpose::Unlock, in_2100, after(right, 31)).1, 0, "the time since boot still counts");
        // After a reboot as well, the wait is measured from now and ends.
        let rebooted = Now { wall: T0.wall, boot: 5 };
        let (noted, wait) = decide(Purpose::Unlock, in_2100, rebooted);
        assert_eq!((noted.last, wait), (rebooted, 30));
        assert_eq!(decide(Purpose::Unlock, noted, after(rebooted, 30)).1, 0);
    }

    #[test]
    fn passcode_changes_are_forgotten_only_after_a_quiet_day() {
        let changes = Count { attempts: 9, last: T0 };
        assert_eq!(decide(Purpose::Change, changes, after(T0, 60)).1, 420);
        assert_eq!(decide(Purpose::Change, changes, after(T0, 24 * 3600)), (Count { attempts: 1, last: after(T0, 24 * 3600) }, 0));
        assert_eq!(decide(Purpose::Unlock, changes, after(T0, 24 * 3600)).0.attempts, 10, "unlock counts are not forgotten by time");
    }
}
