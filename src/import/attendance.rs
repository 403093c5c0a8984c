//! Meeting registrations from a CSV file exported from Excel (`;` between
//! fields, UTF-8 with or without BOM, or Windows-1252 as Swedish Excel's
//! "CSV (semikolonavgränsad)" writes it; or Excel's "Unicode-text", UTF-16
//! with a BOM and tabs between fields), in either of two layouts:
//!
//! - **one row per meeting and representative**: `Nätverk;Datum;Mötesform;
//!   Kommun` and optionally `Närvarande` (ja/nej). A `Kommun` of "Regionen"
//!   (or "Region Jönköpings län", "RJL") counts one regional representative.
//! - **one row per meeting with a column per municipality**: `Nätverk;Datum;
//!   Mötesform;Aneby;Eksjö;…;Värnamo` and optionally `Regionen` (a count);
//!   a municipality's cell is `x`, `1` or `ja` when its representative was
//!   there, empty, `0` or `nej` when not.
//!
//! A first line `sep=;` (or `sep=,`, `sep=` and a tab), which Excel writes
//! and reads, sets the separator and is skipped. Names and headers are
//! compared in Unicode NFC, so decomposed letters (macOS) match.
//!
//! `Mötesform` may be left out (every meeting is then fysiskt, and the
//! preview says so). [`preview`] reads the file into a [`Preview`] without
//! touching the workspace: the meetings it found, every row it could not
//! read with its line and reason, and notes. [`Preview::apply`] then writes
//! the meetings into their groups. A meeting replaces a meeting of the same
//! group on the same date, so importing the same file twice changes nothing
//! the second time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::check::is_iso_date;
use crate::domain::figures::group_members;
use crate::domain::{AttendanceGroup, Meeting, MeetingForm, Municipality, Workspace};
use crate::storage::{ReadFault, read_bounded};

/// Files larger than this are refused before they are read.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Which of the two layouts the file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per meeting and representative.
    PerRepresentative,
    /// One row per meeting, a column per municipality.
    PerMeeting,
}

impl Layout {
    pub fn describe(self) -> &'static str {
        match self {
            Layout::PerRepresentative => "en rad per möte och representant",
            Layout::PerMeeting => "en rad per möte med en kolumn per kommun",
        }
    }
}

/// A row that could not be read, and why (in Swedish).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Line in the file (1 = the header row).
    pub line: u64,
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rad {}: {}", self.line, self.message)
    }
}

/// A meeting read from the file, for the group at `group` in
/// `ws.attendance.groups`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedMeeting {
    pub group: usize,
    pub meeting: Meeting,
}

/// What the import will do, before anything is changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub layout: Layout,
    /// Data rows read (not counting the header and empty rows).
    pub rows: usize,
    pub meetings: Vec<ImportedMeeting>,
    pub problems: Vec<RowProblem>,
    pub notes: Vec<String>,
}

/// What the import does to one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChange {
    pub group: String,
    /// Meetings in the file for this group.
    pub meetings: usize,
    /// Meetings already in the workspace that they replace (same date).
    pub replaced: usize,
    /// Municipal representatives registered present.
    pub present: usize,
}

/// Why a file could not be imported at all, in Swedish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Närvarofilen {} kunde inte läsas: {}",
            self.path.display(),
            self.message
        )
    }
}

impl std::error::Error for ImportError {}

/// Reads `path` into a preview against `ws`.
pub fn preview_file(path: &Path, ws: &Workspace) -> Result<Preview, ImportError> {
    let err = |message: String| ImportError {
        path: path.to_path_buf(),
        message,
    };
    // Only a regular file is read, and never more than MAX_BYTES of it,
    // whatever size the file system reports.
    let bytes = read_bounded(path, MAX_BYTES).map_err(|fault| match fault {
        ReadFault::TooLarge(size) => err(format!(
            "filen är {} MB; större än {} MB läses inte",
            size / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )),
        other => err(other.reason()),
    })?;
    preview(&bytes, ws).map_err(err)
}

/// How the file's bytes were read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decoded {
    text: String,
    /// UTF-16 with a BOM: Excel's "Unicode-text", tab-separated.
    utf16: bool,
    /// Lines (1 = first) with bytes that are not UTF-8 in a file that
    /// otherwise is; they read as U+FFFD.
    stray_lines: Vec<u64>,
}

