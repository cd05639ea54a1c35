//! The conversation scan: every contact's messages analysed, and how their behaviour built up.
//!
//! Each message of a contact goes through the analyzer. Per contact the scan keeps the signals
//! with when each first appeared, the stages of grooming present (trust, isolation, sexual talk,
//! image requests, coercion, exploitation) in the order they appeared, how fast it went from the
//! first message to the first sexual or image request, the app events the contact caused
//! (deleted messages, view-once media, disappearing timers, screenshots), a level, and a short
//! summary in the reader's language. The teen ("me") is never scored as a source of risk; without
//! "me", every participant is scored and the result says so.
//!
//! Who a contact is shows across the conversation, as a cue ([`Relation`]): a name such as "Oma"
//! or "Coach Wim", a message signed "- je broer" or one that brings the family in openly, makes
//! them family (or a known adult) in all their messages; a contact between whose messages two
//! or more others write talks in a group of friends. The contact's flagged messages are then read
//! again with that relation, whose context cues may silence what is ordinary between them; firm
//! findings always stand.

use super::{Chat, Event, Format, Limitation};
use crate::check::{Analyzer, CheckError, Relation};
use crate::language::Language;
use crate::signal::{Level, Signal};
use crate::strings::ChatWords as Texts;
use chrono::NaiveDateTime;
use std::collections::BTreeMap;

/// How many example messages are kept per signal.
const EXAMPLES: usize = 3;

/// A stage of how grooming and exploitation usually build up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Flattery, gifts, money or promises.
    Trust,
    /// Secrecy, isolation, moving to another app.
    Isolation,
    /// Sexual talk.
    Sexual,
    /// Requests for photos, video, camera.
    Images,
    /// Threats, pressure, payment demands.
    Coercion,
    /// Recruitment, debts, control, exploitation.
    Exploitation,
}

impl Stage {
    /// The stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Trust => "trust",
            Stage::Isolation => "isolation",
            Stage::Sexual => "sexual",
            Stage::Images => "images",
            Stage::Coercion => "coercion",
            Stage::Exploitation => "exploitation",
        }
    }

    /// The stage a signal belongs to; meeting and personal questions belong to none on their own.
    fn of(signal: Signal) -> Option<Stage> {
        use Signal::*;
        Some(match signal {
            Flattery | GiftsMoney => Stage::Trust,
            Secrecy | Isolation | PlatformSwitch => Stage::Isolation,
            SexualTalk => Stage::Sexual,
            ImageRequest => Stage::Images,
            Threat | PaymentDemand | Pressure => Stage::Coercion,
            Recruitment | DebtBondage | Exploitation | Control => Stage::Exploitation,
            Meeting | PersonalInfo => return None,
        })
    }
}

/// One signal as seen in a contact's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalSeen {
    /// The signal.
    pub signal: Signal,
    /// How many of the contact's messages show it.
    pub count: usize,
    /// The index (in `Chat::messages`) of the first message showing it.
    pub first_index: usize,
    /// When that message was written, if the export says.
    pub first_seen: Option<NaiveDateTime>,
    /// Up to three messages showing it, by index.
    pub examples: Vec<usize>,
}

/// One participant's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The name in the export.
    pub name: String,
    /// Whether this is the teen who scans.
    pub is_me: bool,
    /// How many messages and events they wrote.
    pub messages: usize,
    /// The signals in their messages, by first appearance.
    pub signals: Vec<SignalSeen>,
    /// The stages present, in the order they first appeared.
    pub stages: Vec<Stage>,
    /// App events they caused, with counts (deleted messages, view-once media, timers, ...).
    pub events: Vec<(Event, usize)>,
    /// Minutes from their first message to their first sexual or image request.
    pub minutes_to_sexual_request: Option<i64>,
    /// Messages per day between their first and last message (with times only).
    pub messages_per_day: Option<f64>,
    /// How serious it is together.
    pub level: Level,
    /// What happened, in one or two plain sentences in the reader's language.
    pub summary: String,
}

