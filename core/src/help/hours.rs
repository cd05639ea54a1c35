//! Opening hours: when a channel answers, in its own time zone, across midnight, clock changes
//! and public holidays.

use super::HolidayPolicy;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use std::fmt;

/// Minutes in a day; `24:00` as a closing time.
const DAY: u16 = 24 * 60;

/// A weekly opening period: on each of `days`, from `open` to `close`, in minutes after midnight.
/// A `close` not after `open` runs past midnight into the next day (19:00–06:00).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The days the period starts on.
    pub days: Vec<Weekday>,
    /// It also starts on public holidays (day `hol`), for a service with its own holiday hours.
    pub holidays: bool,
    /// Opening time, minutes after midnight (0..1440).
    pub open: u16,
    /// Closing time, minutes after midnight (0..=1440).
    pub close: u16,
}

/// When a channel can be reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hours {
    /// Day and night, every day.
    Always,
    /// In weekly periods, except on known closed dates (no period starts on those dates); public
    /// holidays follow the service's [`HolidayPolicy`].
    Schedule {
        /// The weekly periods it is open in.
        periods: Vec<Period>,
        /// Dates on which it stays closed.
        closed_dates: Vec<NaiveDate>,
    },
    /// No source gives the hours.
    Unknown,
}

/// Whether a channel answers at a given moment; times are in the asker's own offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Open now, until the given time (`None`: day and night).
    Open {
        /// When it closes.
        until: Option<DateTime<FixedOffset>>,
    },
    /// Closed now; opens next at the given time (`None`: not in the coming week).
    Closed {
        /// When it opens next.
        next_open: Option<DateTime<FixedOffset>>,
    },
    /// The hours are not known.
    Unknown,
}

impl Availability {
    /// `Some(true)` when open, `Some(false)` when closed, `None` when the hours are not known.
    pub fn open_now(&self) -> Option<bool> {
        match self {
            Availability::Open { .. } => Some(true),
            Availability::Closed { .. } => Some(false),
            Availability::Unknown => None,
        }
    }

    /// When a closed channel opens next.
    pub fn next_open(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Availability::Closed { next_open } => *next_open,
            _ => None,
        }
    }
}

impl Period {
    /// Parses day names (`mon`..`sun`, and `hol` for public holidays) and `HH:MM` times; `24:00` is
    /// allowed as a closing time.
    pub fn parse(days: &[String], open: &str, close: &str) -> Result<Period, String> {
        if days.is_empty() {
            return Err("a schedule period has no days".into());
        }
        let holidays = days.iter().any(|d| d == "hol");
        let days = days
            .iter()
            .filter(|d| *d != "hol")
            .map(|d| {
                d.parse::<Weekday>().ok().filter(|w| *d == w.to_string().to_lowercase()).ok_or(format!("'{d}' is not a day: use mon, tue, ... sun, or hol"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (open, close) = (minutes(open, false)?, minutes(close, true)?);
        if open == close {
            return Err(format!("a period opens and closes at the same time ({})", hhmm(open)));
        }
        Ok(Period { days, holidays, open, close })
    }

    fn overnight(&self) -> bool {
        self.close <= self.open
    }

    /// Whether the period, started on `day`, covers minute `minute` of `day` or (overnight) of the next day.
    fn covers(&self, starts: impl Fn(NaiveDate) -> bool, day: NaiveDate, minute: u16) -> bool {
        let today = starts(day) && minute >= self.open && (self.overnight() || minute < self.close);
        let from_yesterday = self.overnight() && minute < self.close && day.pred_opt().is_some_and(&starts);
        today || from_yesterday
    }
}

fn minutes(text: &str, closing: bool) -> Result<u16, String> {
    let bad = || format!("'{text}' is not a time: use HH:MM between 00:00 and 23:59{}", if closing { ", or 24:00" } else { "" });
    let (h, m) = text.split_once(':').filter(|(h, m)| h.len() == 2 && m.len() == 2).ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match h * 60 + m {
        t if h < 24 && m < 60 => Ok(t),
        DAY if closing && m == 0 => Ok(DAY),
        _ => Err(bad()),
    }
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut days: Vec<String> = self.days.iter().map(|d| d.to_string().to_lowercase()).collect();
        days.extend(self.holidays.then(|| "hol".to_string()));
        write!(f, "{} {}-{}", days.join(","), hhmm(self.open), hhmm(self.close))
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hours::Always => f.write_str("always"),
            Hours::Unknown => f.write_str("hours unknown"),
            Hours::Schedule { periods, .. } => {
                let periods: Vec<String> = periods.iter().map(Period::to_string).collect();
                f.write_str(&periods.join("; "))
            }
        }
    }
}

/// The public holidays around a moment and how a service treats them.
#[derive(Debug, Clone, Copy)]
pub struct OnHolidays<'a> {
    /// Public holidays near the moment (a few days before to a week after is enough).
    pub dates: &'a [NaiveDate],
    /// What the service does on them.
    pub policy: HolidayPolicy,
}

impl Hours {
    /// Whether the channel answers at `now`, with the hours read in time zone `tz` and public
    /// holidays treated as `holidays` says. Round-the-clock lines are open on holidays too.
    pub fn availability(&self, tz: Tz, holidays: OnHolidays, now: DateTime<FixedOffset>) -> Availability {
        let in_asker_offset = |t: DateTime<Utc>| t.with_timezone(now.offset());
        match self {
            Hours::Always => Availability::Open { until: None },
            Hours::Unknown => Availability::Unknown,
            Hours::Schedule { periods, closed_dates } => {
                let schedule = Schedule { tz, periods, closed_dates, holidays };
                let now = now.with_timezone(&Utc);
                if schedule.hours_unknown_on(now.with_timezone(&tz).date_naive()) {
                    Availability::Unknown
                } else if schedule.open_at(now) {
                    Availability::Open { until: schedule.next_change(now, false).map(in_asker_offset) }
                } else {
                    Availability::Closed { next_open: schedule.next_change(now, true).map(in_asker_offset) }
                }
            }
        }
    }
}

struct Schedule<'a> {
    tz: Tz,
    periods: &'a [Period],
    closed_dates: &'a [NaiveDate],
    holidays: OnHolidays<'a>,
}

