//! Format detection and every chat parser on arbitrary bytes: a result or a typed error, never a
//! panic; every message's line lies inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(chat) = baken_core::chat::read(data) {
        let lines = data.split(|&b| b == b'\n').count();
        assert!(chat.messages.iter().all(|m| m.line <= lines));
        assert!(chat.messages.iter().filter_map(|m| m.sender.as_ref()).all(|s| chat.participants.contains(s)));
    }
});
