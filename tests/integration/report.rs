//! The HTML report ("Exportera rapport…", `tertial export-report`): every
//! table and chart of the workspace is in it exactly once, it needs nothing
//! outside itself, its chapters follow the Delårsrapport, and headless
//! Chromium prints it to a PDF with every chapter on a page of its own.
//!
//! The PDF test needs Debian's `chromium` and `pdftotext` (poppler-utils);
//! `.ci/run` installs both. Without them it fails and says what to install
//! (set `TERTIAL_SKIP_BROWSER_TEST=1` to leave it out on purpose).

use std::path::Path;
use std::process::Command;

use crate::common::{
    all_samples, assert_printed_2020_report, find_program, normalise, pdf_pages, sample,
};
use tertial::charts::{ChartKind, chart};
use tertial::domain::model::*;
use tertial::domain::tables::all_tables;
use tertial::export::report::{export_report, report_html};

const DELARSRAPPORT: &str = crate::common::DELARSRAPPORT_2020;

fn html_of(ws: &Workspace) -> String {
    report_html(ws).unwrap_or_else(|e| panic!("{e}"))
}

/// The text of every `<tag>` element, tags inside removed, in order.
fn elements(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        // `<h1` must not match `<h10` or `<header`.
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let Some(end) = after.find(&close) else { break };
        out.push(strip_tags(&after[gt + 1..end]));
        rest = &after[end..];
    }
    out
}

fn strip_tags(s: &str) -> String {
    normalise(&crate::common::without_tags(s).replace("&amp;", "&"))
}

#[test]
fn every_table_and_chart_of_every_sample_is_in_the_report_once() {
    for path in all_samples() {
        let ws = tertial::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let html = html_of(&ws);
        let name = path.display();
        let tables = all_tables(&ws);
        assert!(!tables.is_empty(), "{name}: no tables");
        let cells: std::collections::HashSet<String> = html
            .split("</td>")
            .filter_map(|s| s.rfind('>').map(|gt| s[gt + 1..].to_string()))
            .collect();
        for t in &tables {
            let marker = format!("id=\"{}\"", t.id);
            assert_eq!(
                html.matches(&marker).count(),
                1,
                "{name}: table {} ({}) should be printed once",
                t.id,
                t.title
            );
            // Every cell as the report prints it is in the table.
            for row in &t.rows {
                for cell in &row.cells {
                    let shown = tertial::export::report::esc(&cell.display());
                    assert!(
                        cells.contains(&shown),
                        "{name}: cell {shown:?} of {} missing",
                        t.id
                    );
                }
            }
        }
        assert_eq!(
            html.matches("<table").count(),
            tables.len(),
            "{name}: tables other than the workspace's"
        );
        let mut charts = 0;
        for kind in ChartKind::ALL {
            let has_data = chart(&ws, kind).has_data();
            let marker = format!("data-chart=\"{}\"", kind.slug());
            assert_eq!(
                html.matches(&marker).count(),
                usize::from(has_data),
                "{name}: chart {}",
                kind.slug()
            );
            charts += usize::from(has_data);
        }
        assert_eq!(html.matches("<svg").count(), charts, "{name}");
    }
}

#[test]
fn the_report_needs_nothing_outside_itself() {
    let html = html_of(&sample(DELARSRAPPORT));
    for banned in ["<script", "<link", "<img", "<iframe", "src=\"", "@import"] {
        assert!(!html.contains(banned), "found {banned}");
    }
    // The only addresses are the SVG namespace name, which is never
    // fetched, and addresses the seed prints as text (`&lt;https://…&gt;`).
    let addresses = html.matches("http").count();
    let namespaces = html.matches("\"http://www.w3.org/2000/svg\"").count();
    let in_text = html.matches("&lt;http").count();
    assert_eq!(addresses, namespaces + in_text);
    // Every url() is a data URL (the embedded font).
    for (at, _) in html.match_indices("url(") {
        assert!(html[at..].starts_with("url(data:font/ttf;base64,"));
    }
    assert_eq!(html.matches("@font-face").count(), 2);
}

