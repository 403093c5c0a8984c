//! The samples hold their seed reports whole (#17): the report tertial
//! prints from the 2020 sample has the sentences of the Delårsrapport
//! (seed 003, kept in `tests/fixtures/seeds/`), and its tables stand in
//! the sections that hold them in the seed. The PDF printed by Chromium is
//! checked the same way in `report.rs` (one conversion for all its checks).

use crate::common::{comparable, sample, seed_sentences, seed_text, sentence_coverage};
use tertial::domain::model::*;
use tertial::export::layout::{Block, Heading, layout};
use tertial::export::report::report_html;

/// Seed 003 as kept in the fixtures.
pub const SEED_003: &str = "003-delarsrapport-2020.txt";

/// The numbers of seed 003's contents (its headings, left out of the
/// sentences).
pub const SEED_003_NUMBERS: &[&str] = &[
    "1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3", "3.1", "3.2",
    "3.3", "3.4", "4", "4.1", "4.2", "5", "5.1", "5.2", "6", "6.1", "6.2", "6.3", "7", "7.1",
    "7.2", "7.3", "7.4", "7.5", "7.6", "7.7",
];

/// The sentences of seed 003's body, from "1 Inledning" to the end.
pub fn seed_003_sentences() -> Vec<String> {
    seed_sentences(&seed_text(SEED_003), "1 Inledning", SEED_003_NUMBERS)
}

/// HTML as text: tags out, the entities the report writes decoded.
fn html_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    crate::common::without_tags(body)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Fails with the missing sentences if fewer than 95 % are found.
pub fn assert_seed_sentences(sentences: &[String], text: &str, what: &str) {
    let (share, missing) = sentence_coverage(sentences, text);
    eprintln!(
        "{what}: {:.1} % of {} seed sentences found; missing: {missing:#?}",
        share * 100.0,
        sentences.len()
    );
    assert!(
        share >= 0.95,
        "{what}: {:.1} % of {} seed sentences found; missing:\n{}",
        share * 100.0,
        sentences.len(),
        missing.join("\n")
    );
}

#[test]
fn the_seed_sentences_are_read_as_sentences() {
    let s = seed_003_sentences();
    // The body has hundreds of sentences; headings and table rows are not
    // among them, a sentence cut by a page break is whole.
    assert!(s.len() > 500, "{}", s.len());
    assert!(s.iter().all(|s| !s.starts_with("2.4 ")));
    assert!(!s.iter().any(|s| s.contains("Mätetal Målvärde")));
    let joined = "Det arbete som sker inom Kommunal utveckling är en del av kommunernas arbete \
                  och bidrar därmed till kommunernas arbete med att nå de 17 globala \
                  utvecklingsmålen.";
    assert!(s.iter().any(|s| s == joined), "page break not joined");
    assert!(
        s.iter()
            .any(|s| s.starts_with("23 kurser har blivit inställda"))
    );
}

#[test]
fn the_2020_report_has_the_seeds_sentences() {
    let ws = sample(crate::common::DELARSRAPPORT_2020);
    let html = report_html(&ws).unwrap_or_else(|e| panic!("{e}"));
    let text = html_text(&html);
    let sentences = seed_003_sentences();
    assert_seed_sentences(&sentences, &text, "HTML");
    // Sentences the issue named as missing, each checked by itself.
    for s in [
        "Antalet årsarbetare som arbetar med FoU-verksamhet är 27,95 vilket är en ökning med \
         3,35 jämfört med föregående år (24,40 tertiäl 3 2019).",
        "Resterande 12,95 årsarbetare arbetar inom övrig verksamhet, vilket är en minskning med \
         8,65 jämfört med 2019 (21,80 tertiäl 3 2019).",
        "För 2020 avsätts 20 149 360 kronor, via RSS-strukturen till kommunerna.",
        "23 kurser har blivit inställda på grund av coronapandemin eller sjuka kursledare.",
    ] {
        assert!(text_has(&text, s), "not in the report: {s}");
    }
}

fn text_has(text: &str, s: &str) -> bool {
    comparable(text).contains(&comparable(s))
}

