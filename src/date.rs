//! ISO 8601 calendar dates as used by documents (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and
//! by the term dates of the people lexicon.

use std::fmt;

/// A day as `yyyymmdd`, so that ordering is numeric ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(u32);

impl Day {
    pub fn new(year: u32, month: u32, day: u32) -> Day {
        Day(year * 10_000 + month * 100 + day)
    }

    pub fn year(self) -> u32 {
        self.0 / 10_000
    }

    pub fn month(self) -> u32 {
        self.0 / 100 % 100
    }

    /// The Monday that starts this day's ISO week (possibly in the month or year before).
    ///
    /// ```
    /// use stancer::date::Day;
    /// assert_eq!(Day::new(2025, 5, 10).monday().to_string(), "2025-05-05");
    /// assert_eq!(Day::new(2027, 1, 1).monday().to_string(), "2026-12-28");
    /// ```
    pub fn monday(self) -> Day {
        let days = days_from_civil(self.year() as i64, self.month() as i64, (self.0 % 100) as i64);
        // 1970-01-01 was a Thursday: three days after a Monday.
        let monday = days - (days + 3).rem_euclid(7);
        civil_from_days(monday)
    }
}

// Howard Hinnant's days-from-civil and back (proleptic Gregorian): two small formulas
// are all the week buckets need, not a calendar crate.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Day {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Day::new(y as u32, m as u32, d as u32)
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0 / 10_000,
            self.0 / 100 % 100,
            self.0 % 100
        )
    }
}

/// A possibly partial date: "2025" covers the whole year, so it is kept as the
/// first and last day it can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: Day,
    pub last: Day,
}

impl DateRange {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a longer ISO timestamp keeps its date part.
    ///
    /// ```
    /// use stancer::date::DateRange;
    /// let may = DateRange::parse("2025-05").unwrap();
    /// assert_eq!(may.first.to_string(), "2025-05-01");
    /// assert_eq!(may.last.to_string(), "2025-05-31");
    /// assert!(DateRange::parse("2025-13-01").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<DateRange, String> {
        let text = text.trim();
        let date_part = match text.find(['T', ' ']) {
            Some(i) if i >= 10 => &text[..i],
            _ => text,
        };
        let parts: Vec<&str> = date_part.split('-').collect();
        let bad = || format!("invalid date {text:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        let number = |s: &str, len: usize| -> Result<u32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = number(parts.first().copied().unwrap_or(""), 4)?;
        match parts.len() {
            1 => Ok(DateRange {
                first: Day::new(year, 1, 1),
                last: Day::new(year, 12, 31),
            }),
            2 | 3 => {
                let month = number(parts[1], 2)?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                let month_days = days_in_month(year, month);
                if parts.len() == 2 {
                    return Ok(DateRange {
                        first: Day::new(year, month, 1),
                        last: Day::new(year, month, month_days),
                    });
                }
                let day = number(parts[2], 2)?;
                if day == 0 || day > month_days {
                    return Err(bad());
                }
                let d = Day::new(year, month, day);
                Ok(DateRange { first: d, last: d })
            }
            _ => Err(bad()),
        }
    }

    /// Parses a full `YYYY-MM-DD` day, as rule files require.
    pub fn parse_day(text: &str) -> Result<Day, String> {
        let range = DateRange::parse(text)?;
        if range.first != range.last {
            return Err(format!("invalid date {text:?} (expected a full YYYY-MM-DD)"));
        }
        Ok(range.first)
    }
}

/// Whether a field named `name` probably holds a date: `publication_date`, `pubDate`,
/// `timestamp`, `published_at`, `year`...
///
/// ```
/// use stancer::date::looks_like_date_name;
/// assert!(looks_like_date_name("publication_date") && looks_like_date_name("pubDate"));
/// assert!(looks_like_date_name("published_at") && looks_like_date_name("year"));
/// assert!(!looks_like_date_name("publisher") && !looks_like_date_name("title"));
/// ```
pub fn looks_like_date_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("date")
        || lower.contains("time")
        || lower.ends_with("_at")
        || ["published", "created", "updated", "issued", "year", "day", "when"].contains(&lower.as_str())
}

/// Whether `value` reads as a calendar date in a common notation: ISO 8601 (at least a
/// month), `11/03/2016`, `11.03.2016`, `March 11, 2016`, `11 Mar 2016`, an RFC 2822 date.
///
/// ```
/// use stancer::date::looks_like_date;
/// for d in ["2016-03-11", "2016-03-11T08:00:00Z", "03/11/2016", "11.03.2016", "March 11, 2016", "Fri, 11 Mar 2016 08:00:00 GMT"] {
///     assert!(looks_like_date(d), "{d}");
/// }
/// for v in ["2016", "breitbart", "12.5", "1/2", "May I ask 2016 questions?"] {
///     assert!(!looks_like_date(v), "{v}");
/// }
/// ```
pub fn looks_like_date(value: &str) -> bool {
    let v = value.trim();
    if v.len() > 40 {
        return false;
    }
    if v.len() >= 7 && DateRange::parse(v).is_ok() {
        return true;
    }
    let numbers: Vec<&str> = v.split(['/', '.', '-']).collect();
    if numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let lens: Vec<usize> = numbers.iter().map(|n| n.len()).collect();
        return matches!(lens.as_slice(), [1 | 2, 1 | 2, 2 | 4] | [4, 1 | 2, 1 | 2]);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<String> = v
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = words
        .iter()
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m) && w.len() <= 9));
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)));
    let day = words
        .iter()
        .any(|w| w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)));
    month && year && day && words.len() <= 8
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_only_covers_whole_year() {
        let r = DateRange::parse("2024").unwrap();
        assert_eq!(
            (r.first.to_string(), r.last.to_string()),
            ("2024-01-01".into(), "2024-12-31".into())
        );
    }

    #[test]
    fn leap_day_accepted_only_in_leap_years() {
        assert!(DateRange::parse("2024-02-29").is_ok());
        assert!(DateRange::parse("2025-02-29").is_err());
    }

    #[test]
    fn timestamp_keeps_date_part() {
        let r = DateRange::parse("2025-05-10T14:00:00Z").unwrap();
        assert_eq!(r.first.to_string(), "2025-05-10");
    }

    #[test]
    fn garbage_is_rejected() {
        for bad in ["", "25-05-10", "2025/05/10", "2025-5-1", "abcd"] {
            assert!(DateRange::parse(bad).is_err(), "{bad}");
        }
    }
}