#[test]
fn the_chapters_follow_the_delarsrapport() {
    let ws = sample(DELARSRAPPORT);
    let html = html_of(&ws);
    let h1 = elements(&html, "h1");
    let want = [
        "Delårsrapport januari-augusti 2020",
        "Innehållsförteckning",
        "1 Inledning",
        "2 Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner",
        "3 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare",
        "4 I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla",
        "5 Vår verksamhet kommer till reell nytta för användarna",
        "6 Vi stärker och ökar kompetensen i länet",
        "7 Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
        "Bilaga 1 Symbolförteckning för mätetal och aktiviteter",
        "Bilaga 2 Deltagande på kurser som arrangerats av Kurs och konferens under januari-juni 2020",
    ];
    assert_eq!(h1, want);

    let h2 = elements(&html, "h2");
    for (i, s) in [
        "1.1 Viktiga händelser med koppling till våra 3 K – kostnadseffektivitet, kompetenshöjning och kvalitetshöjning",
        "1.2 Medarbetare",
        "2.1 Exempel på aktiviteter inom Kommunal utvecklings verksamhet som innebär en hög kostnadseffektivitet för länets kommuner",
        "2.2 Verksamheten söker aktivt externa medel",
        "2.4 Ekonomisk redovisning",
        "3.2 Samtliga kommuner har aktiva representanter i chefsnätverk/styrgrupper eller liknande.",
        "7.1 Pågående forskningsstudier",
        "7.7 Analys",
    ]
    .iter()
    .enumerate()
    {
        assert!(h2.iter().any(|h| h == s), "missing section {i}: {s}");
    }

    // The report tables sit in the sections that list them: Tabell 1 in
    // 2.4, attendance in 3.2, and a research list in 7.1. (Positions are
    // looked up after the contents, which repeat the headings.)
    let body_start = html.find("</nav>").expect("contents");
    let pos = |needle: &str| {
        html[body_start..]
            .find(needle)
            .map(|at| body_start + at)
            .unwrap_or_else(|| panic!("{needle} not found"))
    };
    let s24 = pos("2.4</span>Ekonomisk redovisning");
    let s25 = pos("2.5</span>Ekonomisk analys");
    let budget = pos("id=\"tabell-1-budgetuppfoljning\"");
    assert!(s24 < budget && budget < s25);
    let s32 = pos("3.2</span>Samtliga kommuner");
    let s33 = pos("3.3</span>Kommunal utveckling underlättar");
    let network_chart = pos("data-chart=\"narvaro-per-natverk\"");
    assert!(s32 < network_chart && network_chart < s33);
    let s71 = pos("7.1</span>Pågående forskningsstudier");
    let s72 = pos("7.2</span>Spridning");
    // A study with its text has its title as a sub-heading (seed 003).
    let study = pos("<h3>Erkännande</h3>");
    assert!(s71 < study && study < s72);

    // Status symbols and trend arrows in the mätetal tables, and Bilaga 1
    // explains them.
    assert!(html.contains(">◆ delvis uppfyllt</td>"));
    assert!(html.contains("<td>↗</td>"));
    for s in MeasureStatus::ALL {
        assert!(html.contains(s.legend()), "{s:?}");
    }
    // The contents link to every chapter.
    let contents = &html[html.find("<nav").expect("nav")..body_start];
    assert_eq!(
        contents.matches("<li class=\"level-1\">").count(),
        want.len() - 2
    );
}

/// The contents of the Delårsrapport (seed 003) as it prints them:
/// number and heading of every chapter and section.
const SEED_003_CONTENTS: &str = "\
1 Inledning
1.1 Viktiga händelser med koppling till våra 3 K - kostnadseffektivitet, kompetenshöjning och kvalitetshöjning
1.2 Medarbetare
1.3 Coronapandemins påverkan på Kommunal utvecklings verksamhet
1.4 Framtiden
2 Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner
2.1 Exempel på aktiviteter inom Kommunal utvecklings verksamhet som innebär en hög kostnadseffektivitet för länets kommuner
2.2 Verksamheten söker aktivt externa medel
2.3 Kommunal utvecklings ekonomi är i balans
2.4 Ekonomisk redovisning
2.5 Ekonomisk analys
3 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare
3.1 Exempel på aktiviteter som stimulerar samverkan
3.2 Samtliga kommuner har aktiva representanter i chefsnätverk/styrgrupper eller liknande.
3.3 Kommunal utveckling underlättar samverkan med Region Jönköpings län.
3.4 Analys
4 I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla
4.1 Exempel på arbeten inom Kommunal utveckling som syftar till att stärka medborgarnas inflytande och delaktighet
4.2 Analys
5 Vår verksamhet kommer till reell nytta för användarna
5.1 Exempel på aktiviteter som kommer till reell nytta för användarna
5.2 Analys
6 Vi stärker och ökar kompetensen i länet
6.1 Exempel på aktiviteter som stärker och ökar kompetensen i länet
6.2 Årligen genomförs kurser efter behov och önskemål från verksamheterna samt chefsnätverk/styrgrupper eller liknande.
6.3 Analys
7 Vi använder forskning för att utveckla och förbättra kommunernas verksamheter
7.1 Pågående forskningsstudier
7.2 Spridning
7.3 Stipendier
7.4 Doktorandstudier
7.5 Verksamheten söker aktivt finansiering av forskning
7.6 Samtal med forskare om framtida forskning
7.7 Analys";