/// For each table of the report, the heading of the section (or chapter,
/// or appendix) it stands under, in document order.
fn tables_by_heading(ws: &Workspace) -> Vec<(Heading, String)> {
    let doc = layout(ws);
    let mut out = Vec::new();
    for c in &doc.chapters {
        let mut at = c.heading.clone();
        for b in &c.blocks {
            match b {
                Block::Section(h) => at = h.clone(),
                Block::Table(t) => out.push((at.clone(), t.title.clone())),
                _ => {}
            }
        }
    }
    out
}

/// [`tables_by_heading`] by the headings' numbers.
fn tables_by_section(ws: &Workspace) -> Vec<(String, String)> {
    tables_by_heading(ws)
        .into_iter()
        .map(|(h, t)| (h.number, t))
        .collect()
}

#[test]
fn the_2020_tables_stand_where_the_seed_has_them() {
    let ws = sample(crate::common::DELARSRAPPORT_2020);
    let placed = tables_by_section(&ws);
    let section_of = |title: &str| -> Vec<&str> {
        placed
            .iter()
            .filter(|(_, t)| t.starts_with(title))
            .map(|(s, _)| s.as_str())
            .collect()
    };
    // Read off seed 003: where each of its tables is printed.
    for (title, sections) in [
        ("Antal medarbetare och anställningsformer", &["1.2"][..]),
        // The seed calls this one Tabell 1 too; tertial's title leaves
        // the number out so that Tabell 1 is one table.
        ("Exempel på kostnadsreducering", &["2.1"]),
        ("Aktiviteter", &["2.2"]),
        ("Tabell 1 Budgetuppföljning", &["2.4"]),
        ("Tabell 2a", &["2.4"]),
        ("Tabell 2b", &["2.4"]),
        ("Tabell 3a", &["2.4"]),
        ("Tabell 3b", &["2.4"]),
        ("Mätetal", &["2.2", "2.3", "3.2", "3.3", "6.2"]),
        ("Bilaga 2 Deltagande på kurser", &["Bilaga 2"]),
        (
            "Antal kurser/arrangemang fördelat per verksamhetsområde",
            &["Bilaga 2"],
        ),
    ] {
        assert_eq!(section_of(title), sections, "{title}: {placed:#?}");
    }
    // The seed's order within 2.4: Tabell 1, 2a, 2b, 3a, 3b.
    let order: Vec<&str> = placed
        .iter()
        .filter(|(s, _)| s == "2.4")
        .map(|(_, t)| t.split(' ').take(2).last().unwrap_or(""))
        .collect();
    assert_eq!(order, ["1", "2a", "2b", "3a", "3b"]);
}

#[test]
fn the_2020_prose_keeps_the_seeds_order_around_its_tables() {
    let ws = sample(crate::common::DELARSRAPPORT_2020);
    let html = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    let text = comparable(&html);
    // Positions in the body, after the contents (which repeat the
    // headings).
    let body = text
        .find("1 Inledning Primärkommunalt")
        .expect("the body's first chapter");
    let at = |s: &str| {
        text[body..]
            .find(&comparable(s))
            .unwrap_or_else(|| panic!("not in the report: {s}"))
    };
    // 1.2: the changes of staff under their own sub-heading, then the
    // table's lead-in, the table, and its footnote.
    assert!(at("Förändring av tjänster under aktuell period") < at("I nedanstående tabell"));
    assert!(at("I nedanstående tabell") < at("* Förflyttningen från tjänsteköp"));
    // 2.1: the Kurs och konferens income stays in 2.1, before 2.2.
    assert!(at("Kurs och konferens intäkter uppgår") < at("2.2 Verksamheten söker"));
    assert!(at("2.1 Exempel på aktiviteter") < at("Kurs och konferens intäkter uppgår"));
    // Bilaga 2: the notes under the participants, then the areas.
    assert!(at("Bilaga 2") < at("* I externa deltagare anges"));
    assert!(at("* I externa deltagare anges") < at("Antal kurser/arrangemang fördelat"));
}

/// The chapters a plan's seed (004, a slide deck) has: its "# " headings,
/// each once, in order, up to the closing slide.
fn seed_004_chapters() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in seed_text("004-verksamhetsplan-2021-2023.txt").lines() {
        let Some(title) = line.strip_prefix("# ") else {
            continue;
        };
        let title = title.trim().trim_matches('*').to_string();
        if title.starts_with("Kommunal utvecklings verksamhetsplan") {
            continue; // the title slide
        }
        if out.last() != Some(&title) {
            out.push(title);
        }
    }
    out
}