/// The whole scan.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// The export's format.
    pub format: Format,
    /// Every participant, "me" included, in order of their first message.
    pub people: Vec<Person>,
    /// How many messages and events the export holds.
    pub messages_total: usize,
    /// What the export cannot show, and whether "me" was unknown.
    pub limitations: Vec<Limitation>,
    /// The highest level of any contact.
    pub level: Level,
}

/// Why a scan could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    /// The name given as "me" is not a participant; names the participants.
    #[error("\"{me}\" is not in this chat; the people in it are: {participants}")]
    UnknownMe {
        /// The name given.
        me: String,
        /// The participants, comma-separated.
        participants: String,
    },
    /// The analyzer failed (a message over the size limit is cut, so only broken rules).
    #[error(transparent)]
    Check(#[from] CheckError),
}

/// Scans `chat`: `me` is the teen's own name in it (never scored); `reader` the language of the
/// summaries (by default the one most messages are in). Each message's language is detected, as
/// chats mix languages. One pass over the messages, each analysed once; a flagged message of a
/// contact with a relation (family, a group) is analysed a second time, with it.
pub fn scan(analyzer: &Analyzer, chat: &Chat, me: Option<&str>, reader: Option<Language>) -> Result<Scan, ScanError> {
    if let Some(me) = me.filter(|me| !chat.participants.iter().any(|p| p == me)) {
        return Err(ScanError::UnknownMe { me: me.to_string(), participants: chat.participants.join(", ") });
    }
    let mut tallies: Vec<Tally> = chat.participants.iter().map(|name| Tally::new(me == Some(name.as_str()))).collect();
    let mut votes = vec![0usize; Language::all().len()];
    // Each message alone first; the flagged ones wait until the relations are known.
    let mut relations: Vec<Relation> = chat.participants.iter().map(|name| analyzer.relation_shown(name, None)).collect();
    let mut flagged = Vec::new();
    for (index, stored) in chat.messages.iter().enumerate() {
        let Some(who) = stored.sender else { continue };
        let tally = &mut tallies[who as usize];
        tally.count(stored);
        if tally.is_me || stored.event.is_some() {
            continue;
        }
        let text = cut(chat.message(index).text, crate::check::MAX_TEXT_BYTES);
        if text.trim().is_empty() {
            continue;
        }
        let analysis = analyzer.analyze(text, None)?;
        if let Some(language) = analysis.language {
            votes[language.index()] += 1;
        }
        if analysis.signals.is_empty() {
            relations[who as usize] |= analysis.relation;
        } else {
            flagged.push((index, who, analysis));
        }
    }
    for (relation, group) in relations.iter_mut().zip(in_a_group(chat)) {
        relation.group = group;
    }
    for (index, who, analysis) in flagged {
        let (relation, tally) = (relations[who as usize], &mut tallies[who as usize]);
        let analysis = match relation == Relation::default() {
            true => analysis,
            false => analyzer.analyze_as(cut(chat.message(index).text, crate::check::MAX_TEXT_BYTES), analysis.language, relation)?,
        };
        tally.level = tally.level.max(analysis.level);
        let mut signals: Vec<Signal> = analysis.signals.iter().map(|f| f.signal).collect();
        signals.sort();
        signals.dedup();
        for signal in signals {
            match tally.seen.iter_mut().find(|s| s.signal == signal) {
                Some(s) => {
                    s.count += 1;
                    if s.examples.len() < EXAMPLES {
                        s.examples.push(index);
                    }
                }
                None => {
                    let first_seen = chat.messages[index].local_time;
                    tally.seen.push(SignalSeen { signal, count: 1, first_index: index, first_seen, examples: vec![index] })
                }
            }
        }
    }
    let reader = reader.unwrap_or_else(|| most_voted(&votes));
    let mut people: Vec<Person> = chat.participants.iter().zip(tallies).map(|(name, tally)| tally.person(name)).collect();
    for person in &mut people {
        person.summary = summary(reader, person, chat);
    }
    let mut limitations = chat.limitations.clone();
    if me.is_none() {
        limitations.push(Limitation::MeUnknown);
    }
    let level = people.iter().map(|p| p.level).max().unwrap_or(Level::None);
    Ok(Scan { format: chat.format, people, messages_total: chat.len(), limitations, level })
}