#[test]
fn the_2020_contents_have_the_seeds_numbers_in_the_seeds_order() {
    // Dashes and a heading's closing full stop as the seed happens to
    // type them; the words and numbers must be the seed's.
    let plain = |s: &str| {
        normalise(&s.replace('–', "-"))
            .trim_end_matches('.')
            .to_string()
    };
    let ws = sample(DELARSRAPPORT);
    let doc = tertial::export::layout::layout(&ws);
    let ours: Vec<String> = doc
        .contents()
        .iter()
        .filter(|e| !e.heading.number.starts_with("Bilaga"))
        .map(|e| plain(&e.heading.text()))
        .collect();
    let seed: Vec<String> = SEED_003_CONTENTS.lines().map(plain).collect();
    assert_eq!(ours, seed);
    // Agenda 2030 and Utvärdering are in chapter 1 without numbers, after
    // the goals and before 1.1, as in the seed.
    let html = html_of(&ws);
    // Positions in the body, after the contents (which repeat headings).
    let body = html.find("</nav>").expect("contents");
    let at = |needle: &str| {
        html[body..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}"))
    };
    let goals = at("har sex strategiska mål:");
    let agenda = at("<h3>Agenda 2030 och de 17 globala målen</h3>");
    let evaluation = at("<h3>Utvärdering av Kommunal utvecklings verksamhet</h3>");
    let s11 = at("1.1</span>Viktiga händelser");
    assert!(goals < agenda && agenda < evaluation && evaluation < s11);
}

#[test]
fn a_goal_without_content_gets_no_chapter() {
    // The 2022 deck: a Resultatuppföljning, unnumbered as its slides.
    let ws = sample("resultatuppfoljning-2022-t2.ron");
    let doc = tertial::export::layout::layout(&ws);
    let chapters: Vec<String> = doc.chapters.iter().map(|c| c.heading.text()).collect();
    for (i, goal) in ws.goals.iter().enumerate() {
        let empty = goal.intro.trim().is_empty() && goal.sections.is_empty();
        let listed = chapters.iter().any(|c| c == &goal.title);
        assert_eq!(listed, !empty, "goal {i}: {}", goal.title);
    }
    assert!(
        ws.goals.iter().any(|g| g.sections.is_empty()),
        "the sample has an empty goal"
    );
    assert!(
        doc.contents()
            .iter()
            .all(|e| e.heading.number.is_empty() || e.heading.number.starts_with("Bilaga")),
        "a Resultatuppföljning is not numbered: {chapters:?}"
    );
    // Every goal is still named in the introduction.
    let html = html_of(&ws);
    for goal in &ws.goals {
        assert!(html.contains(&format!(
            "<li>{}</li>",
            tertial::export::report::esc(&goal.title)
        )));
    }
    // The deck's research slide: its list under its goal, with the
    // slide's heading.
    let research = chapters
        .iter()
        .position(|c| c.starts_with("Vi använder forskning"))
        .expect("the research goal");
    assert!(doc.chapters[research].blocks.iter().any(|b| matches!(
        b,
        tertial::export::layout::Block::Section(h) if h.title == "Ett urval av forskningsstudier"
    )));
    assert!(!chapters.iter().any(|c| c == "Forskning"), "{chapters:?}");
    // The 43 % sentence once, as on the slide.
    assert_eq!(html.matches("är 43 % en minskning").count(), 1);

    // In a Delårsrapport whose last goal says nothing, the chapters of
    // tables no section lists go on from the last goal printed.
    let mut ws = sample(DELARSRAPPORT);
    let last = ws.goals.len() - 1;
    ws.goals[last].intro.clear();
    ws.goals[last].sections.clear();
    ws.goals[1].sections[1].tables.clear(); // attendance: no section lists it now
    let h1 = elements(&html_of(&ws), "h1");
    assert!(
        !h1.iter()
            .any(|h| h.ends_with(ws.goals[last].title.as_str()))
    );
    let next = ws.report.first_goal_chapter as usize + last;
    assert!(h1.contains(&format!("{next} Närvaro")), "{h1:?}");

    // A goal in the middle that says nothing leaves no gap: the goals
    // after it move up a number, their sections with them (and the editor
    // and Kontroll use the same numbers, `figures::section_number`).
    let mut ws = sample(DELARSRAPPORT);
    ws.goals[2].intro.clear();
    ws.goals[2].sections.clear();
    let doc = tertial::export::layout::layout(&ws);
    let numbers: Vec<String> = doc
        .contents()
        .iter()
        .filter(|e| e.level == 1)
        .map(|e| e.heading.number.clone())
        .collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "5", "6", "Bilaga 1", "Bilaga 2"],
        "{:?}",
        doc.contents()
    );
    let forskning = doc
        .contents()
        .into_iter()
        .find(|e| e.heading.title == "Pågående forskningsstudier")
        .expect("7.1 moved up");
    assert_eq!(forskning.heading.number, "6.1");
    assert_eq!(tertial::domain::figures::section_number(&ws, 5, 0), "6.1");
    assert_eq!(tertial::domain::figures::goal_chapter(&ws, 2), None);
}

