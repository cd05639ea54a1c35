//! Chat exports read into one model (issue 14): every format from fixtures built as the formats
//! are documented, with exact counts, senders, times and events; bad input is a typed error.

use baken_core::chat::{self, ChatError, Event, Format, Limitation};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/chats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Each message as `sender|time|event|text`, for exact comparison.
fn lines(name: &str) -> (Format, Vec<String>, Vec<Limitation>) {
    let chat = chat::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let rows = chat
        .messages
        .iter()
        .map(|m| {
            let time = m.local_time.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default();
            format!("{}|{time}|{}|{}", m.sender.as_deref().unwrap_or("-"), m.event.map_or("", Event::as_str), m.text)
        })
        .collect();
    (chat.format, rows, chat.limitations)
}

#[test]
fn whatsapp_android_dutch() {
    let (format, rows, limitations) = lines("whatsapp-android-nl.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2022-03-23 13:31:00|notice|Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.",
            "Sam|2022-03-18 14:56:00||hey! ik zag je op insta",
            "Lisa|2022-03-18 14:57:00||hoi wie ben jij",
            "Sam|2022-03-18 15:02:00||gwn iemand die je leuk vindt 😊\nje bent echt mooi\nzeg het tegen niemand oke",
            "Sam|2022-03-18 15:10:00|media|<Media weggelaten>",
            "Sam|2022-03-19 21:51:00|view_once|null",
            "Sam|2022-03-19 22:05:00|deleted|Dit bericht is verwijderd",
            "Sam|2022-03-19 22:06:00|missed_call|Gemiste spraakoproep",
            "-|2022-03-20 09:00:00|notice|PTT-20220320-WA0000.opus (bestand bijgevoegd)",
            "Lisa|2022-03-20 09:01:00|media|IMG-20220320-WA0001.jpg (bestand bijgevoegd)\ndit is mijn hond",
        ]
    );
    for expected in [Limitation::MediaOmitted, Limitation::DeletedMessages, Limitation::ViewOnceMedia, Limitation::PhoneTimes, Limitation::OlderMessagesMayBeMissing] {
        assert!(limitations.contains(&expected), "{expected:?} in {limitations:?}");
    }
    assert!(!limitations.contains(&Limitation::TimesOutOfOrder), "the notice's own date is out of order, not the messages");
}

#[test]
fn whatsapp_android_us_twelve_hour_with_narrow_spaces_and_crlf() {
    let (format, rows, limitations) = lines("whatsapp-android-en-us.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2023-02-04 22:35:00|notice|Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.",
            "Jay|2023-02-04 22:35:00||u up?",
            "Mia|2023-02-04 22:36:00||yeah why",
            "Jay|2023-02-04 23:59:00|media|<Media omitted>",
            "Jay|2023-02-05 00:01:00|deleted|This message was deleted",
            "Jay|2023-02-13 12:30:00||you turned on disappearing messages. wait no i did lol",
            "-|2023-02-13 12:31:00|disappearing_timer|Jay turned on disappearing messages. New messages will disappear from this chat 7 days after they're sent, except when kept.",
        ],
        "month-first, decided by 2/13 over the whole file"
    );
    assert!(limitations.contains(&Limitation::DisappearingMessages));
    assert!(!limitations.contains(&Limitation::DateOrderAssumed));
}

#[test]
fn whatsapp_android_british_with_a_subject_holding_a_colon() {
    let (_, rows, _) = lines("whatsapp-android-en-gb.txt");
    assert_eq!(
        rows,
        [
            "Dmitry S|2022-03-18 14:56:00||Hello",
            "-|2022-03-18 14:57:00|notice|Dmitry S changed the subject from \"Year 9: maths\" to \"Y9\"",
            "Dmitry S|2022-03-18 15:10:00|media|<Media omitted>\nCaption of the photo",
            "Anna|2022-03-19 08:00:00||morning",
        ]
    );
}

#[test]
fn whatsapp_ios_dutch_with_marks_and_the_notice_under_the_contacts_name() {
    let chat = chat::read(&fixture("whatsapp-ios-nl.txt")).unwrap();
    assert_eq!(chat.format, Format::WhatsAppIos);
    assert_eq!(chat.participants, ["Sam", "Lisa"]);
    let (_, rows, _) = lines("whatsapp-ios-nl.txt");
    assert_eq!(
        rows,
        [
            "-|2022-05-02 16:21:20|notice|Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet.",
            "Sam|2022-05-02 16:21:32||dit is een bericht",
            "Sam|2022-05-02 16:22:01|media|afbeelding weggelaten",
            "Lisa|2022-05-02 16:23:45||wat is dat",
            "Sam|2022-05-03 09:00:00|media|<bijgevoegd: 00000014-PHOTO-2022-05-03-09-00-00.jpg>",
            "Sam|2022-05-03 09:05:00|deleted|Dit bericht is verwijderd.",
        ]
    );
}

#[test]
fn whatsapp_ios_german_and_a_non_contact_name() {
    let chat = chat::read(&fixture("whatsapp-ios-de.txt")).unwrap();
    assert_eq!(chat.participants, ["Chris", "Lena"]);
    assert_eq!(chat.messages.len(), 3);
    assert!(chat.limitations.contains(&Limitation::DateOrderAssumed), "07.03 and 08.03 alone cannot tell the order");
    assert_eq!(chat.messages[1].local_time.unwrap().format("%Y-%m-%d %H:%M:%S").to_string(), "2026-03-07 21:23:02");
}