#[test]
fn the_plan_is_laid_out_in_its_seeds_order() {
    let ws = sample(crate::common::PLAN_2021);
    let doc = layout(&ws);
    let chapters: Vec<String> = doc.chapters.iter().map(|c| c.heading.text()).collect();
    let seed = seed_004_chapters();
    assert_eq!(
        seed,
        [
            "Nuläge och förutsättningar",
            "PKS prioriterade fokusområden för Kommunal utveckling",
            "Medarbetare",
            "Kommunal utvecklings strategiska mål",
            "Agenda 2030 och de 17 globala målen",
            "Planering på områdesnivå",
            "Budget och finansiering",
        ]
    );
    // No numbers, no goal chapters that are only a heading, no Bilaga 1
    // (a plan has no mätetal), no "Viktiga händelser".
    assert_eq!(chapters, seed);
    let html = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    assert!(!html.contains("Viktiga händelser"));
    // The budget table stands among the budget texts, as in the seed.
    let text = comparable(&html);
    let at = |s: &str| text.rfind(&comparable(s)).unwrap_or_else(|| panic!("{s}"));
    assert!(at("Förändringen beror dels") < at("Överskott sedan tidigare år"));
    assert!(at("Överskott sedan tidigare år") < at("De disponibla statliga medlen"));
}

#[test]
fn the_plan_report_has_the_seeds_sentences() {
    let ws = sample(crate::common::PLAN_2021);
    let text = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    let mut sentences = seed_sentences(
        &seed_text("004-verksamhetsplan-2021-2023.txt"),
        "# Nuläge och förutsättningar",
        &[],
    );
    // The deck's closing slide is not part of the plan's text.
    sentences.retain(|s| s != "Tack för er uppmärksamhet!");
    assert!(sentences.len() > 30, "{}", sentences.len());
    let (share, missing) = sentence_coverage(&sentences, &text);
    assert!(share == 1.0, "missing: {missing:#?}");
}

#[test]
fn the_2022_report_has_the_seed_decks_sentences_and_bullets() {
    let ws = sample(crate::common::TERTIAL_2022);
    let text = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    let mut sentences = seed_sentences(
        &seed_text("002-resultatuppfoljning-2022.txt"),
        "Viktiga händelser med koppling till våra 3 K",
        &[],
    );
    sentences.retain(|s| s != "Tack för er uppmärksamhet!");
    assert!(sentences.len() > 25, "{}", sentences.len());
    assert_seed_sentences(&sentences, &text, "2022");
    // The deck's words before each list of the 3 K.
    assert!(text_has(
        &text,
        "Under aktuell period har bland annat följande aktiviteter genomförts med koppling till \
         Kompetenshöjning;"
    ));
}

#[test]
fn the_2022_staff_table_prints_its_figures_as_the_seed() {
    // Seed 002 prints årsarbetare as its Excel table shows them (10,9;
    // 50,6), the 2020 report always with two decimals (10,90).
    let seed = seed_text("002-resultatuppfoljning-2022.txt");
    let printed: Vec<Vec<String>> = seed
        .lines()
        .filter(|l| l.starts_with("20") && l.contains("tertial") && l.contains('\t'))
        .map(|l| l.split('\t').skip(1).map(str::to_string).collect())
        .collect();
    assert_eq!(printed.len(), 8);
    let ws = sample(crate::common::TERTIAL_2022);
    let table = tertial::domain::tables::staff_table(&ws.staff);
    let ours: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().skip(1).map(|c| c.display()).collect())
        .collect();
    assert_eq!(ours, printed);
    let ws = sample(crate::common::DELARSRAPPORT_2020);
    let table = tertial::domain::tables::staff_table(&ws.staff);
    assert_eq!(table.rows[2].cells[3].display(), "10,90");
}