#[test]
fn figures_from_illustrative_registrations_are_marked_with_one_note() {
    use tertial::export::layout::{ILLUSTRATIVE_MARK, ILLUSTRATIVE_NOTE};
    let mut ws = sample("resultatuppfoljning-2022-t2.ron");
    assert!(
        ws.attendance.illustrative,
        "the sample's registrations are made up"
    );
    let html = html_of(&ws);
    let marked = format!(" {ILLUSTRATIVE_MARK}</li>");
    assert!(
        html.contains(&format!("71 träffar{marked}")),
        "the summary is marked"
    );
    assert!(html.contains("<caption>Genomsnittsnärvaro per nätverk och grupp *</caption>"));
    assert!(html.contains("<caption>Genomsnittsnärvaro per kommun *</caption>"));
    assert_eq!(
        html.matches(ILLUSTRATIVE_NOTE.split(':').next().unwrap_or(""))
            .count(),
        1
    );
    // Registrations of the author's own: no mark, no note.
    ws.attendance.illustrative = false;
    let html = html_of(&ws);
    assert!(!html.contains(&marked));
    assert!(!html.contains("<caption>Genomsnittsnärvaro per kommun *</caption>"));
    assert!(!html.contains("illustrativa mötesregistreringar"));
}

#[test]
fn tables_no_section_lists_get_chapters_of_their_own() {
    // The 2019 deck lists only some tables in its sections; the economy,
    // courses and survey still have to be in the report, after the goals.
    let ws = sample("resultatuppfoljning-helar-2019.ron");
    let html = html_of(&ws);
    let h1 = elements(&html, "h1");
    let last_goal = h1
        .iter()
        .rposition(|h| ws.goals.iter().any(|g| &g.title == h))
        .expect("goal chapters");
    for title in ["Ekonomi", "Kompetens", "Utvärderingsenkät"] {
        let at = h1.iter().position(|h| h == title);
        assert!(at.is_some_and(|at| at > last_goal), "{title}: {h1:?}");
    }

    // A workspace whose goals have no research sections gets a Forskning
    // chapter for its research lists.
    let ws = Workspace {
        // A Delårsrapport, which numbers its chapters.
        report: ReportFacts {
            kind: ReportKind::Delarsrapport,
            ..ReportFacts::default()
        },
        goals: vec![StrategicGoal {
            title: "Mål".into(),
            ..StrategicGoal::default()
        }],
        research: Research {
            doctoral: vec![ResearchItem {
                title: "Avhandling".into(),
                description: "Disputation 2021.".into(),
                ..ResearchItem::default()
            }],
            ..Research::default()
        },
        ..Workspace::default()
    };
    let html = html_of(&ws);
    let h1 = elements(&html, "h1");
    // Goals start at chapter 2 (the default, as in the Delårsrapport); the
    // goal has nothing to say, so it gets no chapter and Forskning is 2.
    assert!(h1.contains(&"2 Forskning".to_string()), "{h1:?}");
    assert!(html.contains("<h3>Doktorandstudier</h3>"));
    assert!(html.contains("<strong>Avhandling</strong> – Disputation 2021."));
}

