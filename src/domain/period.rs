//! Report periods: tertials, half years, full years and multi-year plans,
//! with the labels the reports print and the dates they cover.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The span of time one report covers.
///
/// A year has three tertials: T1 January–April, T2 May–August,
/// T3 September–December. A report may cover several consecutive tertials
/// ("tertial 1–2 2020" = 2020-01-01 – 2020-08-31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// Tertials `from..=to` (1–3) of `year`.
    Tertial {
        /// The year.
        year: i32,
        /// The first tertial (1–3).
        from: u8,
        /// The last tertial (1–3).
        to: u8,
    },
    /// Half year 1 or 2 of `year`.
    Halvar {
        /// The year.
        year: i32,
        /// The half (1 or 2).
        half: u8,
    },
    /// The whole of `year`.
    Helar {
        /// The year.
        year: i32,
    },
    /// A plan covering `from_year..=to_year`.
    Plan {
        /// The plan's first year.
        from_year: i32,
        /// The plan's last year.
        to_year: i32,
    },
}

impl Period {
    /// The label as the reports write it, e.g. "tertial 1–2 2020".
    pub fn label(&self) -> String {
        match *self {
            Period::Tertial { year, from, to } if from == to => format!("tertial {from} {year}"),
            Period::Tertial { year, from, to } => format!("tertial {from}–{to} {year}"),
            Period::Halvar { year, half } => format!("halvår {half} {year}"),
            Period::Helar { year } => format!("helår {year}"),
            Period::Plan { from_year, to_year } if from_year == to_year => format!("{from_year}"),
            Period::Plan { from_year, to_year } => format!("{from_year}–{to_year}"),
        }
    }

    /// First day covered, as an ISO date (`YYYY-MM-DD`).
    pub fn start_date(&self) -> String {
        match *self {
            Period::Tertial { year, from, .. } => {
                format!("{year}-{:02}-01", 1 + 4 * (from.clamp(1, 3) - 1))
            }
            Period::Halvar { year, half } => {
                format!("{year}-{:02}-01", if half >= 2 { 7 } else { 1 })
            }
            Period::Helar { year } => format!("{year}-01-01"),
            Period::Plan { from_year, .. } => format!("{from_year}-01-01"),
        }
    }

    /// Last day covered, as an ISO date (`YYYY-MM-DD`).
    pub fn end_date(&self) -> String {
        match *self {
            Period::Tertial { year, to, .. } => match to.clamp(1, 3) {
                1 => format!("{year}-04-30"),
                2 => format!("{year}-08-31"),
                _ => format!("{year}-12-31"),
            },
            Period::Halvar { year, half } => {
                if half >= 2 {
                    format!("{year}-12-31")
                } else {
                    format!("{year}-06-30")
                }
            }
            Period::Helar { year } => format!("{year}-12-31"),
            Period::Plan { to_year, .. } => format!("{to_year}-12-31"),
        }
    }

    /// A short name for file names, e.g. `2020-t1-2`, `2019`, `2021-2023`.
    pub fn slug(&self) -> String {
        match *self {
            Period::Tertial { year, from, to } if from == to => format!("{year}-t{from}"),
            Period::Tertial { year, from, to } => format!("{year}-t{from}-{to}"),
            Period::Halvar { year, half } => format!("{year}-h{half}"),
            Period::Helar { year } => format!("{year}"),
            Period::Plan { from_year, to_year } => format!("{from_year}-{to_year}"),
        }
    }

    /// Whether the numbers in it are well formed (tertial 1–3, from ≤ to,
    /// half 1–2, plan years in order). Returns a Swedish reason if not.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Period::Tertial { from, to, .. } => {
                if !(1..=3).contains(&from) || !(1..=3).contains(&to) {
                    Err(format!("tertial måste vara 1–3 (fick {from}–{to})"))
                } else if from > to {
                    Err(format!("tertialerna står i fel ordning ({from}–{to})"))
                } else {
                    Ok(())
                }
            }
            Period::Halvar { half, .. } if !(1..=2).contains(&half) => {
                Err(format!("halvår måste vara 1 eller 2 (fick {half})"))
            }
            Period::Plan { from_year, to_year } if from_year > to_year => Err(format!(
                "planens år står i fel ordning ({from_year}–{to_year})"
            )),
            _ => Ok(()),
        }
    }
}

/// A period as typed ("Tertial 1-2 2019", "2019 - tertial 1",
/// "januari-juni 2020") with the report's one dash, the en dash, for a
/// hyphen between two numbers, between two month names or standing alone
/// between spaces. Other hyphens ("PKS-närvaro") stay.
pub fn with_en_dash(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let chars: Vec<char> = text.chars().collect();
    // The word (letters) ending just before `i`, or starting just after it.
    let word_before = |i: usize| -> String {
        let start = chars[..i]
            .iter()
            .rposition(|c| !c.is_alphabetic())
            .map_or(0, |p| p + 1);
        chars[start..i].iter().collect::<String>().to_lowercase()
    };
    let word_after = |i: usize| -> String {
        chars[i + 1..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase()
    };
    let is_month = |w: &str| MONTHS.contains(&w);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if c != '-' {
                return c;
            }
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let digits = before.is_some_and(|b| b.is_ascii_digit())
                && after.is_some_and(|a| a.is_ascii_digit());
            let spaced = before == Some(' ') && after == Some(' ');
            let months = is_month(&word_before(i)) && is_month(&word_after(i));
            if digits || spaced || months { '–' } else { c }
        })
        .collect()
}

impl std::str::FromStr for Period {
    type Err = String;