impl Schedule<'_> {
    /// A public holiday on which no source says whether the service is open.
    fn hours_unknown_on(&self, day: NaiveDate) -> bool {
        self.holidays.policy == HolidayPolicy::Unknown && self.holidays.dates.contains(&day)
    }

    /// Whether period `p` starts on `day`.
    fn starts(&self, p: &Period, day: NaiveDate) -> bool {
        let holiday = self.holidays.dates.contains(&day);
        let weekly = p.days.contains(&day.weekday());
        let starts = match self.holidays.policy {
            HolidayPolicy::AsUsual => weekly,
            HolidayPolicy::Closed | HolidayPolicy::Unknown => weekly && !holiday,
            HolidayPolicy::OwnHours if holiday => p.holidays,
            HolidayPolicy::OwnHours => weekly,
        };
        starts && !self.closed_dates.contains(&day)
    }

    /// Open at instant `t`: read the wall clock in the zone, so clock changes need no special case.
    fn open_at(&self, t: DateTime<Utc>) -> bool {
        let local = t.with_timezone(&self.tz).naive_local();
        let minute = (local.hour() * 60 + local.minute()) as u16;
        self.periods.iter().any(|p| p.covers(|d| self.starts(p, d), local.date(), minute))
    }

    /// The first instant after `now` at which the channel is open (`to_open`) or closed, within a week.
    fn next_change(&self, now: DateTime<Utc>, to_open: bool) -> Option<DateTime<Utc>> {
        let today = now.with_timezone(&self.tz).date_naive();
        let mut best: Option<DateTime<Utc>> = None;
        // A period that opened yesterday opened before now; one that closes today may have started yesterday.
        let first_day = if to_open { 0 } else { -1 };
        for offset in first_day..=7 {
            let day = today + TimeDelta::days(offset);
            // Past a holiday with unknown hours, the next opening is not known either.
            if best.is_some_and(|b| b.with_timezone(&self.tz).date_naive() < day) || (to_open && self.hours_unknown_on(day)) {
                break;
            }
            for p in self.periods.iter().filter(|p| self.starts(p, day)) {
                let edge = match (to_open, p.overnight()) {
                    (true, _) => p.open as i64,
                    (false, true) => (DAY + p.close) as i64,
                    (false, false) => p.close as i64,
                };
                let Some(t) = first_instant(self.tz, day.and_time(chrono::NaiveTime::MIN) + TimeDelta::minutes(edge)) else {
                    continue;
                };
                if t > now && self.open_at(t) == to_open && best.is_none_or(|b| t < b) {
                    best = Some(t);
                }
            }
        }
        best
    }
}