/// Text of the file: UTF-16 (LE or BE) or UTF-8 by its BOM (dropped);
/// UTF-8 without one; or else Windows-1252. A UTF-8 file with a stray byte
/// that is not UTF-8 (one cell pasted from elsewhere) stays UTF-8, the
/// byte read as U+FFFD and its line noted: read as Windows-1252 instead,
/// every å, ä and ö of the file would turn into two wrong letters and no
/// name would match. A file with no UTF-8 letter beyond ASCII at all is
/// Windows-1252.
fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        let utf16 = encoding != encoding_rs::UTF_8;
        if utf16 || std::str::from_utf8(body).is_ok() {
            return Decoded {
                text: encoding.decode_without_bom_handling(body).0.into_owned(),
                utf16,
                stray_lines: Vec::new(),
            };
        }
        return utf8_with_strays(body);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            utf16: false,
            stray_lines: Vec::new(),
        };
    }
    let utf8_letters = bytes.utf8_chunks().any(|c| !c.valid().is_ascii());
    if utf8_letters {
        return utf8_with_strays(bytes);
    }
    Decoded {
        text: encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        utf16: false,
        stray_lines: Vec::new(),
    }
}

/// UTF-8 with each invalid byte sequence read as U+FFFD, and the lines
/// (counting LF, CR and CRLF as one line end each) that have one.
fn utf8_with_strays(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut stray_lines = Vec::new();
    let mut line = 1u64;
    let mut after_cr = false;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\n' && !after_cr || c == '\r' {
                line += 1;
            }
            after_cr = c == '\r';
        }
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            after_cr = false;
            if stray_lines.last() != Some(&line) {
                stray_lines.push(line);
            }
        }
    }
    Decoded {
        text,
        utf16: false,
        stray_lines,
    }
}

/// Lower case, trimmed, inner whitespace collapsed, in NFC: how headers
/// and names are compared.
fn key(s: &str) -> String {
    crate::domain::check::name_key(s)
}

/// The field separator a first line `sep=…` sets (Excel's own hint).
fn sep_line(line: &str) -> Option<u8> {
    let rest = line.trim_start_matches('\u{feff}');
    let (head, value) = rest.split_at_checked(4)?;
    if !head.eq_ignore_ascii_case("sep=") {
        return None;
    }
    match value.trim_end_matches([' ']) {
        ";" => Some(b';'),
        "," => Some(b','),
        "\t" | "\\t" => Some(b'\t'),
        "|" => Some(b'|'),
        _ => None,
    }
}

/// How a separator is named in messages.
fn separator_name(sep: u8) -> &'static str {
    match sep {
        b';' => "semikolon (;)",
        b',' => "kommatecken (,)",
        b'\t' => "tabbar",
        _ => "lodstreck (|)",
    }
}

fn municipality(name: &str) -> Option<Municipality> {
    let k = key(name);
    Municipality::ALL
        .into_iter()
        .find(|m| key(m.name()) == k || key(&format!("{m:?}")) == k)
}

fn is_region(name: &str) -> bool {
    matches!(
        key(name).as_str(),
        "regionen" | "region" | "region jönköpings län" | "rjl" | "regionens representanter"
    )
}

fn meeting_form(s: &str) -> Option<MeetingForm> {
    match key(s).as_str() {
        "fysiskt" | "fysisk" | "fysiskt möte" => Some(MeetingForm::Fysiskt),
        "digitalt" | "digital" | "digitalt möte" => Some(MeetingForm::Digitalt),
        "kombination" | "hybrid" | "hybridmöte" => Some(MeetingForm::Kombination),
        _ => None,
    }
}

/// A yes/no cell: `Some(true)` present, `Some(false)` absent.
fn presence(s: &str) -> Option<bool> {
    match key(s).as_str() {
        "x" | "1" | "ja" | "j" | "närvarande" => Some(true),
        "" | "0" | "nej" | "n" | "-" | "frånvarande" => Some(false),
        _ => None,
    }
}

/// `YYYY-MM-DD`, also with a time after it (Excel may add `00:00`).
fn date(s: &str) -> Option<String> {
    let d = s.split_whitespace().next()?;
    is_iso_date(d).then(|| d.to_string())
}

/// Columns of the header row.
struct Columns {
    group: usize,
    date: usize,
    form: Option<usize>,
    kind: Kind,
}

