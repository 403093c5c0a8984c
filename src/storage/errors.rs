//! Load and save errors with Swedish messages that say which file, where
//! and why.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use ron::error::{Error as RonError, SpannedError};

use super::{FORMAT_VERSION, MAX_FILE_SIZE, ReadFault};

/// A workspace file that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The file could not be opened or read.
    Io(std::io::ErrorKind, String),
    IsDirectory,
    /// A FIFO, device or socket: not read, as it could block or never end.
    NotRegular {
        what: &'static str,
    },
    TooLarge {
        size: u64,
    },
    Empty,
    NotUtf8 {
        line: usize,
        col: usize,
    },
    /// The text is not a workspace: syntax, unknown field, wrong type.
    Syntax {
        line: usize,
        col: usize,
        reason: String,
    },
    NewerVersion {
        found: u32,
    },
    BadVersion {
        found: u32,
    },
    /// A file of another kind, told by its first bytes (a Word document,
    /// a PDF): says what it seems to be.
    OtherKind {
        what: &'static str,
    },
}

impl From<ReadFault> for LoadErrorKind {
    fn from(fault: ReadFault) -> Self {
        match fault {
            ReadFault::Io(e) => LoadErrorKind::Io(e.kind(), e.to_string()),
            ReadFault::IsDirectory => LoadErrorKind::IsDirectory,
            ReadFault::NotRegular(what) => LoadErrorKind::NotRegular { what },
            ReadFault::TooLarge(size) => LoadErrorKind::TooLarge { size },
        }
    }
}

impl LoadErrorKind {
    /// A RON error in `text`. An error at the very end of the text means
    /// the file stops early (truncated), whatever RON expected there.
    pub(super) fn from_ron(e: &SpannedError, text: &str) -> Self {
        let (line, col) = (e.span.start.line, e.span.start.col);
        let end_line = 1 + text.matches('\n').count();
        let end_col = 1 + text
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0);
        let (end_l, end_c) = (e.span.end.line, e.span.end.col);
        let at_end = (end_l, end_c) >= (end_line, end_col)
            || text[byte_offset(text, end_l, end_c)..].trim().is_empty();
        let keeps_own_reason = matches!(
            e.code,
            RonError::ExceededRecursionLimit
                | RonError::UnclosedBlockComment
                | RonError::UnclosedLineComment
        );
        let at = byte_offset(text, line, col);
        let control = text[at..]
            .chars()
            .next()
            .filter(|c| c.is_control() && !c.is_whitespace());
        let reason = if let Some(c) = control {
            format!(
                "oväntat styrtecken U+{:04X} (innehåller filen binära data?)",
                u32::from(c)
            )
        } else if matches!(e.code, RonError::ExpectedStringEnd) && !looks_complete(text) {
            swedish_reason(&RonError::Eof)
        } else if matches!(e.code, RonError::ExpectedStringEnd) {
            "en text saknar sitt avslutande citattecken \"".into()
        } else if at_end && !keeps_own_reason {
            swedish_reason(&RonError::Eof)
        } else {
            swedish_reason(&e.code)
        };
        LoadErrorKind::Syntax { line, col, reason }
    }

    /// A file of another kind, known by its first bytes.
    pub(super) fn other_kind(bytes: &[u8]) -> Option<Self> {
        let what = if bytes.starts_with(b"PK\x03\x04") {
            "ett Word- eller Excel-dokument (eller en zip-fil)"
        } else if bytes.starts_with(b"%PDF") {
            "en PDF-fil"
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            "ett äldre Office-dokument (doc, xls eller ppt)"
        } else if bytes.starts_with(b"\x89PNG") {
            "en PNG-bild"
        } else {
            return None;
        };
        Some(LoadErrorKind::OtherKind { what })
    }

    /// Line and column, where known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadErrorKind::NotUtf8 { line, col } | LoadErrorKind::Syntax { line, col, .. } => {
                Some((*line, *col))
            }
            _ => None,
        }
    }
}

