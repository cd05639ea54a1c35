//! Chat exports read into one model (issue 14): every format from fixtures built as the formats
//! are documented, with exact counts, senders, times and events; bad input is a typed error.

use baken_core::chat::{self, ChatError, Event, Format, Limitation};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/chats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Each message as `sender|time|event|text`, for exact comparison.
fn lines(name: &str) -> (Format, Vec<String>, Vec<Limitation>) {
    let export = fixture(name);
    let chat = chat::read(&export).unwrap_or_else(|e| panic!("{name}: {e}"));
    let rows = chat
        .messages()
        .map(|m| {
            let time = m.local_time.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default();
            format!("{}|{time}|{}|{}", m.sender.unwrap_or("-"), m.event.map_or("", Event::as_str), m.text)
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
    for expected in
        [Limitation::MediaOmitted, Limitation::DeletedMessages, Limitation::ViewOnceMedia, Limitation::PhoneTimes, Limitation::OlderMessagesMayBeMissing]
    {
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
    let export = fixture("whatsapp-ios-nl.txt");
    let chat = chat::read(&export).unwrap();
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
    let export = fixture("whatsapp-ios-de.txt");
    let chat = chat::read(&export).unwrap();
    assert_eq!(chat.participants, ["Chris", "Lena"]);
    assert_eq!(chat.len(), 3);
    assert!(chat.limitations.contains(&Limitation::DateOrderAssumed), "07.03 and 08.03 alone cannot tell the order");
    assert_eq!(chat.message(1).local_time.unwrap().format("%Y-%m-%d %H:%M:%S").to_string(), "2026-03-07 21:23:02");
}

#[test]
fn telegram_desktop_json() {
    let export = fixture("telegram-result.json");
    let chat = chat::read(&export).unwrap();
    assert_eq!(chat.format, Format::Telegram);
    assert_eq!(chat.participants, ["Sam", "Lisa", "user333"]);
    let summary: Vec<(Option<&str>, &str, Option<Event>)> = chat.messages().map(|m| (m.sender, m.text, m.event)).collect();
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
    assert_eq!(chat.message(0).utc.unwrap().to_rfc3339(), "2022-10-11T14:49:15+00:00", "date_unixtime is UTC; date is the computer's local time");
    assert!(chat.limitations.contains(&Limitation::EditsNotShown));
}

#[test]
fn instagram_json_repaired_and_oldest_first() {
    let export = fixture("instagram-message_1.json");
    let chat = chat::read(&export).unwrap();
    assert_eq!(chat.format, Format::Instagram);
    let summary: Vec<(Option<&str>, &str, Option<Event>)> = chat.messages().map(|m| (m.sender, m.text, m.event)).collect();
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
    let export = fixture("pasted.txt");
    let chat = chat::read(&export).unwrap();
    assert_eq!(chat.format, Format::Plain);
    assert_eq!(chat.participants, ["Sam", "Lisa"]);
    assert_eq!(chat.message(2).text, "just wondering\nwhat school do you go to");
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
    assert_eq!(chat::read(no_sender.as_bytes()).unwrap().message(0).sender, None);
}

#[test]
fn a_character_across_the_detection_window_is_no_panic() {
    // Found by the chat_read fuzz target: a JSON export whose 4,096th byte is inside a character.
    for start in ["{\"name\": \"Sam\", \"messages\": [{\"text\": \"", "{\"participants\": [], \"messages\": [{\"content\": \""] {
        for shift in 0..3 {
            let mut text = format!("{start}{}", "x".repeat(4094 - start.len() + shift));
            text.push_str("€€€\"}]}");
            assert!(!text.is_char_boundary(4096) || shift == 2, "the window ends inside the euro sign");
            let read = chat::read(text.as_bytes());
            assert!(matches!(read, Ok(_) | Err(ChatError::Damaged { .. })), "still read as its format: {read:?}");
        }
    }
}

#[test]
fn zip_exports_are_read_directly() {
    let export = fixture("whatsapp-ios-nl.zip");
    let zipped = chat::read(&export).unwrap();
    assert_eq!(zipped, chat::read(&fixture("whatsapp-ios-nl.txt")).unwrap(), "the zip gives exactly what its _chat.txt gives");

    let export = fixture("instagram-two-pages.zip");

    let instagram = chat::read(&export).unwrap();
    let texts: Vec<&str> = instagram.messages().map(|m| m.text).collect();
    assert_eq!(texts.first(), Some(&"the very first message"), "page 2 holds the older messages");
    assert_eq!(texts[1], "older page, newest of it");
    assert_eq!(instagram.len(), 6);
    assert!(instagram.messages().zip(instagram.messages().skip(1)).all(|(a, b)| a.utc <= b.utc));
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

#[test]
fn whatsapp_android_french_with_a_between_date_and_time() {
    let (format, rows, limitations) = lines("whatsapp-android-fr.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2019-09-26 22:39:00|notice|Les messages envoyés dans cette discussion et les appels sont désormais protégés avec le chiffrement de bout en bout. Appuyez pour plus d'informations.",
            "Hugo|2019-09-26 22:39:00||Salut :)",
            "Léa|2019-09-26 22:40:00||Salut Hugo, ça va ?",
            "Hugo|2019-09-26 22:41:00||Très bien\ntu fais quoi ce soir ?",
            "Hugo|2019-09-27 08:15:00|media|<Médias omis>",
            "Hugo|2019-09-27 08:16:00|deleted|Ce message a été supprimé",
            "Hugo|2019-09-27 19:02:00|missed_call|Appel vocal manqué",
            "Léa|2019-10-13 10:00:00|media|IMG-20191013-WA0001.jpg (fichier joint)\nmon chat",
        ]
    );
    assert!(!limitations.contains(&Limitation::DateOrderAssumed), "26/09 is day-first");
}

#[test]
fn whatsapp_android_spanish_twelve_hour_with_no_break_spaces() {
    let (format, rows, _) = lines("whatsapp-android-es.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2025-03-28 21:29:00|notice|Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
            "Sofía|2025-03-28 21:29:00||hola!!",
            "Diego|2025-03-28 21:31:00||hola, quién eres?",
            "Sofía|2025-03-28 23:58:00|media|<Multimedia omitido>",
            "Sofía|2025-03-29 00:03:00|deleted|Se eliminó este mensaje",
            "Sofía|2025-03-29 12:10:00|missed_call|Llamada perdida",
            "Diego|2025-03-30 08:05:00|media|IMG-20250330-WA0002.jpg (archivo adjunto)\nmi perro",
        ],
        "12:03 a. m. is just after midnight, 12:10 p. m. just after noon"
    );
}

#[test]
fn whatsapp_android_turkish() {
    let (format, rows, _) = lines("whatsapp-android-tr.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2026-06-10 21:30:00|notice|Mesajlar ve aramalar uçtan uca şifrelidir. WhatsApp da dahil olmak üzere bu sohbetin dışında bulunan hiç kimse mesaj ve aramalarınızı okuyamaz ve dinleyemez.",
            "Ali|2026-06-10 21:34:00||selam",
            "Elif|2026-06-10 21:36:00||naber",
            "Ali|2026-06-10 21:40:00|media|<Medya dahil edilmedi>",
            "Ali|2026-06-11 09:12:00|deleted|Bu mesaj silindi",
            "Ali|2026-06-11 09:13:00|missed_call|Cevapsız sesli arama",
            "Elif|2026-06-14 18:00:00||yarın okulda görüşürüz\ntamam mı?",
        ]
    );
}

#[test]
fn whatsapp_ios_turkish_with_crlf_marks_and_the_notice_under_the_groups_name() {
    let export = fixture("whatsapp-ios-tr.txt");
    let chat = chat::read(&export).unwrap();
    assert_eq!((chat.format, chat.participants.as_slice()), (Format::WhatsAppIos, ["Bora".to_string(), "Dicle".to_string()].as_slice()));
    let (_, rows, _) = lines("whatsapp-ios-tr.txt");
    assert_eq!(
        rows,
        [
            "-|2017-05-05 18:01:28|notice|Mesajlar ve aramalar uçtan uca şifrelidir. Yalnızca bu sohbetteki kişiler bu içerikleri okuyabilir, dinleyebilir veya paylaşabilir.",
            "Bora|2017-05-05 18:01:54||Selamlar",
            "Dicle|2017-05-05 18:07:53||bu ne?",
            "Bora|2017-05-05 18:09:21|media|görüntü dahil edilmedi",
            "Bora|2017-05-13 10:04:02|deleted|Bu mesaj silindi.",
        ]
    );
}

#[test]
fn whatsapp_android_arabic_with_eastern_digits_rtl_marks_and_arabic_am_pm() {
    let (format, rows, limitations) = lines("whatsapp-android-ar.txt");
    assert_eq!(format, Format::WhatsAppAndroid);
    assert_eq!(
        rows,
        [
            "-|2022-04-24 14:07:00|notice|الرسائل والمكالمات مشفرة تمامًا بين الطرفين، بحيث لا يستطيع أحد خارج هذه الدردشة، ولا حتى شركة واتساب نفسها، قراءتها أو الاستماع إليها.",
            "عمر|2022-04-24 14:07:00||السلام عليكم",
            "سارة|2022-04-24 14:08:00||وعليكم السلام\nمن أنت؟",
            "عمر|2022-04-24 23:50:00|media|<تم استبعاد الوسائط>",
            "عمر|2022-04-25 00:05:00|deleted|تم حذف هذه الرسالة",
            "عمر|2022-04-25 09:30:00|missed_call|مكالمة صوتية فائتة",
        ]
    );
    assert!(!limitations.contains(&Limitation::TimesOutOfOrder), "م is PM, ص is AM");
}