enum Kind {
    PerRepresentative {
        municipality: usize,
        present: Option<usize>,
    },
    PerMeeting {
        municipalities: Vec<(usize, Municipality)>,
        region: Option<usize>,
    },
}

fn columns(header: &[String]) -> Result<Columns, String> {
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&key(h).as_str()));
    let group = find(&["nätverk", "grupp", "nätverk/grupp", "nätverk/styrgrupp"]);
    let date = find(&["datum", "mötesdatum"]);
    let form = find(&["mötesform", "form"]);
    let per_rep = find(&["kommun", "representant för", "organisation"]);
    let municipalities: Vec<(usize, Municipality)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| municipality(h).map(|m| (i, m)))
        .collect();
    let expected = "väntade kolumnerna Nätverk och Datum, och antingen Kommun (en rad per \
                    möte och representant) eller en kolumn per kommun (en rad per möte)";
    let (Some(group), Some(date)) = (group, date) else {
        let missing: Vec<&str> = [("Nätverk", group), ("Datum", date)]
            .iter()
            .filter(|(_, c)| c.is_none())
            .map(|(n, _)| *n)
            .collect();
        return Err(format!(
            "rubrikraden saknar {} ({expected})",
            missing.join(" och ")
        ));
    };
    let kind = match (per_rep, municipalities.is_empty()) {
        (Some(_), false) => {
            return Err(
                "rubrikraden har både kolumnen Kommun och kolumner för enskilda kommuner; \
                 använd ett av formaten"
                    .into(),
            );
        }
        (Some(m), true) => Kind::PerRepresentative {
            municipality: m,
            present: find(&["närvarande", "närvaro", "närvarande (ja/nej)"]),
        },
        (None, false) => {
            let mut seen = Vec::new();
            for (_, m) in &municipalities {
                if seen.contains(m) {
                    return Err(format!("kolumnen {} finns två gånger", m.name()));
                }
                seen.push(*m);
            }
            Kind::PerMeeting {
                municipalities,
                region: header.iter().position(|h| is_region(h)),
            }
        }
        (None, true) => return Err(format!("känner inte igen kolumnerna ({expected})")),
    };
    Ok(Columns {
        group,
        date,
        form,
        kind,
    })
}

/// The meeting a row belongs to, in the order first seen.
#[derive(Default)]
struct Collected {
    meetings: Vec<ImportedMeeting>,
    /// (group, date) → index in `meetings` and the line that began it.
    by_key: BTreeMap<(usize, String), (usize, u64)>,
    /// Meetings (indices in `meetings`) given on more than one row in the
    /// one-row-per-meeting layout: none of their rows is imported.
    refused: BTreeSet<usize>,
}