/// Per participant, whether they talk in a group: at least two others write between their first
/// and last message (a contact who writes to the teen alone, or once, is in no group).
fn in_a_group(chat: &Chat) -> Vec<bool> {
    let mut written: Vec<Vec<usize>> = vec![Vec::new(); chat.participants.len()];
    for (index, message) in chat.messages.iter().enumerate().filter(|(_, m)| m.event.is_none()) {
        if let Some(who) = message.sender {
            written[who as usize].push(index);
        }
    }
    let wrote_between = |indices: &[usize], first: usize, last: usize| indices.get(indices.partition_point(|&i| i <= first)).is_some_and(|&i| i < last);
    written
        .iter()
        .enumerate()
        .map(|(who, theirs)| match (theirs.first(), theirs.last()) {
            (Some(&first), Some(&last)) => {
                written.iter().enumerate().filter(|&(other, indices)| other != who && wrote_between(indices, first, last)).nth(1).is_some()
            }
            _ => false,
        })
        .collect()
}

/// One participant's messages as the scan passes them.
struct Tally {
    is_me: bool,
    messages: usize,
    events: BTreeMap<Event, usize>,
    /// The time of their first message that has one, and the earliest and latest time.
    first_time: Option<NaiveDateTime>,
    span: Option<(NaiveDateTime, NaiveDateTime)>,
    seen: Vec<SignalSeen>,
    /// The most serious message.
    level: Level,
}

impl Tally {
    fn new(is_me: bool) -> Tally {
        Tally { is_me, messages: 0, events: BTreeMap::new(), first_time: None, span: None, seen: Vec::new(), level: Level::None }
    }

    fn count(&mut self, message: &super::Stored) {
        self.messages += 1;
        if let Some(event) = message.event {
            *self.events.entry(event).or_default() += 1;
        }
        if let Some(time) = message.local_time {
            self.first_time.get_or_insert(time);
            self.span = Some(self.span.map_or((time, time), |(a, b)| (a.min(time), b.max(time))));
        }
    }

    /// The participant, without the summary.
    fn person(self, name: &str) -> Person {
        let messages_per_day = match self.span {
            Some((first, last)) if last > first => Some(self.messages as f64 / ((last - first).num_minutes().max(1) as f64 / (24.0 * 60.0)).max(1.0)),
            _ => None,
        };
        let mut stages: Vec<Stage> = Vec::new();
        for stage in self.seen.iter().filter_map(|s| Stage::of(s.signal)) {
            if !stages.contains(&stage) {
                stages.push(stage);
            }
        }
        let sexual_request = self.seen.iter().filter(|s| matches!(s.signal, Signal::SexualTalk | Signal::ImageRequest)).filter_map(|s| s.first_seen).min();
        let events: Vec<(Event, usize)> = self.events.into_iter().collect();
        Person {
            name: name.to_string(),
            is_me: self.is_me,
            messages: self.messages,
            level: conversation_level(self.level, &stages, &events),
            signals: self.seen,
            stages,
            events,
            minutes_to_sexual_request: self.first_time.zip(sexual_request).map(|(first, request)| (request - first).num_minutes()),
            messages_per_day,
            summary: String::new(),
        }
    }
}

/// A contact's level: the most serious message, raised by what builds up over the conversation.
///
/// - Danger: sexual talk or image requests together with isolation (secrecy, another app).
/// - At least warning: three or more stages, or a disappearing timer or deleted messages
///   beside any stage.
fn conversation_level(messages: Level, stages: &[Stage], events: &[(Event, usize)]) -> Level {
    let has = |stage: Stage| stages.contains(&stage);
    let hiding = events.iter().any(|(event, _)| matches!(event, Event::DisappearingTimer | Event::Deleted | Event::ViewOnce));
    if (has(Stage::Sexual) || has(Stage::Images)) && has(Stage::Isolation) {
        Level::Danger
    } else if stages.len() >= 3 || (hiding && !stages.is_empty()) {
        messages.max(Level::Warning)
    } else {
        messages
    }
}

