//! `baken check`: the "Is this normal?" checklist, one question at a time in the terminal, or
//! scored from an answers file.

use baken_core::checklist::{self, Answers, Audience, ChecklistResult, Question};
use baken_core::language::Language;
use baken_core::strings::{fill, strings};
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "ANSWERS FILE: a JSON object of question id -> answer id, for example\n  \
    {\"known\": \"online_only\", \"age\": \"unknown\", \"duration\": \"weeks\", \"secrecy\": \"yes\", ...}\n\
    Every question that is asked needs an answer; follow-up questions only after their gate answer.\n\
    Without --answers, the questions are asked one at a time: type the number of your answer.")]
pub struct Args {
    /// Language of the questions and the result: nl or en.
    #[arg(long, default_value = "nl")]
    lang: String,
    /// The parent checklist: "I'm worried about my child".
    #[arg(long)]
    parent: bool,
    /// Score the answers in this JSON file instead of asking ("-" reads standard input).
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// Print the result as JSON (questions, when asked, go to standard error).
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let language: Language = args.lang.parse().map_err(|e| format!("{e}"))?;
    let audience = if args.parent { Audience::Parent } else { Audience::Teen };
    let answers = match &args.answers {
        Some(path) => read_answers(path)?,
        None if args.json => ask(audience, language, &mut io::stdin().lock(), &mut io::stderr())?,
        None => ask(audience, language, &mut io::stdin().lock(), &mut io::stdout())?,
    };
    let result = checklist::score(audience, language, &answers).map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string(&result).map_err(|e| e.to_string())?);
    } else {
        print!("{}", describe(&result, language));
    }
    Ok(())
}

/// Reads a JSON object of question id -> answer id.
fn read_answers(path: &PathBuf) -> Result<Answers, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::stdin(), &mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
    serde_json::from_slice(&bytes).map_err(|e| format!("{} is not a JSON object of question id -> answer id (both strings): {e}", path.display()))
}

/// Asks each question in turn until the checklist is complete.
fn ask(audience: Audience, language: Language, input: &mut impl BufRead, out: &mut impl Write) -> Result<Answers, String> {
    let write_err = |e: io::Error| format!("cannot write the questions: {e}");
    let list = checklist::checklist(audience, language).map_err(|e| e.to_string())?;
    writeln!(out, "{}\n{}\n", list.title, list.intro).map_err(write_err)?;
    let mut answers = Answers::new();
    let mut number = 0;
    while let Some(question) = checklist::next_question(audience, language, &answers).map_err(|e| e.to_string())? {
        number += 1;
        let answer = ask_one(number, &question, language, input, out)?;
        answers.insert(question.id, answer);
    }
    Ok(answers)
}

fn ask_one(number: usize, question: &Question, language: Language, input: &mut impl BufRead, out: &mut impl Write) -> Result<String, String> {
    let write_err = |e: io::Error| format!("cannot write the questions: {e}");
    writeln!(out, "{number}. {}", question.text).map_err(write_err)?;
    for (i, option) in question.answers.iter().enumerate() {
        writeln!(out, "   {}) {}", i + 1, option.text).map_err(write_err)?;
    }
    let count = question.answers.len();
    loop {
        write!(out, "> ").map_err(write_err)?;
        out.flush().map_err(write_err)?;
        let mut line = String::new();
        let read = input.read_line(&mut line).map_err(|e| format!("cannot read your answer: {e}"))?;
        if read == 0 {
            return Err(format!("no answer to question '{}': the input ended", question.id));
        }
        let typed = line.trim();
        let chosen = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| question.answers.get(i))
            .or_else(|| question.answers.iter().find(|a| a.id == typed));
        match chosen {
            Some(answer) => return Ok(answer.id.clone()),
            None => {
                let hint = fill(&strings(language).cli.answer_hint, &[("count", &count.to_string())]);
                writeln!(out, "{hint}").map_err(write_err)?;
            }
        }
    }
}

/// The result as text for the terminal.
fn describe(result: &ChecklistResult, language: Language) -> String {
    let words = &strings(language).cli;
    let [level, seen, todo, read, help] = [&words.result, &words.seen, &words.todo, &words.read_more, &words.find_help];
    let level_name = &words.levels[result.level.index()];
    let mut text = format!("\n{level}: {level_name}\n{}\n", result.headline);
    if !result.signals.is_empty() {
        text += &format!("\n{seen}:\n");
        for s in &result.signals {
            text += &format!("  - {}: {}\n    {}\n", s.explanation.title, s.explanation.what, s.explanation.why);
        }
    }
    text += &format!("\n{todo}:\n");
    for (i, step) in result.advice.iter().enumerate() {
        text += &format!("  {}. {step}\n", i + 1);
    }
    if !result.articles.is_empty() {
        text += &format!("\n{read}: {}\n", result.articles.join(", "));
    }
    text + &format!("\n{help}: baken route --country NL\n")
}