/// The first instant at which the wall clock in `tz` reads `local` or later: the local time itself,
/// its earlier occurrence when the clock goes back, or the end of the gap when the clock jumps forward.
fn first_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    (0..=180).find_map(|m| tz.from_local_datetime(&(local + TimeDelta::minutes(m))).earliest()).map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    const AS_USUAL: OnHolidays = OnHolidays { dates: &[], policy: HolidayPolicy::AsUsual };

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn every_day(open: &str, close: &str) -> Hours {
        let days: Vec<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(String::from).to_vec();
        Hours::Schedule { periods: vec![Period::parse(&days, open, close).unwrap()], closed_dates: vec![] }
    }

    fn days(names: &[&str]) -> Vec<String> {
        names.iter().map(|d| d.to_string()).collect()
    }

    fn weekdays(open: &str, close: &str) -> Hours {
        let days: Vec<String> = ["mon", "tue", "wed", "thu", "fri"].map(String::from).to_vec();
        Hours::Schedule { periods: vec![Period::parse(&days, open, close).unwrap()], closed_dates: vec![] }
    }

    #[test]
    fn a_night_chat_is_open_across_midnight_and_closed_in_the_day() {
        let night = every_day("19:00", "06:00");
        assert_eq!(
            night.availability(Amsterdam, AS_USUAL, at("2026-12-01T23:30:00+01:00")),
            Availability::Open { until: Some(at("2026-12-02T06:00:00+01:00")) }
        );
        assert_eq!(night.availability(Amsterdam, AS_USUAL, at("2026-12-02T05:59:00+01:00")).open_now(), Some(true));
        assert_eq!(
            night.availability(Amsterdam, AS_USUAL, at("2026-12-02T06:00:00+01:00")),
            Availability::Closed { next_open: Some(at("2026-12-02T19:00:00+01:00")) }
        );
    }

    #[test]
    fn weekends_are_closed_until_monday_and_next_open_is_in_the_askers_offset() {
        let office = weekdays("09:00", "17:00");
        // Saturday noon in New York is Saturday 18:00 in Amsterdam: closed until Monday 09:00 there.
        let closed = office.availability(Amsterdam, AS_USUAL, at("2026-12-05T12:00:00-05:00"));
        assert_eq!(closed, Availability::Closed { next_open: Some(at("2026-12-07T03:00:00-05:00")) });
        assert_eq!(closed.next_open().unwrap().offset().local_minus_utc(), -5 * 3600);
        // Friday 16:59 is open until 17:00; Friday 17:00 is closed until Monday.
        assert_eq!(office.availability(Amsterdam, AS_USUAL, at("2026-12-04T16:59:00+01:00")).open_now(), Some(true));
        assert_eq!(office.availability(Amsterdam, AS_USUAL, at("2026-12-04T17:00:00+01:00")).next_open(), Some(at("2026-12-07T09:00:00+01:00")));
    }

    #[test]
    fn clock_changes_keep_wall_clock_hours() {
        let night = every_day("19:00", "06:00");
        // 29 March 2026: clocks jump from 02:00 CET to 03:00 CEST; the chat still closes at 06:00 CEST.
        assert_eq!(night.availability(Amsterdam, AS_USUAL, at("2026-03-29T01:30:00+01:00")).open_now(), Some(true));
        assert_eq!(
            night.availability(Amsterdam, AS_USUAL, at("2026-03-29T05:30:00+02:00")),
            Availability::Open { until: Some(at("2026-03-29T06:00:00+02:00")) }
        );
        assert_eq!(night.availability(Amsterdam, AS_USUAL, at("2026-03-29T04:30:00+00:00")).open_now(), Some(false));
        // 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET; the chat closes at 06:00 CET.
        assert_eq!(
            night.availability(Amsterdam, AS_USUAL, at("2026-10-25T05:30:00+01:00")),
            Availability::Open { until: Some(at("2026-10-25T06:00:00+01:00")) }
        );
        assert_eq!(night.availability(Amsterdam, AS_USUAL, at("2026-10-25T05:30:00+00:00")).next_open(), Some(at("2026-10-25T18:00:00+00:00")));
        // Office hours the day after the change open at 09:00 in the new offset.
        let office = weekdays("09:00", "17:00");
        assert_eq!(office.availability(Amsterdam, AS_USUAL, at("2026-03-29T12:00:00+02:00")).next_open(), Some(at("2026-03-30T09:00:00+02:00")));
        assert_eq!(office.availability(Amsterdam, AS_USUAL, at("2026-10-25T12:00:00+01:00")).next_open(), Some(at("2026-10-26T09:00:00+01:00")));
    }

    #[test]
    fn an_opening_time_inside_the_spring_gap_opens_when_the_clock_jumps() {
        let early = every_day("02:30", "08:00");
        assert_eq!(early.availability(Amsterdam, AS_USUAL, at("2026-03-29T01:00:00+01:00")).next_open(), Some(at("2026-03-29T03:00:00+02:00")));
    }

    #[test]
    fn closed_dates_skip_the_periods_starting_that_day() {
        let days: Vec<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(String::from).to_vec();
        let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        let hours = Hours::Schedule { periods: vec![Period::parse(&days, "11:00", "21:00").unwrap()], closed_dates: vec![christmas] };
        assert_eq!(hours.availability(Amsterdam, AS_USUAL, at("2026-12-25T12:00:00+01:00")).next_open(), Some(at("2026-12-26T11:00:00+01:00")));
    }

    #[test]
    fn midnight_close_and_whole_days() {
        let late = every_day("08:00", "24:00");
        assert_eq!(
            late.availability(Amsterdam, AS_USUAL, at("2026-12-01T23:59:00+01:00")),
            Availability::Open { until: Some(at("2026-12-02T00:00:00+01:00")) }
        );
        let whole = every_day("00:00", "24:00");
        assert_eq!(whole.availability(Amsterdam, AS_USUAL, at("2026-12-01T12:00:00+01:00")).open_now(), Some(true));
    }

    #[test]
    fn impossible_times_are_rejected() {
        let days = vec!["mon".to_string()];
        for (open, close) in
            [("25:00", "17:00"), ("09:60", "17:00"), ("24:00", "17:00"), ("9:00", "17:00"), ("09:00", "24:30"), ("09:00", "09:00"), ("ab:cd", "17:00")]
        {
            assert!(Period::parse(&days, open, close).is_err(), "{open}-{close}");
        }
        assert!(Period::parse(&["monday".to_string()], "09:00", "17:00").is_err());
        assert!(Period::parse(&[], "09:00", "17:00").is_err());
    }

    #[test]
    fn public_holidays_follow_the_policy() {
        let christmas = [NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()];
        let office = weekdays("09:00", "17:00");
        let on = |policy| OnHolidays { dates: &christmas, policy };
        let friday_noon = at("2026-12-25T12:00:00+01:00");
        assert_eq!(office.availability(Amsterdam, on(HolidayPolicy::AsUsual), friday_noon).open_now(), Some(true));
        assert_eq!(
            office.availability(Amsterdam, on(HolidayPolicy::Closed), friday_noon),
            Availability::Closed { next_open: Some(at("2026-12-28T09:00:00+01:00")) }
        );
        assert_eq!(office.availability(Amsterdam, on(HolidayPolicy::Unknown), friday_noon), Availability::Unknown);
        // The evening before a holiday with unknown hours: the next opening is not known either.
        assert_eq!(office.availability(Amsterdam, on(HolidayPolicy::Unknown), at("2026-12-24T18:00:00+01:00")), Availability::Closed { next_open: None });
        assert_eq!(
            office.availability(Amsterdam, on(HolidayPolicy::Closed), at("2026-12-24T16:00:00+01:00")),
            Availability::Open { until: Some(at("2026-12-24T17:00:00+01:00")) }
        );
    }

    #[test]
    fn own_holiday_hours_weekends_and_holidays_nine_to_five() {
        let hours = Hours::Schedule {
            periods: vec![
                Period::parse(&days(&["mon", "tue", "wed", "thu", "fri"]), "08:00", "22:00").unwrap(),
                Period::parse(&days(&["sat", "sun", "hol"]), "09:00", "17:00").unwrap(),
            ],
            closed_dates: vec![],
        };
        let easter_monday = [NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()];
        let on = OnHolidays { dates: &easter_monday, policy: HolidayPolicy::OwnHours };
        assert_eq!(
            hours.availability(Amsterdam, on, at("2026-04-06T18:00:00+02:00")),
            Availability::Closed { next_open: Some(at("2026-04-07T08:00:00+02:00")) }
        );
        assert_eq!(hours.availability(Amsterdam, on, at("2026-04-06T10:00:00+02:00")), Availability::Open { until: Some(at("2026-04-06T17:00:00+02:00")) });
        assert_eq!(hours.availability(Amsterdam, on, at("2026-04-07T18:00:00+02:00")).open_now(), Some(true));
        assert_eq!(hours.to_string(), "mon,tue,wed,thu,fri 08:00-22:00; sat,sun,hol 09:00-17:00");
    }
}
