//! Malformed workspace files, one kind per file in `tests/malformed/`,
//! each with the exact message the author must get: which file, where
//! (line and column) and why, in Swedish. Plus the cases that cannot be
//! kept as files (too large, a folder, missing). Nothing may panic.

use std::path::{Path, PathBuf};

use tertial::storage;

/// File name in `tests/malformed/` and its message; `{fil}` is the path.
const CASES: &[(&str, &str)] = &[
    (
        "binary-noise.ron",
        "Filen {fil} kunde inte läsas: rad 1, kolumn 1: filen är inte text i UTF-8 (är det en tertial-fil?).",
    ),
    (
        "decimal-not-a-number.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 50: fel sorts värde: texten \"sju\" där det ska vara ett decimaltal inom citattecken (till exempel \"45.30\").",
    ),
    (
        "decimal-with-comma.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 50: decimaltal skrivs med punkt i filen: \"7.25\" i stället för \"7,25\".",
    ),
    (
        "deep-nesting.ron",
        "Filen {fil} kunde inte läsas: rad 1, kolumn 44: filen är för djupt nästlad.",
    ),
    (
        "duplicate-field.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 26: fältet \"title\" står två gånger.",
    ),
    ("empty.ron", "Filen {fil} är tom."),
    (
        "huge-decimal.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 27: talet \"123456789012345678901234567890123456789\" har för många siffror (39; ett decimaltal rymmer högst 28).",
    ),
    (
        "huge-integer.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 34: här ska det stå ett heltal (inom tillåtna gränser).",
    ),
    (
        "invalid-escape.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 32: ogiltig escape-sekvens i en text.",
    ),
    (
        "json.ron",
        "Filen {fil} kunde inte läsas: rad 1, kolumn 1: här ska det stå en post inom parenteser ( … ).",
    ),
    (
        "latin1-not-utf8.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 33: filen är inte text i UTF-8 (är det en tertial-fil?).",
    ),
    (
        "list-where-record.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 13: här ska det stå en post inom parenteser ( … ).",
    ),
    (
        "missing-comma.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 3: ett kommatecken saknas.",
    ),
    (
        "missing-version.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 1: fältet \"format_version\" saknas.",
    ),
    (
        "missing-workspace.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 1: fältet \"workspace\" saknas.",
    ),
    (
        "negative-count.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 60: här ska det stå ett heltal (inom tillåtna gränser).",
    ),
    (
        "newer-version.ron",
        "Filen {fil} är skapad av en nyare version av tertial (filformat 99; den här versionen läser till och med 4). Uppdatera tertial för att öppna den.",
    ),
    (
        "nul-bytes.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 1: oväntat styrtecken U+0000 (innehåller filen binära data?).",
    ),
    (
        "number-where-text.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 20: här ska det stå en text inom citattecken.",
    ),
    ("only-whitespace.ron", "Filen {fil} är tom."),
    (
        "text-where-number.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 33: här ska det stå ett heltal (inom tillåtna gränser).",
    ),
    (
        "trailing-characters.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 2: det står något efter filens slut.",
    ),
    (
        "truncated.ron",
        "Filen {fil} kunde inte läsas: rad 383, kolumn 18: filen tar slut mitt i innehållet (är den avklippt?).",
    ),
    (
        "unclosed-comment.ron",
        "Filen {fil} kunde inte läsas: rad 3, kolumn 5: en kommentar avslutas aldrig.",
    ),
    (
        "unclosed-string.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 21: en text saknar sitt avslutande citattecken \".",
    ),
    (
        "unknown-field.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 14: okänt fält \"titel\" (kända fält: \"organisation\", \"kind\", \"period\", \"title\", \"diarienummer\", \"responsible\", \"date\", \"first_goal_chapter\").",
    ),
    (
        "unknown-municipality.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 62: okänt val \"Stockholm\" (tillåtna: \"Aneby\", \"Eksjo\", \"Gislaved\", \"Gnosjo\", \"Habo\", \"Jonkoping\", \"Mullsjo\", \"Nassjo\", \"Savsjo\", \"Tranas\", \"Vaggeryd\", \"Vetlanda\", \"Varnamo\").",
    ),
    (
        "unknown-report-kind.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 20: okänt val \"Arsrapport\" (tillåtna: \"Resultatuppfoljning\", \"Delarsrapport\", \"Verksamhetsberattelse\", \"Verksamhetsplan\").",
    ),
    (
        "version-1-wrong-type.ron",
        "Filen {fil} kunde inte läsas: rad 4, kolumn 59: här ska det stå en text inom citattecken.",
    ),
    (
        "version-as-text.ron",
        "Filen {fil} kunde inte läsas: rad 2, kolumn 18: här ska det stå ett heltal (inom tillåtna gränser).",
    ),
    (
        "version-zero.ron",
        "Filen {fil} har ett ogiltigt filformatsnummer (0).",
    ),
    (
        "word-document.ron",
        "Filen {fil} är ett Word- eller Excel-dokument (eller en zip-fil), inte en tertial-arbetsyta (.ron).",
    ),
    (
        "wrong-struct-name.ron",
        "Filen {fil} kunde inte läsas: rad 1, kolumn 1: fel sorts post: \"Rapport\" i stället för \"Tertial\" – är det en tertial-fil?",
    ),
];

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("malformed")
}

fn message(path: &Path) -> String {
    match storage::load(path) {
        Ok(_) => panic!("{} loaded, but it is malformed", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_malformed_file_gives_its_message() {
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        let path = folder().join(name);
        let expected = expected.replace("{fil}", &path.display().to_string());
        let got = message(&path);
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_and_the_folder_agree() {
    let mut files: Vec<String> = std::fs::read_dir(folder())
        .expect("tests/malformed")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    files.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "every file has a message and every message a file"
    );
    assert!(CASES.len() >= 20, "at least 20 kinds");
}

#[test]
fn messages_name_a_position_where_there_is_one() {
    // Everything RON could not read says where; only the cases decided
    // before reading (empty, other kinds, versions) have no position.
    for (name, expected) in CASES {
        let positional = expected.contains(": rad ");
        let err = storage::load(&folder().join(name)).expect_err(name);
        assert_eq!(err.kind.position().is_some(), positional, "{name}");
        if let Some((line, col)) = err.kind.position() {
            assert!(
                expected.contains(&format!("rad {line}, kolumn {col}:")),
                "{name}"
            );
        }
    }
}

#[test]
fn too_large_a_folder_and_a_missing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("stor.ron");
    let f = std::fs::File::create(&big).expect("create");
    // Sparse: takes no room on disk, but its size is over the limit.
    f.set_len(storage::MAX_FILE_SIZE + 1).expect("set_len");
    assert_eq!(
        message(&big),
        format!(
            "Filen {} är för stor (65 MB; högst 64 MB). Är det rätt fil?",
            big.display()
        )
    );
    let folder = dir.path().join("mapp.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    assert_eq!(
        message(&folder),
        format!("{} är en mapp, inte en fil.", folder.display())
    );
    let missing = dir.path().join("saknas.ron");
    assert_eq!(
        message(&missing),
        format!("Filen {} finns inte.", missing.display())
    );
}