/// Reads the file's bytes into a preview against `ws`; `Err` only when the
/// file as a whole cannot be used (no header, unknown columns).
pub fn preview(bytes: &[u8], ws: &Workspace) -> Result<Preview, String> {
    // One kind of line end: the csv crate counts lines ending in CRLF
    // wrongly (a record reports the line before its own), and the row
    // report must name the right line.
    let decoded = decode(bytes);
    let mut text = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
    // UTF-16 is Excel's "Unicode-text": tabs between fields.
    let mut sep = if decoded.utf16 { b'\t' } else { b';' };
    let mut sep_given = false;
    if let Some(first) = text.lines().next()
        && let Some(s) = sep_line(first)
    {
        sep = s;
        sep_given = true;
        // Blanked, not removed, so every row keeps its line number.
        let len = first.len();
        text.replace_range(..len, "");
    }
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first_line.is_empty() {
        return Err("filen är tom".into());
    }
    if !first_line.contains(char::from(sep)) {
        let hint = if first_line.contains('\t') {
            "tabbar"
        } else if first_line.contains(';') {
            "semikolon"
        } else if first_line.contains(',') {
            "kommatecken"
        } else {
            "inget skiljetecken"
        };
        return Err(if sep_given {
            format!(
                "raden sep= säger att fälten skiljs med {}, men rubrikraden har {hint}",
                separator_name(sep)
            )
        } else if decoded.utf16 {
            format!(
                "filen är Unicode-text (UTF-16), där fälten ska skiljas med tabbar, som när \
                 Excel sparar \"Unicode-text\"; rubrikraden har {hint}"
            )
        } else {
            format!(
                "fälten ska skiljas med semikolon (;), som när Excel sparar \"CSV \
                 (semikolonavgränsad)\"; rubrikraden har {hint}"
            )
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut header: Option<Vec<String>> = None;
    for rec in records.by_ref() {
        let rec = rec.map_err(|e| format!("rubrikraden kunde inte läsas: {e}"))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        header = Some(rec.iter().map(|f| f.trim().to_string()).collect());
        break;
    }
    let header = header.ok_or("filen är tom")?;
    let cols = columns(&header)?;
    let layout = match cols.kind {
        Kind::PerRepresentative { .. } => Layout::PerRepresentative,
        Kind::PerMeeting { .. } => Layout::PerMeeting,
    };
    let (start, end) = (ws.report.period.start_date(), ws.report.period.end_date());
    let groups = &ws.attendance.groups;
    let mut out = Collected::default();
    let mut problems = Vec::new();
    let mut rows = 0;
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(RowProblem {
                    line,
                    message: format!("raden kunde inte läsas: {e}"),
                });
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows += 1;
        let field = |i: usize| rec.get(i).unwrap_or("").trim();
        let mut problem = |message: String| problems.push(RowProblem { line, message });

        let group_name = field(cols.group);
        let Some(gi) = groups.iter().position(|g| key(&g.name) == key(group_name)) else {
            problem(if group_name.is_empty() {
                "nätverk saknas".into()
            } else {
                format!("nätverket \"{group_name}\" finns inte i arbetsytan")
            });
            continue;
        };
        let group = &groups[gi];
        let raw_date = field(cols.date);
        let Some(date) = date(raw_date) else {
            problem(format!(
                "datumet \"{raw_date}\" ska skrivas ÅÅÅÅ-MM-DD, till exempel {start}"
            ));
            continue;
        };
        if date < start || date > end {
            problem(format!(
                "datumet {date} ligger utanför perioden {start} – {end}"
            ));
            continue;
        }
        let form = match cols.form.map(field) {
            None => MeetingForm::Fysiskt,
            Some(f) => match meeting_form(f) {
                Some(form) => form,
                None => {
                    problem(if f.is_empty() {
                        "mötesform saknas (fysiskt, digitalt eller kombination)".into()
                    } else {
                        format!(
                            "mötesformen \"{f}\" är okänd (fysiskt, digitalt eller kombination)"
                        )
                    });
                    continue;
                }
            },
        };
        let members = group_members(group);
        match &cols.kind {
            Kind::PerMeeting {
                municipalities,
                region,
            } => {
                let mut present = Vec::new();
                let mut bad = None;
                for &(col, m) in municipalities {
                    match presence(field(col)) {
                        Some(true) if !members.contains(&m) => {
                            bad = Some(format!(
                                "{} är markerad som närvarande men ingår inte i {}",
                                m.name(),
                                group.name
                            ));
                            break;
                        }
                        Some(true) => present.push(m),
                        Some(false) => {}
                        None => {
                            bad = Some(format!(
                                "{}: \"{}\" ska vara x, 1 eller ja (närvarande) eller tomt, 0 \
                                 eller nej",
                                m.name(),
                                field(col)
                            ));
                            break;
                        }
                    }
                }
                if let Some(message) = bad {
                    problem(message);
                    continue;
                }
                let regional = match region.map(field) {
                    None | Some("") => 0,
                    Some(v) => match regional_count(v, group) {
                        Ok(n) => n,
                        Err(message) => {
                            problem(message);
                            continue;
                        }
                    },
                };
                // A second row for the same meeting would count it twice:
                // neither row is imported, and both lines are named.
                let k = (gi, date.clone());
                if let Some(&(at, first_line)) = out.by_key.get(&k) {
                    problem(format!(
                        "{} {date} finns redan på rad {first_line}; en träff ska ha en rad, så \
                         ingen av raderna importeras",
                        group.name
                    ));
                    if out.refused.insert(at) {
                        problems.push(RowProblem {
                            line: first_line,
                            message: format!(
                                "{} {date} finns också på rad {line}; en träff ska ha en rad, \
                                 så ingen av raderna importeras",
                                group.name
                            ),
                        });
                    }
                    continue;
                }
                out.by_key.insert(k, (out.meetings.len(), line));
                out.meetings.push(ImportedMeeting {
                    group: gi,
                    meeting: Meeting {
                        date,
                        form,
                        present,
                        regional_present: regional,
                    },
                });
            }
            Kind::PerRepresentative {
                municipality: col,
                present,
            } => {
                let is_present = match present.map(field) {
                    None => true,
                    Some(v) => match presence(v) {
                        Some(p) => p,
                        None => {
                            problem(format!(
                                "Närvarande: \"{v}\" ska vara ja eller nej (eller x/1, tomt/0)"
                            ));
                            continue;
                        }
                    },
                };
                let who = field(*col);
                enum Who {
                    Kommun(Municipality),
                    Region,
                }
                let w = if is_region(who) {
                    if group.regional_members == 0 {
                        problem(format!("{} har inga regionrepresentanter", group.name));
                        continue;
                    }
                    Who::Region
                } else {
                    match municipality(who) {
                        Some(m) if members.contains(&m) => Who::Kommun(m),
                        Some(m) => {
                            problem(format!("{} ingår inte i {}", m.name(), group.name));
                            continue;
                        }
                        None => {
                            problem(if who.is_empty() {
                                "kommun saknas".into()
                            } else {
                                format!("\"{who}\" är ingen av länets kommuner (eller Regionen)")
                            });
                            continue;
                        }
                    }
                };
                let k = (gi, date.clone());
                let at = match out.by_key.get(&k) {
                    Some(&(at, first_line)) => {
                        let m = &out.meetings[at].meeting;
                        if cols.form.is_some() && m.form != form {
                            problem(format!(
                                "mötesformen {} skiljer sig från rad {first_line} ({}) för samma \
                                 träff",
                                form.name(),
                                m.form.name()
                            ));
                            continue;
                        }
                        at
                    }
                    None => {
                        out.meetings.push(ImportedMeeting {
                            group: gi,
                            meeting: Meeting {
                                date: date.clone(),
                                form,
                                present: Vec::new(),
                                regional_present: 0,
                            },
                        });
                        out.by_key.insert(k, (out.meetings.len() - 1, line));
                        out.meetings.len() - 1
                    }
                };
                if !is_present {
                    continue;
                }
                let m = &mut out.meetings[at].meeting;
                match w {
                    Who::Kommun(k) if m.present.contains(&k) => {
                        problem(format!(
                            "{} är redan registrerad för {} {}",
                            k.name(),
                            group.name,
                            m.date
                        ));
                    }
                    Who::Kommun(k) => m.present.push(k),
                    Who::Region if m.regional_present >= group.regional_members => {
                        problem(format!(
                            "fler regionrepresentanter än gruppens {} för {} {}",
                            group.regional_members, group.name, m.date
                        ));
                    }
                    Who::Region => m.regional_present += 1,
                }
            }
        }
    }
    let refused = std::mem::take(&mut out.refused);
    let mut meetings: Vec<ImportedMeeting> = out
        .meetings
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !refused.contains(i))
        .map(|(_, m)| m)
        .collect();
    for im in &mut meetings {
        im.meeting.present.sort();
    }
    problems.sort_by_key(|p| p.line);
    let mut notes = Vec::new();
    if !decoded.stray_lines.is_empty() {
        let lines: Vec<String> = decoded.stray_lines.iter().map(u64::to_string).collect();
        notes.push(format!(
            "Filen är UTF-8 men har tecken som inte är det (rad {}); de visas som \u{FFFD}.",
            lines.join(", ")
        ));
    }
    if cols.form.is_none() {
        notes
            .push("Filen har ingen kolumn Mötesform: alla träffar registreras som fysiska.".into());
    }
    let mut with_entered: Vec<&str> = meetings
        .iter()
        .map(|m| &groups[m.group])
        .filter(|g| g.meetings.is_empty() && g.entered.is_some())
        .map(|g| g.name.as_str())
        .collect();
    with_entered.dedup();
    for name in with_entered {
        notes.push(format!(
            "{name} har inskrivna medelvärden; med registrerade träffar räknas närvaron från dem \
             i stället."
        ));
    }
    Ok(Preview {
        layout,
        rows,
        meetings,
        problems,
        notes,
    })
}

fn regional_count(v: &str, group: &AttendanceGroup) -> Result<u32, String> {
    let n = match presence(v) {
        // "x" or "ja" for a group with one regional representative.
        Some(true) if !v.trim().chars().all(|c| c.is_ascii_digit()) => 1,
        _ => v
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("Regionen: \"{v}\" ska vara ett antal representanter"))?,
    };
    if n > group.regional_members {
        return Err(format!(
            "Regionen: {n} närvarande men {} har {} regionrepresentanter",
            group.name, group.regional_members
        ));
    }
    Ok(n)
}