/// Whether the text ends as a whole workspace file does, with its closing
/// parenthesis; a file cut off short does not.
fn looks_complete(text: &str) -> bool {
    text.trim_end().ends_with(')')
}

/// Byte offset of a 1-based line and column (in characters) in `text`.
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map(|(b, _)| b)
                    .unwrap_or(l.len());
        }
        offset += l.len();
    }
    text.len()
}

/// A text where a decimal belongs that is almost one: written with a
/// Swedish decimal comma, or too long for a decimal (28 digits).
fn decimal_hint(expected: &str, found: &str) -> Option<String> {
    if !expected.contains("Decimal") {
        return None;
    }
    let text = found.trim().strip_prefix("the string ")?.trim_matches('"');
    let numeric = |s: &str| {
        let s = s.strip_prefix('-').unwrap_or(s);
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    if !numeric(text) {
        return None;
    }
    if text.contains(',') && !text.contains('.') && text.matches(',').count() == 1 {
        return Some(format!(
            "decimaltal skrivs med punkt i filen: \"{}\" i stället för \"{text}\"",
            text.replace(',', ".")
        ));
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits > 28 {
        return Some(format!(
            "talet \"{text}\" har för många siffror ({digits}; ett decimaltal rymmer högst 28)"
        ));
    }
    None
}

/// Serde's English description of a value, in Swedish.
fn swedish_value(s: &str) -> String {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("the string ") {
        return format!("texten {rest}");
    }
    // ron's wording of the value it found (the float, boolean and
    // character forms were found by fuzzing, printed in English).
    for (prefix, word) in [
        ("the unsigned integer ", "talet"),
        ("the signed integer ", "talet"),
        ("the integer ", "talet"),
        ("the floating point number ", "talet"),
        ("the floating point ", "talet"),
        ("the boolean ", "värdet"),
        ("the UTF-8 character ", "tecknet"),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return format!("{word} {}", rest.trim_matches('`'));
        }
    }
    if s.contains("Decimal") {
        return "ett decimaltal inom citattecken (till exempel \"45.30\")".into();
    }
    match s {
        "a string" | "string" | "a borrowed string" => "en text".into(),
        "a boolean" | "boolean" | "bool" => "true eller false".into(),
        "a sequence" | "sequence" => "en lista".into(),
        "a map" | "map" => "en tabell".into(),
        "a unit value" | "unit value" => "ett tomt värde ()".into(),
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => "ett heltal".into(),
        _ if s.starts_with("struct ") || s.starts_with("a struct") => "en post ( … )".into(),
        _ if s.starts_with("enum ") || s.starts_with("an enum") || s.starts_with("variant") => {
            "ett av de tillåtna valen".into()
        }
        other => other.to_string(),
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a RON error means, in Swedish.
fn swedish_reason(e: &RonError) -> String {
    match e {
        RonError::Eof => "filen tar slut mitt i innehållet (är den avklippt?)".into(),
        RonError::ExpectedArray => "här ska en lista börja med [".into(),
        RonError::ExpectedArrayEnd => "här ska en lista sluta med ]".into(),
        RonError::ExpectedComma => "ett kommatecken saknas".into(),
        RonError::ExpectedBoolean => "här ska det stå true eller false".into(),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => {
            "här ska det stå ett heltal (inom tillåtna gränser)".into()
        }
        RonError::ExpectedFloat => "här ska det stå ett tal".into(),
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            "här ska det stå en text inom citattecken".into()
        }
        RonError::ExpectedMap | RonError::ExpectedMapEnd | RonError::ExpectedMapColon => {
            "här ska det stå en tabell { nyckel: värde }".into()
        }
        RonError::ExpectedStructLike
        | RonError::ExpectedNamedStructLike(_)
        | RonError::ExpectedStructLikeEnd => "här ska det stå en post inom parenteser ( … )".into(),
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => {
            "här ska det stå ett värde eller None".into()
        }
        RonError::ExpectedIdentifier => "här ska det stå ett namn".into(),
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!(
                "fel sorts post: \"{found}\" i stället för \"{expected}\" – är det en tertial-fil?"
            )
        }
        RonError::ExpectedStructName(name) => format!("posten \"{name}\" saknar namn"),
        RonError::InvalidValueForType { expected, found } => decimal_hint(expected, found)
            .unwrap_or_else(|| {
                format!(
                    "fel sorts värde: {} där det ska vara {}",
                    swedish_value(found),
                    swedish_value(expected)
                )
            }),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => {
            format!("okänt val \"{found}\" (tillåtna: {})", list(expected))
        }
        RonError::NoSuchStructField {
            expected, found, ..
        } => {
            format!("okänt fält \"{found}\" (kända fält: {})", list(expected))
        }
        RonError::MissingStructField { field, .. } => format!("fältet \"{field}\" saknas"),
        RonError::DuplicateStructField { field, .. } => {
            format!("fältet \"{field}\" står två gånger")
        }
        RonError::ExceededRecursionLimit => "filen är för djupt nästlad".into(),
        RonError::TrailingCharacters => "det står något efter filens slut".into(),
        RonError::UnexpectedChar(c) => format!("oväntat tecken '{}'", c.escape_debug()),
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => {
            "en kommentar avslutas aldrig".into()
        }
        RonError::InvalidEscape(_) => "ogiltig escape-sekvens i en text".into(),
        RonError::Utf8Error(_) => "filen är inte UTF-8-text".into(),
        RonError::NoSuchExtension(name) => format!("okänt RON-tillägg \"{name}\""),
        RonError::Message(m) => translate_serde_message(m),
        other => format!("filen kan inte tolkas ({other})"),
    }
}

/// Serde's own messages (from derived code and `Decimal`) in Swedish.
fn translate_serde_message(m: &str) -> String {
    if let Some(rest) = m.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("fältet \"{field}\" saknas");
    }
    if m.to_lowercase().contains("decimal") {
        return "ogiltigt decimaltal: skriv det inom citattecken med punkt, till exempel \"45.30\""
            .into();
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        return format!("fel sorts värde: {rest}");
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        return format!("ogiltigt värde: {rest}");
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        return format!("fel antal element: {rest}");
    }
    format!("filen kan inte tolkas ({m})")
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            LoadErrorKind::Io(kind, msg) => match kind {
                std::io::ErrorKind::NotFound => write!(f, "Filen {path} finns inte."),
                std::io::ErrorKind::PermissionDenied => {
                    write!(f, "Behörighet saknas för att läsa filen {path}.")
                }
                _ => write!(f, "Filen {path} kunde inte läsas: {msg}"),
            },
            LoadErrorKind::IsDirectory => write!(f, "{path} är en mapp, inte en fil."),
            LoadErrorKind::NotRegular { what } => write!(
                f,
                "{path} är {what}, inte en vanlig fil; tertial läser bara vanliga filer."
            ),
            LoadErrorKind::TooLarge { size } => write!(
                f,
                "Filen {path} är för stor ({} MB; högst {} MB). Är det rätt fil?",
                size.div_ceil(1024 * 1024),
                MAX_FILE_SIZE / (1024 * 1024)
            ),
            LoadErrorKind::Empty => write!(f, "Filen {path} är tom."),
            LoadErrorKind::NotUtf8 { line, col } => write!(
                f,
                "Filen {path} kunde inte läsas: rad {line}, kolumn {col}: filen är inte text i UTF-8 (är det en tertial-fil?)."
            ),
            LoadErrorKind::Syntax { line, col, reason } => {
                let end = if reason.ends_with(['.', '?', '!']) {
                    ""
                } else {
                    "."
                };
                write!(
                    f,
                    "Filen {path} kunde inte läsas: rad {line}, kolumn {col}: {reason}{end}"
                )
            }
            LoadErrorKind::NewerVersion { found } => write!(
                f,
                "Filen {path} är skapad av en nyare version av tertial (filformat {found}; den här versionen läser till och med {FORMAT_VERSION}). Uppdatera tertial för att öppna den."
            ),
            LoadErrorKind::OtherKind { what } => write!(
                f,
                "Filen {path} är {what}, inte en tertial-arbetsyta (.ron)."
            ),
            LoadErrorKind::BadVersion { found } => {
                write!(
                    f,
                    "Filen {path} har ett ogiltigt filformatsnummer ({found})."
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A workspace that could not be saved; the workspace in memory is intact.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Serialize(String),
    Io {
        path: PathBuf,
        message: String,
        /// The system's error, where there is one.
        source: Option<IoSource>,
    },
    /// The path leads to a folder, FIFO or device: never replaced.
    NotRegular {
        path: PathBuf,
        what: &'static str,
    },
    /// A new file was asked for and the name is taken: nothing written.
    Exists {
        path: PathBuf,
    },
    /// The file would be larger than tertial reads: not written.
    TooLarge {
        path: PathBuf,
        size: u64,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Serialize(m) => write!(f, "Arbetsytan kunde inte skrivas som RON: {m}"),
            SaveError::Io { path, message, .. } => write!(
                f,
                "Filen {} kunde inte sparas: {message}. Arbetet finns kvar osparat i programmet.",
                path.display()
            ),
            SaveError::NotRegular { path, what } => write!(
                f,
                "Filen {} kunde inte sparas: det är {what}, inte en vanlig fil, och den ersätts inte. Arbetet finns kvar osparat i programmet.",
                path.display()
            ),
            SaveError::Exists { path } => write!(
                f,
                "{} finns redan och skrivs inte över; välj ett annat namn.",
                path.display()
            ),
            SaveError::TooLarge { path, size } => write!(
                f,
                "Filen {} sparas inte: {}. Arbetet finns kvar osparat i programmet.",
                path.display(),
                too_large_reason(*size)
            ),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io {
                source: Some(source),
                ..
            } => Some(source.error()),
            _ => None,
        }
    }
}

/// The operating system's error behind a Swedish one, kept as its
/// [`std::error::Error::source`]. Shared, so the error stays `Clone`;
/// equal when kind and text are, so it stays `PartialEq`.
#[derive(Debug, Clone)]
pub struct IoSource(Arc<io::Error>);

impl IoSource {
    /// The error itself.
    pub fn error(&self) -> &io::Error {
        &self.0
    }
}

impl From<io::Error> for IoSource {
    fn from(e: io::Error) -> Self {
        IoSource(Arc::new(e))
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

/// Why a file that large is not written.
fn too_large_reason(size: u64) -> String {
    format!(
        "den skulle bli {} MB, större än de {} MB som tertial kan läsa tillbaka",
        size.div_ceil(1024 * 1024),
        MAX_FILE_SIZE / (1024 * 1024)
    )
}

impl SaveError {
    /// The system's error behind this one, if any (for an error that
    /// wraps a failed save and keeps its source).
    pub fn io_source(&self) -> Option<IoSource> {
        match self {
            SaveError::Io { source, .. } => source.clone(),
            _ => None,
        }
    }

    /// Why the write failed, without the file name: for messages that name
    /// the file their own way ("Bilden …", "Rapporten …").
    pub fn into_reason(self) -> String {
        match self {
            SaveError::Io { message, .. } => message,
            SaveError::Serialize(m) => m,
            SaveError::NotRegular { what, .. } => {
                format!("det är {what}, inte en vanlig fil, och den ersätts inte")
            }
            SaveError::Exists { .. } => "filen finns redan och skrivs inte över".into(),
            SaveError::TooLarge { size, .. } => too_large_reason(size),
        }
    }
}