#[test]
fn the_2022_report_follows_its_decks_order() {
    // Seed 002's slides: the 3 K, Medarbetare, then the three goals it
    // shows; each heading of the report's contents in that order.
    let ws = sample(crate::common::TERTIAL_2022);
    let doc = layout(&ws);
    let headings: Vec<String> = doc
        .contents()
        .iter()
        .map(|e| e.heading.title.clone())
        .collect();
    let seed = seed_text("002-resultatuppfoljning-2022.txt");
    let at_seed = |s: &str| {
        seed.find(s)
            .unwrap_or_else(|| panic!("not in the seed: {s}"))
    };
    let at_doc = |prefix: &str| {
        headings
            .iter()
            .position(|h| h.starts_with(prefix))
            .unwrap_or_else(|| panic!("no heading {prefix:?}: {headings:#?}"))
    };
    let order = [
        "Viktiga händelser med koppling till våra 3 K",
        "Medarbetare",
        "Vi har en ändamålsenlig och kostnadseffektiv verksamhet",
        "Vi har ett starkt och jämbördigt partnerskap",
        "Vi använder forskning",
    ];
    for pair in order.windows(2) {
        assert!(at_seed(pair[0]) < at_seed(pair[1]), "{pair:?} in the seed");
        assert!(at_doc(pair[0]) < at_doc(pair[1]), "{pair:?}: {headings:#?}");
    }
    // The staff table under Medarbetare, the attendance history under the
    // partnership goal, as on the slides.
    let placed = tables_by_heading(&ws);
    let under = |table: &str| {
        placed
            .iter()
            .find(|(_, t)| t.starts_with(table))
            .map(|(h, _)| h.title.clone())
            .unwrap_or_else(|| panic!("no table {table}: {placed:#?}"))
    };
    assert_eq!(under("Antal medarbetare"), "Medarbetare");
    assert_eq!(under("Närvaro jämfört med tidigare perioder"), "Närvaro");
}

#[test]
fn the_sentences_the_issue_found_missing_are_in_the_2020_report() {
    let ws = sample(crate::common::DELARSRAPPORT_2020);
    let text = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    for s in [
        // Tabell 1's footnote on the state funds.
        "Till God och nära vård uppgår statsbidraget till 21 miljoner kronor",
        "Statsbidraget till Förstärkt samverkan, 16 miljoner kronor",
        // 3.2 (the mätetal's description, as the seed words it) and 3.4.
        "2019 (73 %)",
        "drygt 3 träffar",
        "fem chefer",
        // 6.2's mätetal.
        "antalet inställda kurser under hela 2019 var enbart 9 stycken",
        // The Kurs och konferens income, in 2.1.
        "648 000 kronor",
        "425 000 kronor",
    ] {
        assert!(text_has(&text, s), "not in the report: {s}");
    }
}

#[test]
fn the_2019_report_has_the_seed_decks_sentences_and_bullets() {
    let ws = sample(crate::common::HELAR_2019);
    let text = html_text(&report_html(&ws).unwrap_or_else(|e| panic!("{e}")));
    let seed = seed_text("001-resultatuppfoljning-helar-2019.txt");
    let mut sentences = seed_sentences(&seed, "Kommunal utvecklings strategiska mål", &[]);
    sentences.retain(|s| s != "Tack för er uppmärksamhet!");
    assert!(sentences.len() > 40, "{}", sentences.len());
    assert_seed_sentences(&sentences, &text, "2019");
    // The deck's own words before each K's list.
    assert!(text_has(
        &text,
        "Under 2019 har bland annat följande aktiviteter genomförts med koppling Kompetenshöjning;"
    ));
}

#[test]
fn the_plans_deck_follows_the_plan_as_seed_004_does() {
    // Seed 004 is itself a deck: its slides' headings, each once, in
    // order, are the chapters of the plan; tertial's deck of the plan has
    // the same, between the title and the closing slide.
    let ws = sample(crate::common::PLAN_2021);
    let slides = tertial::export::pptx::deck::slides(&ws);
    assert_eq!(
        slides.first().map(|s| s.heading.as_str()),
        Some("Kommunal utvecklings verksamhetsplan och budget 2021-2023")
    );
    assert_eq!(
        slides.last().map(|s| s.heading.as_str()),
        Some("Tack för er uppmärksamhet!")
    );
    let mut headings: Vec<String> = Vec::new();
    for s in &slides[1..slides.len() - 1] {
        let h = s.heading.trim_end_matches(" (forts.)").to_string();
        if headings.last() != Some(&h) {
            headings.push(h);
        }
    }
    assert_eq!(headings, seed_004_chapters());
    // One slide per area of "Planering på områdesnivå", as in the seed.
    let areas = slides
        .iter()
        .filter(|s| s.heading == "Planering på områdesnivå")
        .count();
    assert_eq!(areas, 5);
}