impl Preview {
    /// The file's meetings for the group at `group`.
    fn meetings_of(&self, group: usize) -> Vec<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.group == group)
            .map(|m| &m.meeting)
            .collect()
    }

    /// What the import does to each group, in the workspace's group order.
    pub fn changes(&self, ws: &Workspace) -> Vec<GroupChange> {
        ws.attendance
            .groups
            .iter()
            .enumerate()
            .filter_map(|(gi, g)| {
                let mine = self.meetings_of(gi);
                if mine.is_empty() {
                    return None;
                }
                let replaced = g
                    .meetings
                    .iter()
                    .filter(|old| mine.iter().any(|m| m.date == old.date))
                    .count();
                Some(GroupChange {
                    group: g.name.clone(),
                    meetings: mine.len(),
                    replaced,
                    present: mine.iter().map(|m| m.present.len()).sum(),
                })
            })
            .collect()
    }

    /// Writes the meetings into their groups: a group's meetings on a date
    /// the file has are replaced, the rest kept, and the meetings sorted by
    /// date.
    pub fn apply(&self, ws: &mut Workspace) {
        for (gi, g) in ws.attendance.groups.iter_mut().enumerate() {
            let mine = self.meetings_of(gi);
            if mine.is_empty() {
                continue;
            }
            g.meetings
                .retain(|old| !mine.iter().any(|m| m.date == old.date));
            g.meetings.extend(mine.into_iter().cloned());
            g.meetings.sort_by(|a, b| a.date.cmp(&b.date));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_windows_1252_is_read() {
        // "Nätverk;Jönköping" as Windows-1252.
        let bytes = b"N\xe4tverk;J\xf6nk\xf6ping";
        assert_eq!(decode(bytes).text, "Nätverk;Jönköping");
        assert_eq!(decode("\u{feff}Nätverk".as_bytes()).text, "Nätverk");
    }

    #[test]
    fn utf16_by_its_bom_and_stray_bytes_by_their_line() {
        let le = decode(b"\xff\xfeN\x00\xe4\x00");
        assert_eq!((le.text.as_str(), le.utf16), ("Nä", true));
        let be = decode(b"\xfe\xff\x00N\x00\xe4");
        assert_eq!((be.text.as_str(), be.utf16), ("Nä", true));
        // CRLF, CR and LF each end one line.
        let d = decode(b"\xc3\xa4\r\nb\rc\nd\xff\xfee\n\xff");
        assert_eq!(d.text, "ä\r\nb\rc\nd\u{FFFD}\u{FFFD}e\n\u{FFFD}");
        assert_eq!(d.stray_lines, [4, 5]);
        assert!(!d.utf16);
    }

    #[test]
    fn sep_lines() {
        assert_eq!(sep_line("sep=;"), Some(b';'));
        assert_eq!(sep_line("Sep=,"), Some(b','));
        assert_eq!(sep_line("sep=\t"), Some(b'\t'));
        assert_eq!(sep_line("sep=\\t"), Some(b'\t'));
        assert_eq!(sep_line("sep=;;"), None);
        assert_eq!(sep_line("Nätverk;Datum"), None);
        assert_eq!(sep_line("sé"), None);
    }

    #[test]
    fn names_and_cells_are_read_generously() {
        assert_eq!(municipality(" jönköping "), Some(Municipality::Jonkoping));
        assert_eq!(municipality("Jonkoping"), Some(Municipality::Jonkoping));
        assert_eq!(municipality("Jönköpings kommun"), None);
        assert_eq!(meeting_form("Digital"), Some(MeetingForm::Digitalt));
        assert_eq!(meeting_form("Hybrid"), Some(MeetingForm::Kombination));
        assert_eq!(meeting_form("telefon"), None);
        assert_eq!(presence("X"), Some(true));
        assert_eq!(presence(" "), Some(false));
        assert_eq!(presence("kanske"), None);
        assert_eq!(date("2020-02-13 00:00"), Some("2020-02-13".into()));
        assert_eq!(date("13/2/2020"), None);
        assert_eq!(date("2020-02-30"), None);
    }
}
