//! The core's own ids and records, exposed as they are with `#[uniffi::remote]`: no copies and
//! no conversions. Each block restates a core definition for uniffi; the generated converters
//! match every variant and field, so a core type that changes without its block here does not
//! compile. A `use … as` gives a type the name the apps
//! have always seen (`JournalContact` for `journal::Contact`).

use baken_core::chat::{Event as ChatEvent, Format as ChatFormat, Limitation as ExportLimitation, Stage as ChatStage};
use baken_core::checklist::{
    AnswerOption as ChecklistAnswerOption, Audience as ChecklistAudience, Checklist, ChecklistResult, Question as ChecklistQuestion,
    SeenSignal as ChecklistSignal, Situation as ChecklistSituation, Source as QuestionSource, SourceKind,
};
use baken_core::help::{Asker, ChannelKind as HelpChannel, Topic};
use baken_core::journal::{
    Attachment as JournalAttachment, AttachmentInfo as JournalAttachmentInfo, BrokenLink, Contact as JournalContact, DamagedEntry as DamagedJournalEntry,
    EntryKind, NewAttachment as NewJournalAttachment, NewEntry as NewJournalEntry, PasscodeWarning, Remembered as RememberedJournal, ReportSummary, SafetyPlan,
    TrustedAdult, Verification as JournalVerification,
};
use baken_core::language::Language as CoreLanguage;
use baken_core::library::{ArticleTopic, Audience, Source as ArticleSource, TopicName as LibraryTopic, WarningSign};
use baken_core::signal::{Level, Signal};
use baken_core::signal_text::SignalText as SignalExplanation;
use baken_core::strings::LevelText;

/// What a contact does that can be a warning sign.
#[uniffi::remote(Enum)]
pub enum Signal {
    Secrecy,
    Isolation,
    PlatformSwitch,
    PersonalInfo,
    Flattery,
    SexualTalk,
    ImageRequest,
    GiftsMoney,
    Meeting,
    Threat,
    PaymentDemand,
    Pressure,
    Recruitment,
    DebtBondage,
    Exploitation,
    Control,
}

/// How serious a result is, lowest first; `Danger` means act now.
#[uniffi::remote(Enum)]
pub enum Level {
    None,
    Caution,
    Warning,
    Danger,
}

/// A content language. `parse_language` reads a tag such as `nl-BE` or `en_GB`.
///
/// In the core a language is data (`content/languages.toml`); the apps get the shipped ones as an
/// enum to switch over. A new shipped language adds its case here and nothing else in the
/// bindings: the conversions go by code, and a test checks that the cases and the bundled
/// languages are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Language {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Language {
    /// Every case.
    const ALL: [Language; 2] = [Language::Nl, Language::En];

    /// The code of the core language this case stands for.
    fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }
}

impl From<Language> for CoreLanguage {
    fn from(language: Language) -> CoreLanguage {
        language.code().parse().expect("every case is a bundled language (test every_case_is_a_bundled_language)")
    }
}

impl From<CoreLanguage> for Language {
    fn from(language: CoreLanguage) -> Language {
        *Language::ALL.iter().find(|case| case.code() == language.code()).expect("every bundled language has a case (test every_case_is_a_bundled_language)")
    }
}

// Records of the core that hold a core language cross as this enum (in Kotlin and Swift a type
// alias `CoreLanguage` of `Language`).
uniffi::custom_type!(CoreLanguage, Language, { remote, lower: |language| language.into(), try_lift: |language| Ok(language.into()) });

/// Who an article is written for.
#[uniffi::remote(Enum)]
pub enum Audience {
    Teen,
    Parent,
    Professional,
}

/// What an article is about.
#[uniffi::remote(Enum)]
pub enum ArticleTopic {
    Grooming,
    Sextortion,
    Exploitation,
    Recruitment,
    ImageAbuse,
    CoerciveControl,
    AfterHarm,
    Parenting,
    ProfessionalPractice,
}

/// What a person needs help with: a named kind of harm, or one of the warning signals.
#[uniffi::remote(Enum)]
pub enum Topic {
    /// Immediate danger to life or safety.
    Emergency,
    /// Online grooming.
    Grooming,
    /// Blackmail with images, for sex or for money.
    Sextortion,
    /// Sexual or criminal exploitation, the loverboy or pimp method.
    Exploitation,
    /// Human trafficking.
    Trafficking,
    /// Getting images or videos taken down.
    ImageRemoval,
    /// Online abuse in general: hacked accounts, fake profiles, bullying, stalking.
    OnlineAbuse,
    /// Rape and sexual assault.
    SexualViolence,
    /// Domestic violence and child abuse at home.
    DomesticViolence,
    /// Thoughts of suicide.
    Suicide,
    /// Support for victims of crime.
    VictimSupport,
    /// Missing children and runaways.
    MissingChild,
    /// People worried about their own sexual thoughts or behaviour towards children.
    OffenderPrevention,
    /// Anything: someone to talk to.
    General,
    /// One of the sixteen warning signals.
    #[uniffi(name = "ForSignal")]
    Signal(Signal),
}