#[test]
fn telegram_desktop_json() {
    let chat = chat::read(&fixture("telegram-result.json")).unwrap();
    assert_eq!(chat.format, Format::Telegram);
    assert_eq!(chat.participants, ["Sam", "Lisa", "user333"]);
    let summary: Vec<(Option<&str>, &str, Option<Event>)> = chat.messages.iter().map(|m| (m.sender.as_deref(), m.text.as_str(), m.event)).collect();
    assert_eq!(
        summary,
        [
            (Some("Sam"), "hey", None),
            (Some("Lisa"), "look https://example.org ok", None),
            (Some("Sam"), "", Some(Event::DisappearingTimer)),
            (Some("Sam"), "", Some(Event::ViewOnce)),
            (Some("Lisa"), "", Some(Event::Screenshot)),
            (Some("user333"), "a\u{7}b", None),
        ]
    );
    assert_eq!(chat.messages[0].utc.unwrap().to_rfc3339(), "2022-10-11T14:49:15+00:00", "date_unixtime is UTC; date is the computer's local time");
    assert!(chat.limitations.contains(&Limitation::EditsNotShown));
}

#[test]
fn instagram_json_repaired_and_oldest_first() {
    let chat = chat::read(&fixture("instagram-message_1.json")).unwrap();
    assert_eq!(chat.format, Format::Instagram);
    let summary: Vec<(Option<&str>, &str, Option<Event>)> = chat.messages.iter().map(|m| (m.sender.as_deref(), m.text.as_str(), m.event)).collect();
    assert_eq!(
        summary,
        [
            (Some("Kaushik"), "", Some(Event::Deleted)),
            (Some("Zoë"), "hoe gaat het met je? café?", None),
            (Some("Zoë"), "", Some(Event::Media)),
            (Some("Kaushik"), "I’m doing great ❤️", None),
        ]
    );
    assert_eq!(chat.participants, ["Kaushik", "Zoë"]);
}

#[test]
fn pasted_lines_are_the_fallback() {
    let chat = chat::read(&fixture("pasted.txt")).unwrap();
    assert_eq!(chat.format, Format::Plain);
    assert_eq!(chat.participants, ["Sam", "Lisa"]);
    assert_eq!(chat.messages[2].text, "just wondering\nwhat school do you go to");
}

#[test]
fn bad_input_is_a_typed_error_never_a_panic() {
    assert_eq!(chat::read(b""), Err(ChatError::Empty));
    assert_eq!(chat::read(b"  \n\r\n "), Err(ChatError::Empty));
    assert_eq!(chat::read(b"just some words\nwithout any names at all\n"), Err(ChatError::UnknownFormat));
    assert!(matches!(chat::read(b"{\"messages\": [{\"id\": 1, "), Err(ChatError::Damaged { format: "Telegram", .. })));
    assert!(matches!(chat::read(b"{\"participants\": [], \"messages\": [{\"sender_name\": "), Err(ChatError::Damaged { format: "Instagram", .. })));
    assert!(matches!(chat::read(b"{\"chats\": {\"list\": []}}"), Err(ChatError::Damaged { .. })), "a full account export is named");
    assert_eq!(chat::read(b"{\"hello\": 1}"), Err(ChatError::UnknownFormat));
    let garbage: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert!(chat::read(&garbage).is_err());
    let backwards = "02-01-2022 10:00 - a: later\n01-01-2022 10:00 - b: earlier\n";
    assert!(chat::read(backwards.as_bytes()).unwrap().limitations.contains(&Limitation::TimesOutOfOrder));
    let no_sender = "18-03-2022 14:56 - something happened\n";
    assert_eq!(chat::read(no_sender.as_bytes()).unwrap().messages[0].sender, None);
}

#[test]
fn zip_exports_are_read_directly() {
    let zipped = chat::read(&fixture("whatsapp-ios-nl.zip")).unwrap();
    assert_eq!(zipped, chat::read(&fixture("whatsapp-ios-nl.txt")).unwrap(), "the zip gives exactly what its _chat.txt gives");

    let instagram = chat::read(&fixture("instagram-two-pages.zip")).unwrap();
    let texts: Vec<&str> = instagram.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts.first(), Some(&"the very first message"), "page 2 holds the older messages");
    assert_eq!(texts[1], "older page, newest of it");
    assert_eq!(instagram.messages.len(), 6);
    assert!(instagram.messages.windows(2).all(|w| w[0].utc <= w[1].utc));
}

#[test]
fn bad_zips_are_typed_errors_with_bounded_memory() {
    for (name, expected) in [
        ("zip-without-chat.zip", "holds no chat"),
        ("zip-lying-size.zip", "does not unpack, or is larger than it says"),
        ("zip-cut-short.zip", "no end record"),
    ] {
        match chat::read(&fixture(name)) {
            Err(ChatError::Damaged { format: "zip", detail }) => assert!(detail.contains(expected), "{name}: {detail}"),
            other => panic!("{name}: expected a damaged zip, got {other:?}"),
        }
    }
    assert_eq!(chat::read(&fixture("zip-bomb-header.zip")), Err(ChatError::TooLarge { limit: chat::MAX_EXPORT_BYTES }), "refused before anything is inflated");
}
