//! Public holidays as data: per country, rules that give the dates of any year in [`YEARS`].
//!
//! A rule is a fixed date, a day counted from Easter Sunday (Gregorian computus), or the n-th
//! (or last) weekday of a month, optionally moved when it falls on a weekend: King's Day to the
//! Saturday before a Sunday, UK bank holidays to the next free weekday (substitute days), US
//! federal holidays to the nearest weekday (observed days). One-off changes by proclamation
//! (an extra bank holiday, a moved one) are listed per year. Every rule names its source.

use super::{Country, HelpError, YEARS};
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::Deserialize;

/// How a service treats public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayPolicy {
    /// Its hours do not change on public holidays (a source says so, such as "365 days a year").
    AsUsual,
    /// Closed on public holidays ("excluding bank holidays").
    Closed,
    /// On public holidays only the periods marked `hol` apply ("weekends and holidays 09–17").
    OwnHours,
    /// No source says: on a public holiday its hours are shown as unknown.
    Unknown,
}

/// One public holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The day it is kept, after any move.
    pub date: NaiveDate,
    /// Its name as the government writes it.
    pub name: String,
}

/// The public holidays of one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The country.
    pub country: Country,
    /// What the calendar covers (such as "England and Wales"), and what it does not.
    pub note: String,
    rules: Vec<Rule>,
    once: Vec<Once>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    name: String,
    when: When,
    moved: Move,
    since: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Fixed {
        month: u32,
        day: u32,
    },
    Easter(i64),
    /// The `nth` (1..=5, or -1 for the last) `weekday` of `month`.
    Nth {
        month: u32,
        weekday: Weekday,
        nth: i8,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Move {
    /// Kept on its date.
    Never,
    /// On a Sunday, kept the Saturday before (King's Day).
    SundayToSaturday,
    /// On a weekend, kept on the next weekday that is not already a holiday (UK substitute day).
    WeekendToNextFreeWeekday,
    /// On a Saturday kept the Friday before, on a Sunday the Monday after (US observed day).
    WeekendToNearestWeekday,
}

/// A one-off change in one year: an extra holiday, or a rule's holiday kept on another day.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Once {
    name: String,
    date: NaiveDate,
    replaces: Option<String>,
}

impl Calendar {
    /// The holidays of `year`, in date order; a typed error outside [`YEARS`].
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, HelpError> {
        in_range(year)?;
        let (first, last) = (NaiveDate::from_yo_opt(year, 1), NaiveDate::from_ymd_opt(year, 12, 31));
        Ok(first.zip(last).map(|(from, to)| self.between(from, to)).unwrap_or_default())
    }

    /// The holidays from `from` to `to`, both included, in date order. Years outside [`YEARS`]
    /// have none: callers check the range first.
    pub(super) fn between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Holiday> {
        let mut all: Vec<Holiday> =
            (from.year() - 1..=to.year() + 1).filter(|y| YEARS.contains(y)).flat_map(|y| self.kept_in(y)).filter(|h| (from..=to).contains(&h.date)).collect();
        all.sort_by_key(|h| h.date);
        all
    }

    /// The holidays the rules give for `year` (a moved day may fall in the year before).
    fn kept_in(&self, year: i32) -> Vec<Holiday> {
        let changes: Vec<&Once> = self.once.iter().filter(|o| o.date.year() == year).collect();
        let mut kept: Vec<Holiday> = changes.iter().map(|o| Holiday { date: o.date, name: o.name.clone() }).collect();
        let rules = self.rules.iter().filter(|r| r.since <= year && !changes.iter().any(|o| o.replaces.as_ref() == Some(&r.name)));
        let mut substitutes = Vec::new();
        for rule in rules {
            let Some(date) = rule.when.date(year) else { continue };
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let date = match (rule.moved, date.weekday()) {
                (Move::SundayToSaturday, Weekday::Sun) => date - TimeDelta::days(1),
                (Move::WeekendToNearestWeekday, Weekday::Sat) => date - TimeDelta::days(1),
                (Move::WeekendToNearestWeekday, Weekday::Sun) => date + TimeDelta::days(1),
                (Move::WeekendToNextFreeWeekday, _) if weekend => {
                    substitutes.push((date, rule.name.clone()));
                    continue;
                }
                _ => date,
            };
            kept.push(Holiday { date, name: rule.name.clone() });
        }
        substitutes.sort();
        for (date, name) in substitutes {
            let mut day = date;
            while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || kept.iter().any(|h| h.date == day) {
                day += TimeDelta::days(1);
            }
            kept.push(Holiday { date: day, name });
        }
        kept
    }
}

/// A typed error naming `year` when it is outside [`YEARS`].
pub(super) fn in_range(year: i32) -> Result<(), HelpError> {
    match YEARS.contains(&year) {
        true => Ok(()),
        false => Err(HelpError::YearOutOfRange(year)),
    }
}

impl When {
    fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            When::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            When::Easter(days) => easter(year).map(|e| e + TimeDelta::days(days)),
            When::Nth { month, weekday, nth } if nth > 0 => NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth as u8),
            When::Nth { month, weekday, .. } => {
                let next_month = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }?;
                let last = next_month.pred_opt()?;
                let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
                Some(last - TimeDelta::days(back as i64))
            }
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A calendar as written in a country file's `[holidays]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCalendar {
    country: String,
    note: String,
    #[serde(default)]
    day: Vec<RawRule>,
    #[serde(default)]
    once: Vec<RawOnce>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: String,
    /// `MM-DD` for a fixed date.
    date: Option<String>,
    /// Days after Easter Sunday (negative: before).
    easter: Option<i64>,
    /// With `weekday` and `nth`: the n-th weekday of this month.
    month: Option<u32>,
    weekday: Option<String>,
    nth: Option<i8>,
    #[serde(default = "never")]
    moved: Move,
    since: Option<i32>,
    source: Option<String>,
    verified_on: Option<String>,
}