/// Who asks for help. For a parent or a professional, the age given is the child's age.
#[uniffi::remote(Enum)]
pub enum Asker {
    Teen,
    Parent,
    Professional,
}

/// How a help service is reached.
#[uniffi::remote(Enum)]
pub enum HelpChannel {
    /// A phone call.
    Phone,
    /// A text message (SMS).
    Text,
    /// A live chat on a web page.
    Chat,
    /// A form on a web page.
    WebForm,
    /// An e-mail.
    Email,
    /// A web page or self-help tool.
    Website,
    /// A place to go to.
    WalkIn,
}

/// Who fills in the checklist.
#[uniffi::remote(Enum)]
pub enum ChecklistAudience {
    Teen,
    Parent,
}

/// The kind of a checklist question's source: a list of warning signs, or a validated screening
/// instrument.
#[uniffi::remote(Enum)]
pub enum SourceKind {
    WarningSigns,
    Instrument,
}

/// What a journal entry is about.
#[uniffi::remote(Enum)]
pub enum EntryKind {
    /// Something that happened.
    Incident,
    /// A note to self.
    Note,
    /// Who a contact is.
    Contact,
    /// Evidence such as a screenshot.
    Evidence,
}

/// The format of a chat export.
#[uniffi::remote(Enum)]
pub enum ChatFormat {
    /// WhatsApp "Export chat" text, Android layout.
    WhatsAppAndroid,
    /// WhatsApp "Export chat" text, iOS layout.
    WhatsAppIos,
    /// Telegram Desktop `result.json`.
    Telegram,
    /// Instagram / Meta "Download your information" `message_N.json`.
    Instagram,
    /// Pasted "Name: message" lines, without times.
    Plain,
}

