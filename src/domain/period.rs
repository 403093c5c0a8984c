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
    Tertial { year: i32, from: u8, to: u8 },
    /// Half year 1 or 2 of `year`.
    Halvar { year: i32, half: u8 },
    /// The whole of `year`.
    Helar { year: i32 },
    /// A plan covering `from_year..=to_year`.
    Plan { from_year: i32, to_year: i32 },
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

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