fn never() -> Move {
    Move::Never
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOnce {
    name: String,
    date: String,
    replaces: Option<String>,
    source: Option<String>,
    verified_on: Option<String>,
}

impl RawCalendar {
    /// Validates the calendar, naming every problem.
    pub(super) fn check(self, problems: &mut Vec<String>) -> Option<Calendar> {
        let country = self.country.parse::<Country>().map_err(|e| problems.push(e.to_string())).ok();
        let mut rules = Vec::new();
        for raw in self.day {
            let name = raw.name.clone();
            match raw.rule() {
                Ok(rule) => rules.push(rule),
                Err(e) => problems.push(format!("holiday '{name}': {e}")),
            }
        }
        let mut once = Vec::new();
        for raw in self.once {
            let mut own = Vec::new();
            sourced(raw.source.as_deref(), raw.verified_on.as_deref(), &mut own);
            let date = NaiveDate::parse_from_str(&raw.date, "%Y-%m-%d").map_err(|_| own.push(format!("date '{}' is not YYYY-MM-DD", raw.date))).ok();
            if let Some(replaced) = raw.replaces.as_ref().filter(|r| !rules.iter().any(|rule: &Rule| &rule.name == *r)) {
                own.push(format!("replaces '{replaced}', which is not a holiday of this calendar"));
            }
            match (date, own.is_empty()) {
                (Some(date), true) => once.push(Once { name: raw.name, date, replaces: raw.replaces }),
                _ => problems.extend(own.into_iter().map(|p| format!("holiday '{}': {p}", raw.name))),
            }
        }
        if rules.is_empty() {
            problems.push("a holiday calendar without holidays".into());
        }
        Some(Calendar { country: country?, note: self.note, rules, once })
    }
}

impl RawRule {
    fn rule(self) -> Result<Rule, String> {
        let mut problems = Vec::new();
        sourced(self.source.as_deref(), self.verified_on.as_deref(), &mut problems);
        let when = match (self.date.as_deref(), self.easter, self.month, self.weekday.as_deref(), self.nth) {
            (Some(md), None, None, None, None) => fixed(md),
            (None, Some(days), None, None, None) => Ok(When::Easter(days)),
            (None, None, Some(month @ 1..=12), Some(day), Some(nth @ (-1 | 1..=5))) => match day.parse::<Weekday>() {
                Ok(weekday) if day.len() == 3 => Ok(When::Nth { month, weekday, nth }),
                _ => Err(format!("'{day}' is not a day: use mon, tue, ... sun")),
            },
            _ => Err("give one of: date = \"MM-DD\"; easter = days; month, weekday and nth (1 to 5, or -1 for the last)".into()),
        };
        let when = when.map_err(|e| problems.push(e)).ok();
        match (when, problems.is_empty()) {
            (Some(when), true) => Ok(Rule { name: self.name, when, moved: self.moved, since: self.since.unwrap_or(*YEARS.start()) }),
            _ => Err(problems.join("; ")),
        }
    }
}

fn fixed(md: &str) -> Result<When, String> {
    let bad = || format!("date '{md}' is not MM-DD");
    let (m, d) = md.split_once('-').filter(|(m, d)| m.len() == 2 && d.len() == 2).ok_or_else(bad)?;
    let (month, day): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    // 2016 is a leap year, so 02-29 is accepted; a year without it simply has no such holiday.
    NaiveDate::from_ymd_opt(2016, month, day).map(|_| When::Fixed { month, day }).ok_or_else(bad)
}

/// Every holiday rule names its source and the day it was checked.
fn sourced(source: Option<&str>, verified_on: Option<&str>, problems: &mut Vec<String>) {
    if !source.is_some_and(|s| s.starts_with("https://") || s.starts_with("http://")) {
        problems.push("no source address".into());
    }
    if verified_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).is_none() {
        problems.push("no verified_on date (YYYY-MM-DD)".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sundays_match_known_dates() {
        for (year, month, day) in [(2014, 4, 20), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2038, 4, 25), (2285, 3, 22), (2200, 4, 6)] {
            assert_eq!(easter(year), NaiveDate::from_ymd_opt(year, month, day), "{year}");
        }
    }

    #[test]
    fn the_last_weekday_of_a_month() {
        let last_monday_of_may = When::Nth { month: 5, weekday: Weekday::Mon, nth: -1 };
        assert_eq!(last_monday_of_may.date(2026), NaiveDate::from_ymd_opt(2026, 5, 25));
        let last_monday_of_august = When::Nth { month: 8, weekday: Weekday::Mon, nth: -1 };
        assert_eq!(last_monday_of_august.date(2026), NaiveDate::from_ymd_opt(2026, 8, 31));
        let last_friday_of_december = When::Nth { month: 12, weekday: Weekday::Fri, nth: -1 };
        assert_eq!(last_friday_of_december.date(2026), NaiveDate::from_ymd_opt(2026, 12, 25));
    }

    #[test]
    fn years_outside_the_range_are_typed_errors_naming_the_year() {
        assert_eq!(in_range(1899), Err(HelpError::YearOutOfRange(1899)));
        assert!(HelpError::YearOutOfRange(2201).to_string().contains("2201"));
        assert_eq!(in_range(2200), Ok(()));
    }
}