/// A stage of how grooming and exploitation usually build up.
#[uniffi::remote(Enum)]
pub enum ChatStage {
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

/// What a line of a chat export is, besides text.
#[uniffi::remote(Enum)]
pub enum ChatEvent {
    /// A photo, video, voice note, sticker or file.
    Media,
    /// Media that could be seen only once.
    ViewOnce,
    /// A message deleted by its sender.
    Deleted,
    /// A missed or declined call.
    MissedCall,
    /// Disappearing messages or an auto-delete timer turned on or changed.
    DisappearingTimer,
    /// A screenshot was taken (Telegram).
    Screenshot,
    /// A notice of the app: encryption, security code, group changes.
    Notice,
}

/// Something a chat export cannot show.
#[uniffi::remote(Enum)]
pub enum ExportLimitation {
    /// Photos and videos were left out of the export.
    MediaOmitted,
    /// Messages were deleted before the export.
    DeletedMessages,
    /// View-once media cannot be exported.
    ViewOnceMedia,
    /// Disappearing messages were on: messages may be gone.
    DisappearingMessages,
    /// The times come from the phone's clock and zone and can be wrong.
    PhoneTimes,
    /// Older messages may be missing: exports are capped.
    OlderMessagesMayBeMissing,
    /// Whether dates are day-first or month-first could not be told; day-first was assumed.
    DateOrderAssumed,
    /// Times go backwards somewhere in the export.
    TimesOutOfOrder,
    /// Lines were found that belong to no sender and were kept as notices.
    UnattributedLines,
    /// Edited messages show only their last version.
    EditsNotShown,
    /// Nobody was named as "me", so every participant was scored, the teen too.
    MeUnknown,
}

/// Why a passcode is easy to guess for someone with a copy of the journal.
#[uniffi::remote(Enum)]
pub enum PasscodeWarning {
    /// Only digits, fewer than eight.
    FewDigits,
    /// Only digits, one repeated or counting up or down.
    Predictable,
}

/// What a signal means, for a teen.
#[uniffi::remote(Record)]
pub struct SignalExplanation {
    pub signal: Signal,
    pub language: CoreLanguage,
    pub title: String,
    pub what: String,
    pub why: String,
}

/// Where a checklist question comes from.
#[uniffi::remote(Record)]
pub struct LevelText {
    pub title: String,
    pub advice: String,
}

#[uniffi::remote(Record)]
pub struct QuestionSource {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    pub url: String,
    pub note: String,
}

/// One answer a question offers: the id to give back and the text to show.
#[uniffi::remote(Record)]
pub struct ChecklistAnswerOption {
    pub id: String,
    pub text: String,
}

/// One checklist question, in one language; `follows` names the question whose answer decides
/// whether this follow-up is asked.
#[uniffi::remote(Record)]
pub struct ChecklistQuestion {
    pub id: String,
    pub text: String,
    pub answers: Vec<ChecklistAnswerOption>,
    pub follows: Option<String>,
    pub sources: Vec<QuestionSource>,
}

/// A checklist in one language, with every question in order.
#[uniffi::remote(Record)]
pub struct Checklist {
    pub audience: ChecklistAudience,
    pub language: CoreLanguage,
    pub title: String,
    pub intro: String,
    pub questions: Vec<ChecklistQuestion>,
}

/// A signal the answers point to, how strongly, and what it means.
#[uniffi::remote(Record)]
pub struct ChecklistSignal {
    pub signal: Signal,
    pub weight: u32,
    pub explanation: SignalExplanation,
}

/// What to pass to help routing: the level and the signals seen, strongest first.
#[uniffi::remote(Record)]
pub struct ChecklistSituation {
    pub level: Level,
    pub signals: Vec<Signal>,
}

/// The outcome of a filled-in checklist: an indication, not a verdict.
#[uniffi::remote(Record)]
pub struct ChecklistResult {
    pub audience: ChecklistAudience,
    pub language: CoreLanguage,
    pub level: Level,
    pub headline: String,
    pub signals: Vec<ChecklistSignal>,
    pub advice: Vec<String>,
    pub articles: Vec<String>,
    pub situation: ChecklistSituation,
}

/// A page that backs an article.
#[uniffi::remote(Record)]
pub struct ArticleSource {
    pub title: String,
    pub url: String,
}

/// An article topic and its name in one language.
#[uniffi::remote(Record)]
pub struct LibraryTopic {
    pub topic: ArticleTopic,
    pub name: String,
}

/// A warning signal explained for a teenager, and the topics it is a sign of.
#[uniffi::remote(Record)]
pub struct WarningSign {
    pub signal: Signal,
    pub name: String,
    pub explanation: String,
    pub topics: Vec<LibraryTopic>,
}

/// The person a journal entry is about: a name or handle, and the app or platform.
#[uniffi::remote(Record)]
pub struct JournalContact {
    pub name: String,
    pub platform: Option<String>,
}

/// An attachment to add: its media type and its bytes (at most 20 MB).
#[uniffi::remote(Record)]
pub struct NewJournalAttachment {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// An entry to write, or the new content of an edited one. `happened_at` is RFC 3339 with an
/// offset; an edit keeps the earlier attachments.
#[uniffi::remote(Record)]
pub struct NewJournalEntry {
    pub kind: EntryKind,
    pub happened_at: String,
    pub contact: Option<JournalContact>,
    pub text: String,
    pub signals: Vec<Signal>,
    pub level: Option<Level>,
    pub tags: Vec<String>,
    pub attachments: Vec<NewJournalAttachment>,
}

/// A stored attachment without its bytes: id and SHA-256 in hexadecimal, size in bytes.
#[uniffi::remote(Record)]
pub struct JournalAttachmentInfo {
    pub id: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
}

/// A stored attachment with its bytes.
#[uniffi::remote(Record)]
pub struct JournalAttachment {
    pub info: JournalAttachmentInfo,
    pub bytes: Vec<u8>,
}

/// An entry that could not be read because a record was changed or damaged.
#[uniffi::remote(Record)]
pub struct DamagedJournalEntry {
    pub id: String,
    pub reason: String,
}

/// Someone the teen trusts, and how to reach them.
#[uniffi::remote(Record)]
pub struct TrustedAdult {
    pub name: String,
    pub contact: String,
}

/// The teen's safety plan.
#[uniffi::remote(Record)]
pub struct SafetyPlan {
    pub trusted_adults: Vec<TrustedAdult>,
    pub safe_places: Vec<String>,
    pub code_word: String,
    pub steps: Vec<String>,
}

/// What an evidence report holds: entries shown, earlier versions of edited entries (their old
/// text is in the appendix), and entries or attachments shown as damaged.
#[uniffi::remote(Record)]
pub struct ReportSummary {
    pub entries: u64,
    pub earlier_versions: u64,
    pub damaged: u64,
}

/// The first link of the integrity chain that does not check out.
#[uniffi::remote(Record)]
pub struct BrokenLink {
    pub index: u64,
    pub entry: Option<String>,
    pub reason: String,
}

/// What this phone remembers of the journal when the folder is older than that.
#[uniffi::remote(Record)]
pub struct RememberedJournal {
    pub links: u64,
    pub seal: String,
}

/// The result of checking the integrity chain and comparing it with what the phone remembers.
#[uniffi::remote(Record)]
pub struct JournalVerification {
    pub intact: bool,
    pub links: u64,
    pub head: String,
    pub seal: String,
    pub broken: Option<BrokenLink>,
    pub damaged_attachments: Vec<String>,
    pub rolled_back: Option<RememberedJournal>,
    pub shared_seal_missing: Option<String>,
    pub anchor_problem: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_is_a_bundled_language() {
        let bundled: Vec<&str> = CoreLanguage::all().iter().map(|l| l.code()).collect();
        assert_eq!(Language::ALL.map(Language::code).to_vec(), bundled);
        for case in Language::ALL {
            assert_eq!(Language::from(CoreLanguage::from(case)), case);
        }
    }
}