#[test]
fn what_the_author_types_is_text_never_markup() {
    let mut ws = sample(DELARSRAPPORT);
    ws.report.title = "Rapport <script>alert(1)</script> & \"citat\"".into();
    ws.goals[0].sections[0].text = "Första stycket <b>fet</b>\n\nAndra stycket".into();
    ws.goals[0].sections[0].measures.push(Measure {
        name: "<img src=x onerror=alert(1)>".into(),
        ..Measure::default()
    });
    let html = html_of(&ws);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("Rapport &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;"));
    assert!(html.contains("<p>Första stycket &lt;b&gt;fet&lt;/b&gt;</p>\n<p>Andra stycket</p>"));
}

#[test]
fn an_empty_workspace_still_gives_a_report() {
    let html = html_of(&Workspace::default());
    let h1 = elements(&html, "h1");
    assert_eq!(
        h1,
        [
            "Resultatuppföljning tertial 1–2 2020",
            "Innehållsförteckning",
        ]
    );
    // Nothing made up: no Bilaga 1 without a mätetal or activity to
    // explain.
    assert!(!html.contains("Symbolförteckning"));
}

#[test]
fn a_report_that_cannot_be_written_says_where_in_swedish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("saknas").join("rapport.html");
    let e = export_report(&sample(DELARSRAPPORT), &path).expect_err("no such folder");
    let msg = e.to_string();
    assert!(msg.starts_with("Rapporten "), "{msg}");
    assert!(msg.contains("rapport.html"), "{msg}");
}

// ------------------------------------------------------------- Chromium

/// Chromium's flags for a headless print with nothing fetched and nothing
/// kept: a fresh profile, no first-run work, no background networking.
fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "Chromium wrote no PDF:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The PDF's text, one string per page.
#[test]
fn chromium_prints_the_report_with_every_chapter_on_a_page_of_its_own() {
    if std::env::var_os("TERTIAL_SKIP_BROWSER_TEST").is_some() {
        eprintln!("TERTIAL_SKIP_BROWSER_TEST is set: the PDF test was left out");
        return;
    }
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]).expect(
        "Chromium is needed for this test: apt-get install chromium poppler-utils \
         (or set TERTIAL_SKIP_BROWSER_TEST=1)",
    );
    let pdftotext = find_program(&["pdftotext"])
        .expect("pdftotext is needed for this test: apt-get install poppler-utils");

    let ws = sample(DELARSRAPPORT);
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("rapport.html");
    export_report(&ws, &html).unwrap_or_else(|e| panic!("{e}"));
    let pdf = dir.path().join("rapport.pdf");
    print_to_pdf(&chromium, &html, &pdf, &dir.path().join("profile"));
    let pages = pdf_pages(&pdftotext, &pdf);

    // Every chapter starts a page: its heading is at the top of some page.
    let mut chapters: Vec<String> = vec!["Innehållsförteckning".into(), "1 Inledning".into()];
    for (i, g) in ws.goals.iter().enumerate() {
        chapters.push(normalise(&format!("{} {}", i + 2, g.title)));
    }
    chapters.push("Bilaga 1 Symbolförteckning för mätetal och aktiviteter".into());
    chapters.push("Bilaga 2 Deltagande på kurser".into());
    let mut last_page = 0;
    for c in &chapters {
        let page = pages
            .iter()
            .position(|p| p.starts_with(c.as_str()))
            .unwrap_or_else(|| panic!("no page starts with {c:?}"));
        assert!(
            page > last_page,
            "{c:?} on page {} is out of order",
            page + 1
        );
        last_page = page;
    }
    assert!(pages[0].contains("Delårsrapport januari-augusti 2020"));
    assert!(pages[0].contains("RJL 2019/1940"));
    // Page numbers at every foot but the title page's; the seed's figures.
    assert_printed_2020_report(&pages);
    // The seed's sentences, as printed (#17).
    let printed = pages.join(" ");
    crate::fidelity::assert_seed_sentences(&crate::fidelity::seed_003_sentences(), &printed, "PDF");
}