/// The text up to `max` bytes, cut at a character boundary.
/// The language most messages were in; with no votes or a tie at the top, the fallback language.
fn most_voted(votes: &[usize]) -> Language {
    let best = votes.iter().copied().max().unwrap_or(0);
    let mut top = Language::all().iter().zip(votes).filter(|(_, &n)| n == best && n > 0);
    match (top.next(), top.next()) {
        (Some((&language, _)), None) => language,
        _ => Language::fallback(),
    }
}

fn cut(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}

/// The summary: no signs, one stage, or from the first stage to the others, with how long it took.
fn summary(language: Language, person: &Person, chat: &Chat) -> String {
    let texts = texts(language);
    if person.is_me {
        return texts.me.clone();
    }
    let (name, seen) = (person.name.as_str(), &person.signals);
    let phrase = |stage: &Stage| texts.stages.get(stage.as_str()).cloned().unwrap_or_default();
    match person.stages.as_slice() {
        [] => texts.none.replace("{name}", name),
        [only] => texts.one.replace("{name}", name).replace("{from}", &phrase(only)),
        [first, rest @ ..] => {
            let mut to: Vec<String> = rest.iter().map(phrase).collect();
            let last = to.pop().unwrap_or_default();
            let to = if to.is_empty() { last } else { format!("{} {} {last}", to.join(", "), texts.and) };
            let first_seen =
                |stage: Stage| seen.iter().filter(|s| Stage::of(s.signal) == Some(stage)).filter_map(|s| chat.message(s.first_index).local_time).min();
            let span = first_seen(*first).zip(rest.iter().filter_map(|&s| first_seen(s)).max()).map(|(a, b)| duration(texts, (b - a).num_minutes().max(1)));
            match span {
                Some(span) => texts.several.replace("{name}", name).replace("{span}", &span).replace("{from}", &phrase(first)).replace("{to}", &to),
                None => texts.one.replace("{name}", name).replace("{from}", &format!("{} {} {to}", phrase(first), texts.and)),
            }
        }
    }
}

/// "3 days", "1 hour", "20 minuten", rounded as people count: 62 hours is 3 days.
fn duration(texts: &Texts, minutes: i64) -> String {
    let (count, unit) = if minutes < 120 {
        (minutes, &texts.minutes)
    } else if minutes < 48 * 60 {
        ((minutes + 30) / 60, &texts.hours)
    } else {
        ((minutes + 12 * 60) / (24 * 60), &texts.days)
    };
    format!("{count} {}", if count == 1 { &unit[0] } else { &unit[1] })
}

/// The summary texts of `language` (`[chat]` of `content/strings/<code>.toml`).
pub(super) fn texts(language: Language) -> &'static Texts {
    &crate::strings::strings(language).chat
}

/// What `limitation` means, in one plain sentence in `language`.
pub fn limitation_text(limitation: Limitation, language: Language) -> &'static str {
    texts(language).limitations.get(limitation.as_str()).map_or("", String::as_str)
}

/// Checks the summary texts: every language has them, with a phrase for every stage and a
/// sentence for every limitation.
pub(crate) fn lint(issues: &mut Vec<crate::content::LintIssue>) {
    const STAGES: [Stage; 6] = [Stage::Trust, Stage::Isolation, Stage::Sexual, Stage::Images, Stage::Coercion, Stage::Exploitation];
    for &language in Language::all() {
        let texts = texts(language);
        let mut issue = |message: String| issues.push(crate::content::LintIssue { file: crate::strings::file_of(language), message });
        for stage in STAGES.iter().filter(|s| !texts.stages.contains_key(s.as_str())) {
            issue(format!("chat.stages: no phrase for the stage {}", stage.as_str()));
        }
        for id in texts.stages.keys().filter(|id| !STAGES.iter().any(|s| s.as_str() == id.as_str())) {
            issue(format!("chat.stages: '{id}' is not a stage"));
        }
        for limitation in Limitation::ALL.iter().filter(|l| !texts.limitations.contains_key(l.as_str())) {
            issue(format!("chat.limitations: no sentence for the limitation {}", limitation.as_str()));
        }
        for id in texts.limitations.keys().filter(|id| !Limitation::ALL.iter().any(|l| l.as_str() == id.as_str())) {
            issue(format!("chat.limitations: '{id}' is not a limitation"));
        }
    }
}