    /// Read a period as the reports write it: `tertial 1 2021`, `tertial
    /// 1–2 2021` (or `1-2`), `halvår 1 2021`, `helår 2021`, `2021–2023`,
    /// `2021`. Case and extra spaces do not matter. The error is Swedish.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim().to_lowercase().replace(['–', '—'], "-");
        let words: Vec<&str> = text.split_whitespace().collect();
        let year = |w: &str| {
            w.parse::<i32>()
                .map_err(|_| format!("\"{w}\" är inget årtal"))
        };
        let small = |w: &str| {
            w.parse::<u8>()
                .map_err(|_| format!("\"{w}\" är inget tertial- eller halvårsnummer"))
        };
        let period = match words.as_slice() {
            ["tertial", range, y] => {
                let (from, to) = match range.split_once('-') {
                    Some((a, b)) => (small(a.trim())?, small(b.trim())?),
                    None => (small(range)?, small(range)?),
                };
                Period::Tertial {
                    year: year(y)?,
                    from,
                    to,
                }
            }
            ["tertial", from, "-", to, y] => Period::Tertial {
                year: year(y)?,
                from: small(from)?,
                to: small(to)?,
            },
            ["halvår", half, y] => Period::Halvar {
                year: year(y)?,
                half: small(half)?,
            },
            ["helår", y] => Period::Helar { year: year(y)? },
            [y] => match y.split_once('-') {
                Some((a, b)) => Period::Plan {
                    from_year: year(a)?,
                    to_year: year(b)?,
                },
                None => {
                    let y = year(y)?;
                    Period::Plan {
                        from_year: y,
                        to_year: y,
                    }
                }
            },
            [a, "-", b] => Period::Plan {
                from_year: year(a)?,
                to_year: year(b)?,
            },
            _ => {
                return Err(format!(
                    "\"{}\" är ingen period; skriv till exempel \"tertial 1 2021\", \
                     \"tertial 1–2 2021\", \"halvår 1 2021\", \"helår 2021\" eller \"2021–2023\"",
                    s.trim()
                ));
            }
        };
        period.validate()?;
        Ok(period)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_periods_get_the_en_dash() {
        assert_eq!(with_en_dash("Tertial 1-2 2019"), "Tertial 1–2 2019");
        assert_eq!(with_en_dash("2019 - tertial 1"), "2019 – tertial 1");
        assert_eq!(with_en_dash("januari-juni 2020"), "januari–juni 2020");
        assert_eq!(with_en_dash("2021-2023"), "2021–2023");
        assert_eq!(with_en_dash("Tertial 1–2 2020"), "Tertial 1–2 2020");
        assert_eq!(with_en_dash("PKS-närvaro"), "PKS-närvaro");
        assert_eq!(with_en_dash("-"), "-");
        assert_eq!(with_en_dash(""), "");
    }

    #[test]
    fn periods_are_read_as_the_reports_write_them() {
        let all = [
            Period::Tertial {
                year: 2021,
                from: 1,
                to: 1,
            },
            Period::Tertial {
                year: 2021,
                from: 1,
                to: 2,
            },
            Period::Tertial {
                year: 2020,
                from: 1,
                to: 3,
            },
            Period::Halvar {
                year: 2019,
                half: 1,
            },
            Period::Helar { year: 2019 },
            Period::Plan {
                from_year: 2021,
                to_year: 2023,
            },
            Period::Plan {
                from_year: 2022,
                to_year: 2022,
            },
        ];
        for p in all {
            assert_eq!(p.label().parse::<Period>(), Ok(p), "{}", p.label());
        }
        assert_eq!(
            " Tertial 1-2  2021 ".parse::<Period>(),
            Ok(Period::Tertial {
                year: 2021,
                from: 1,
                to: 2
            })
        );
        assert_eq!(
            "tertial 1 - 2 2021".parse::<Period>(),
            Ok(Period::Tertial {
                year: 2021,
                from: 1,
                to: 2
            })
        );
        assert!("tertial 4 2021".parse::<Period>().is_err());
        assert!("tertial 2-1 2021".parse::<Period>().is_err());
        let e = "våren 2021".parse::<Period>().expect_err("not a period");
        assert!(e.contains("tertial 1 2021"), "{e}");
        let e = "helår tjugo".parse::<Period>().expect_err("not a year");
        assert!(e.contains("årtal"), "{e}");
    }

    #[test]
    fn tertial_labels_and_dates() {
        let p = Period::Tertial {
            year: 2020,
            from: 1,
            to: 2,
        };
        assert_eq!(p.label(), "tertial 1–2 2020");
        assert_eq!(p.start_date(), "2020-01-01");
        assert_eq!(p.end_date(), "2020-08-31");
        assert_eq!(p.slug(), "2020-t1-2");
        let t2 = Period::Tertial {
            year: 2022,
            from: 2,
            to: 2,
        };
        assert_eq!(t2.label(), "tertial 2 2022");
        assert_eq!(t2.start_date(), "2022-05-01");
    }

    #[test]
    fn other_periods() {
        assert_eq!(Period::Helar { year: 2019 }.label(), "helår 2019");
        assert_eq!(
            Period::Halvar {
                year: 2020,
                half: 1
            }
            .end_date(),
            "2020-06-30"
        );
        assert_eq!(
            Period::Plan {
                from_year: 2021,
                to_year: 2023
            }
            .label(),
            "2021–2023"
        );
    }

    #[test]
    fn validation() {
        assert!(
            Period::Tertial {
                year: 2020,
                from: 2,
                to: 1
            }
            .validate()
            .is_err()
        );
        assert!(
            Period::Tertial {
                year: 2020,
                from: 0,
                to: 1
            }
            .validate()
            .is_err()
        );
        assert!(
            Period::Halvar {
                year: 2020,
                half: 3
            }
            .validate()
            .is_err()
        );
        assert!(Period::Helar { year: 2020 }.validate().is_ok());
    }
}
