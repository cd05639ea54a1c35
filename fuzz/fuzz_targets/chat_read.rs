//! Format detection and every chat parser on arbitrary bytes: a result or a typed error, never a
//! panic; every message's line lies inside the input (inside the chat file, for a zip); every
//! sender is a participant.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(chat) = baken_core::chat::read(data) {
        // In a zip the lines are those of the chat file inside it.
        if !data.starts_with(b"PK") {
            let lines = data.split(|&b| b == b'\n').count();
            assert!(chat.messages().all(|m| m.line <= lines));
        }
        assert!(chat.messages().filter_map(|m| m.sender).all(|s| chat.participants.iter().any(|p| p == s)));
    }
});
