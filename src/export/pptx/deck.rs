//! What the slide deck says: the slides of the period's
//! Resultatuppföljning, in the seed decks' order, as plain data (headings,
//! paragraphs, tables from `domain::tables`, charts by kind). How a slide
//! is laid out and written as XML is `xml`'s business.
//!
//! The order (Resultatuppföljning tertial 1–2 2020, helår 2019, tertial 2
//! 2022): title; strategic goals; Fokusområden; one slide per K of
//! "Viktiga händelser med koppling till våra 3 K"; Medarbetare; Ekonomi
//! (applications, financing); attendance (key figures, then the three
//! charts); Kompetens; survey; Forskning; Framtid; Tack. Each slide's
//! heading is the strategic goal its figures belong to, as in the seeds; a
//! part without data gives no slide.

use super::xml;
use crate::charts::{self, ChartKind};
use crate::domain::figures;
use crate::domain::model::{Passage, ReportKind, ResearchItem, TableRef, Workspace};
use crate::domain::numbers::{format_percent, round_half_up};
use crate::domain::period::with_en_dash;
use crate::domain::tables::{self, Table};

/// One paragraph: bold or plain runs, with or without a bullet.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub runs: Vec<(String, bool)>,
    pub bullet: bool,
}

impl Para {
    pub fn plain(text: impl Into<String>) -> Para {
        Para {
            runs: vec![(text.into(), false)],
            bullet: false,
        }
    }

    pub fn bullet(text: impl Into<String>) -> Para {
        Para {
            runs: vec![(text.into(), false)],
            bullet: true,
        }
    }

    pub fn bold(text: impl Into<String>) -> Para {
        Para {
            runs: vec![(text.into(), true)],
            bullet: false,
        }
    }

    /// The paragraph's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|(t, _)| t.as_str()).collect()
    }
}

/// A piece of a slide's body, stacked top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text(Vec<Para>),
    Table(Table),
    /// A chart as a 1920×1080 picture with its description as alt text.
    Chart(ChartKind),
}

/// The two kinds of slide the template has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Title and subtitle on a plain slide (first and last slide).
    Title,
    /// A heading over the body.
    Content,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub layout: Layout,
    pub heading: String,
    /// The title slide's subtitle lines.
    pub subtitle: Vec<String>,
    pub body: Vec<Block>,
}

impl Slide {
    fn content(heading: impl Into<String>, body: Vec<Block>) -> Slide {
        Slide {
            layout: Layout::Content,
            heading: heading.into(),
            subtitle: Vec::new(),
            body,
        }
    }
}

/// The deck of `ws`, slide by slide.
pub fn slides(ws: &Workspace) -> Vec<Slide> {
    let mut out = vec![title_slide(ws)];
    if ws.report.kind == ReportKind::Verksamhetsplan {
        out.extend(plan_slides(ws));
        out.push(closing_slide(ws));
        return out.into_iter().flat_map(paginate).collect();
    }
    out.extend(goals_slide(ws));
    out.extend(focus_slide(ws));
    out.extend(three_k_slides(ws));
    out.extend(staff_slide(ws));
    out.extend(economy_slides(ws));
    out.extend(attendance_slides(ws));
    out.extend(competence_slide(ws));
    out.extend(survey_slide(ws));
    out.extend(research_slide(ws));
    out.extend(future_slide(ws));
    out.push(closing_slide(ws));
    out.into_iter().flat_map(paginate).collect()
}

fn closing_slide(ws: &Workspace) -> Slide {
    Slide {
        layout: Layout::Title,
        heading: "Tack för er uppmärksamhet!".into(),
        subtitle: vec![ws.report.organisation.clone()],
        body: Vec::new(),
    }
}

/// A plan's deck is the plan (seed 004 is itself a deck): one slide per
/// chapter of the plan's layout, in its order, a new slide at each
/// sub-heading (as *Planering på områdesnivå* has one per area); a slide
/// too long for the page goes on as `paginate` splits it.
fn plan_slides(ws: &Workspace) -> Vec<Slide> {
    use crate::export::layout::{self, Block as Doc, ChapterKind};
    let doc = layout::layout(ws);
    let mut out = Vec::new();
    for chapter in doc
        .chapters
        .iter()
        .filter(|c| c.kind == ChapterKind::Chapter)
    {
        let heading = chapter.heading.text();
        let mut body: Vec<Block> = Vec::new();
        let mut paras: Vec<Para> = Vec::new();
        let flush = |paras: &mut Vec<Para>, body: &mut Vec<Block>| {
            if !paras.is_empty() {
                body.push(Block::Text(std::mem::take(paras)));
            }
        };
        for b in &chapter.blocks {
            match b {
                Doc::Subheading(t) | Doc::Section(layout::Heading { title: t, .. }) => {
                    if !paras.is_empty() || !body.is_empty() {
                        flush(&mut paras, &mut body);
                        out.push(Slide::content(&heading, std::mem::take(&mut body)));
                    }
                    paras.push(Para::bold(t.trim()));
                }
                Doc::Text(t) => paras.extend(
                    t.split("\n\n")
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(Para::plain),
                ),
                Doc::Bullets(items) | Doc::Summary(items) => {
                    paras.extend(items.iter().map(|i| Para::bullet(i.trim())));
                }
                Doc::Numbered(items) => paras.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, t)| Para::plain(format!("{}. {}", i + 1, t.trim()))),
                ),
                Doc::Note(t) => paras.push(Para::plain(t.trim())),
                Doc::Research(items) => paras.extend(items.iter().map(|i| {
                    if i.description.trim().is_empty() {
                        Para::bullet(i.title.trim())
                    } else {
                        Para::bullet(format!("{} – {}", i.title.trim(), i.description.trim()))
                    }
                })),
                Doc::Table(t) => {
                    flush(&mut paras, &mut body);
                    body.push(Block::Table(t.clone()));
                }
                Doc::Chart(kind) => {
                    flush(&mut paras, &mut body);
                    body.push(Block::Chart(*kind));
                }
                // Bilaga 1's legend is not in a plan's chapters.
                Doc::Legend(_) => {}
            }
        }
        flush(&mut paras, &mut body);
        out.push(Slide::content(&heading, body));
    }
    out
}

/// `slide`, or as many slides as its body needs to be read at
/// [`xml::MIN_READABLE`] points or more: long lists go on by paragraph,
/// long tables by row (each part with the headers, the title marked
/// "(forts.)"), each slide under the same heading.
pub fn paginate(slide: Slide) -> Vec<Slide> {
    if slide.layout != Layout::Content || xml::fits(&slide.body) {
        return vec![slide];
    }
    let mut pages: Vec<Vec<Block>> = Vec::new();
    let mut page: Vec<Block> = Vec::new();
    let mut queue: std::collections::VecDeque<Block> = slide.body.into_iter().collect();
    while let Some(block) = queue.pop_front() {
        let mut with = page.clone();
        with.push(block.clone());
        if xml::fits(&with) {
            page = with;
            continue;
        }
        // The largest first part of the block that still fits here.
        let parts = block_len(&block);
        let fits_first = |n: usize| {
            let mut try_page = page.clone();
            try_page.push(first_part(&block, n));
            xml::fits(&try_page)
        };
        let (mut lo, mut hi) = (0usize, parts);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits_first(mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo == 0 {
            if page.is_empty() {
                // Not even one paragraph or row fits: it gets a slide of
                // its own and is set as small as it must be.
                pages.push(vec![first_part(&block, 1)]);
                if parts > 1 {
                    queue.push_front(rest_part(&block, 1));
                }
            } else {
                pages.push(std::mem::take(&mut page));
                queue.push_front(block);
            }
            continue;
        }
        page.push(first_part(&block, lo));
        pages.push(std::mem::take(&mut page));
        if lo < parts {
            queue.push_front(rest_part(&block, lo));
        }
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
        .into_iter()
        .map(|body| Slide {
            body,
            ..Slide::content(slide.heading.clone(), Vec::new())
        })
        .collect()
}

/// How many paragraphs or rows a block can be split into.
fn block_len(b: &Block) -> usize {
    match b {
        Block::Text(p) => p.len(),
        Block::Table(t) => t.rows.len(),
        Block::Chart(_) => 1,
    }
}

fn first_part(b: &Block, n: usize) -> Block {
    match b {
        Block::Text(p) => Block::Text(p[..n.min(p.len())].to_vec()),
        Block::Table(t) => Block::Table(Table {
            rows: t.rows[..n.min(t.rows.len())].to_vec(),
            ..t.clone()
        }),
        Block::Chart(k) => Block::Chart(*k),
    }
}

fn rest_part(b: &Block, n: usize) -> Block {
    match b {
        Block::Text(p) => Block::Text(p[n.min(p.len())..].to_vec()),
        Block::Table(t) => Block::Table(Table {
            title: if t.title.is_empty() {
                String::new()
            } else if t.title.ends_with("(forts.)") {
                t.title.clone()
            } else {
                format!("{} (forts.)", t.title)
            },
            rows: t.rows[n.min(t.rows.len())..].to_vec(),
            ..t.clone()
        }),
        Block::Chart(k) => Block::Chart(*k),
    }
}

/// "tertial 1–2 2020".
fn period(ws: &Workspace) -> String {
    ws.report.period.label()
}

fn title_slide(ws: &Workspace) -> Slide {
    let r = &ws.report;
    let report = crate::export::report::document_title(ws);
    // A plan's deck is the plan itself (seed 004's first slide is its
    // title); the others present the period's follow-up.
    let heading = if r.kind == ReportKind::Verksamhetsplan {
        report.clone()
    } else {
        format!("Resultatuppföljning {}", period(ws))
    };
    let mut subtitle = vec![r.organisation.clone()];
    if !report.trim().is_empty() && report != heading {
        subtitle.push(report);
    }
    if !r.date.trim().is_empty() {
        subtitle.push(r.date.clone());
    }
    Slide {
        layout: Layout::Title,
        heading,
        subtitle,
        body: Vec::new(),
    }
}

fn goals_slide(ws: &Workspace) -> Option<Slide> {
    let goals: Vec<Para> = ws
        .goals
        .iter()
        .filter(|g| !g.title.trim().is_empty())
        .map(|g| Para::bullet(g.title.trim()))
        .collect();
    (!goals.is_empty()).then(|| {
        Slide::content(
            "Kommunal utvecklings strategiska mål",
            vec![Block::Text(goals)],
        )
    })
}

fn focus_slide(ws: &Workspace) -> Option<Slide> {
    let f = &ws.focus;
    if f.areas.is_empty() && f.decided.trim().is_empty() {
        return None;
    }
    let mut paras = Vec::new();
    if !f.decided.trim().is_empty() {
        paras.push(Para::plain(f.decided.trim()));
    }
    paras.extend(
        f.areas
            .iter()
            .enumerate()
            .map(|(i, a)| Para::plain(format!("{}. {}", i + 1, a.trim()))),
    );
    paras.push(Para::plain(
        "Det är av stor vikt att verksamhetens aktiviteter leder till följande effekter för \
         länets kommuner: kostnadseffektivitet, kompetenshöjning och/eller kvalitetshöjning \
         (våra 3 K).",
    ));
    Some(Slide::content(
        "Fokusområden och våra 3 K – kostnadseffektivitet, kompetenshöjning och kvalitetshöjning",
        vec![Block::Text(paras)],
    ))
}

fn three_k_slides<'a>(ws: &'a Workspace) -> Vec<Slide> {
    let f = &ws.focus;
    // The deck's own shorter points where the author gave them.
    let points = |slide: &'a Vec<String>, report: &'a Vec<String>| {
        if slide.iter().any(|i| !i.trim().is_empty()) {
            slide
        } else {
            report
        }
    };
    [
        (
            "Kostnadseffektivitet",
            points(&f.slide_kostnadseffektivitet, &f.kostnadseffektivitet),
        ),
        (
            "Kompetenshöjning",
            points(&f.slide_kompetenshojning, &f.kompetenshojning),
        ),
        (
            "Kvalitetshöjning",
            points(&f.slide_kvalitetshojning, &f.kvalitetshojning),
        ),
    ]
    .into_iter()
    .filter(|(_, items)| items.iter().any(|i| !i.trim().is_empty()))
    .map(|(k, items)| {
        let mut paras = vec![Para {
            runs: vec![
                (format!("{} ", f.lead_in()), false),
                (k.to_string(), true),
                (";".to_string(), false),
            ],
            bullet: false,
        }];
        paras.extend(
            items
                .iter()
                .filter(|i| !i.trim().is_empty())
                .map(|i| Para::bullet(i.trim())),
        );
        Slide::content(
            "Viktiga händelser med koppling till våra 3 K",
            vec![Block::Text(paras)],
        )
    })
    .collect()
}

/// The title of the first goal with a section that shows table `r`, else
/// of the first goal whose title contains `word`, else `fallback`.
fn heading_for(ws: &Workspace, r: TableRef, word: &str, fallback: &str) -> String {
    let by_table = ws
        .goals
        .iter()
        .find(|g| g.sections.iter().any(|s| s.table_refs().any(|t| t == r)));
    let by_word = || {
        ws.goals
            .iter()
            .find(|g| g.title.to_lowercase().contains(word))
    };
    by_table
        .or_else(by_word)
        .map(|g| g.title.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

fn staff_slide(ws: &Workspace) -> Option<Slide> {
    let s = &ws.staff;
    if s.rows.is_empty() {
        return None;
    }
    let mut table = tables::staff_table(s);
    table.title = format!(
        "Antal medarbetare och anställningsformer inom Kommunal utveckling, {}",
        period_span(
            s.rows.first().map(|r| r.period.as_str()),
            s.rows.last().map(|r| r.period.as_str())
        )
    );
    for row in &mut table.rows {
        if let Some(first) = row.cells.first_mut() {
            *first = tables::Cell::text(with_en_dash(&first.display()));
        }
    }
    let mut body = vec![Block::Table(table)];
    if let Some(sentence) = tables::staff_financing_sentence(ws) {
        body.push(Block::Text(vec![
            Para::bold("Finansiering av medarbetare"),
            Para::plain(sentence),
        ]));
    }
    Some(Slide::content(
        heading_for(ws, TableRef::Staff, "medarbetare", "Medarbetare"),
        body,
    ))
}

/// "2019 – tertial 1 till 2020 – tertial 2".
fn period_span(first: Option<&str>, last: Option<&str>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b => {
            format!("{} till {}", with_en_dash(a.trim()), with_en_dash(b.trim()))
        }
        (Some(a), _) => with_en_dash(a.trim()),
        _ => String::new(),
    }
}

fn economy_slides(ws: &Workspace) -> Vec<Slide> {
    let e = &ws.economy;
    let mut out = Vec::new();
    if e.applications.has_any() {
        let mut t = tables::application_comparison(&e.applications);
        for row in &mut t.rows {
            if let Some(first) = row.cells.first_mut() {
                *first = tables::Cell::text(charts::data::period_label(&first.display()));
            }
        }
        out.push(Slide::content(
            heading_for(ws, TableRef::Applications, "kostnadseffektiv", "Ekonomi"),
            vec![Block::Table(t)],
        ));
    }
    if let Some(f) = &e.financing {
        let mut t = tables::financing_share_table(f);
        if !f.heading.trim().is_empty() {
            t.title = f.heading.trim().to_string();
        }
        out.push(Slide::content(
            heading_for(ws, TableRef::Financing, "kostnadseffektiv", "Ekonomi"),
            vec![Block::Table(t)],
        ));
    }
    out
}

fn attendance_slides(ws: &Workspace) -> Vec<Slide> {
    let a = &ws.attendance;
    let heading = heading_for(ws, TableRef::Attendance, "partnerskap", "Närvaro");
    let mut out = Vec::new();
    let f = figures::attendance(a);
    if !a.earlier.is_empty() || !a.groups.is_empty() {
        let mut body = Vec::new();
        if f.networks > 0 {
            body.push(Block::Text(vec![Para::plain(format!(
                "Under {} har registrering av närvaron genomförts för totalt {} olika \
                 nätverk/styrgrupper. Målet är {} närvaro.",
                period(ws),
                f.networks,
                format_percent(a.target)
            ))]));
        }
        let mut t = tables::attendance_history_table_of(a, &f);
        for row in &mut t.rows {
            if let Some(first) = row.cells.first_mut() {
                let text = first.display();
                let label = if text == "Aktuell period" {
                    charts::data::capitalised(&period(ws))
                } else {
                    charts::data::period_label(&text)
                };
                *first = tables::Cell::text(label);
            }
        }
        // The current period's row and the meeting forms come from the
        // registrations: marked, with the documents' note, where those are
        // illustrative.
        let mark = if a.illustrative {
            format!(" {}", crate::export::layout::ILLUSTRATIVE_MARK)
        } else {
            String::new()
        };
        if !t.rows.is_empty() {
            t.title.push_str(&mark);
            body.push(Block::Table(t));
        }
        let meetings: u32 = f.forms.iter().sum();
        if meetings > 0 {
            let pct = |v: Option<rust_decimal::Decimal>| {
                v.map(|x| format_percent(round_half_up(x, 0)))
                    .unwrap_or_else(|| "–".into())
            };
            body.push(Block::Text(vec![Para::plain(format!(
                "Under {} har {} av mötena genomförts fysiskt, {} digitalt och {} i en \
                 kombination av både fysiskt och digitalt.{mark}",
                period(ws),
                pct(f.form_shares[0]),
                pct(f.form_shares[1]),
                pct(f.form_shares[2])
            ))]));
        }
        if a.illustrative {
            body.push(Block::Text(vec![Para::plain(
                "* Beräknat från illustrativa mötesregistreringar, inte från rapportens \
                 egna uppgifter; så också närvarodiagrammen som följer.",
            )]));
        }
        if body.iter().any(|b| matches!(b, Block::Table(_))) {
            out.push(Slide::content(heading.clone(), body));
        }
    }
    for kind in [
        ChartKind::NetworkAttendance,
        ChartKind::MunicipalityAttendance,
        ChartKind::PksAttendance,
    ] {
        if charts::chart(ws, kind).has_data() {
            out.push(Slide::content(heading.clone(), vec![Block::Chart(kind)]));
        }
    }
    out
}

fn competence_slide(ws: &Workspace) -> Option<Slide> {
    let c = &ws.courses;
    if c.periods.is_empty() {
        return None;
    }
    let mut t = tables::course_period_table(c);
    for row in &mut t.rows {
        if let Some(first) = row.cells.first_mut() {
            *first = tables::Cell::text(charts::data::period_label(&first.display()));
        }
    }
    let mut body = vec![Block::Table(t)];
    if let Some(n) = c.cancelled.filter(|n| *n >= rust_decimal::Decimal::ONE) {
        body.push(Block::Text(vec![Para::plain(format!(
            "Under perioden har {} blivit inställda.",
            crate::domain::tables::counted(n.try_into().unwrap_or(0usize), "kurs", "kurser")
        ))]));
    }
    Some(Slide::content(
        heading_for(ws, TableRef::Courses, "kompetens", "Kompetens"),
        body,
    ))
}

fn survey_slide(ws: &Workspace) -> Option<Slide> {
    let s = &ws.survey;
    if !charts::chart(ws, ChartKind::Survey).has_data() {
        return None;
    }
    let counts: Vec<String> = s
        .years
        .iter()
        .zip(&s.respondents)
        .filter_map(|(y, n)| {
            n.map(|n| format!("{}: {}", y, crate::domain::numbers::format_amount(n)))
        })
        .collect();
    let mut body = Vec::new();
    if !counts.is_empty() {
        body.push(Block::Text(vec![Para::plain(format!(
            "Antal svar: {}",
            counts.join(", ")
        ))]));
    }
    body.push(Block::Chart(ChartKind::Survey));
    Some(Slide::content(
        "Utvärdering av Kommunal utvecklings verksamhet",
        body,
    ))
}

fn research_slide(ws: &Workspace) -> Option<Slide> {
    let r = &ws.research;
    let groups: [(&str, &Vec<ResearchItem>); 3] = [
        ("Pågående forskningsstudier", &r.ongoing),
        ("Doktorandstudier", &r.doctoral),
        (
            "Ansökningar om finansiering av forskning",
            &r.funding_sought,
        ),
    ];
    let mut paras = Vec::new();
    for (title, items) in groups {
        let items: Vec<&ResearchItem> = items
            .iter()
            .filter(|i| !i.title.trim().is_empty())
            .collect();
        if items.is_empty() {
            continue;
        }
        paras.push(Para::bold(title));
        paras.extend(items.iter().map(|i| Para::bullet(i.title.trim())));
    }
    (!paras.is_empty()).then(|| {
        // No table belongs to the research goal: it is found by its word.
        let heading = ws
            .goals
            .iter()
            .find(|g| g.title.to_lowercase().contains("forskning"))
            .map(|g| g.title.trim().to_string())
            .unwrap_or_else(|| "Forskning".to_string());
        Slide::content(heading, vec![Block::Text(paras)])
    })
}

fn future_slide(ws: &Workspace) -> Option<Slide> {
    let t = ws
        .texts
        .iter()
        .find(|t| t.title.trim().to_lowercase().starts_with("framtid"))?;
    let points: Vec<Para> = t
        .slide_points
        .iter()
        .filter(|b| !b.trim().is_empty())
        .map(|b| Para::bullet(b.trim()))
        .collect();
    if !points.is_empty() {
        return Some(Slide::content("Framtid", vec![Block::Text(points)]));
    }
    let mut paras = Vec::new();
    if !t.body.trim().is_empty() {
        paras.push(Para::plain(t.body.trim()));
    }
    paras.extend(
        t.bullets
            .iter()
            .filter(|b| !b.trim().is_empty())
            .map(|b| Para::bullet(b.trim())),
    );
    // The text's passages: a table or list placed in the text has its own
    // slide, so only the prose comes along.
    for p in &t.content {
        match p {
            Passage::Paragraph(text) | Passage::Note(text) if !text.trim().is_empty() => {
                paras.push(Para::plain(text.trim()));
            }
            Passage::Subheading(text) if !text.trim().is_empty() => {
                paras.push(Para::bold(text.trim()));
            }
            Passage::Bullets(items) | Passage::Numbered(items) => paras.extend(
                items
                    .iter()
                    .filter(|b| !b.trim().is_empty())
                    .map(|b| Para::bullet(b.trim())),
            ),
            _ => {}
        }
    }
    (!paras.is_empty()).then(|| Slide::content("Framtid", vec![Block::Text(paras)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::{Cell, Format, Row, RowKind};

    #[test]
    fn a_long_list_goes_on_on_slides_of_its_own() {
        let paras: Vec<Para> = (0..60)
            .map(|i| {
                Para::bullet(format!(
                    "Punkt {i}: en aktivitet med en mening som tar en rad"
                ))
            })
            .collect();
        let slide = Slide::content("Rubrik", vec![Block::Text(paras.clone())]);
        let pages = paginate(slide);
        assert!(pages.len() >= 3, "{}", pages.len());
        let mut seen = Vec::new();
        for p in &pages {
            assert_eq!(p.heading, "Rubrik");
            assert!(xml::fits(&p.body));
            for b in &p.body {
                if let Block::Text(ps) = b {
                    seen.extend(ps.iter().cloned());
                }
            }
        }
        assert_eq!(seen, paras, "every paragraph once, in order");
    }

    #[test]
    fn a_long_table_goes_on_with_its_headers() {
        let rows: Vec<Row> = (0..80)
            .map(|i| Row {
                kind: if i == 79 { RowKind::Sum } else { RowKind::Data },
                cells: vec![
                    Cell::text(format!("Period {i}")),
                    Cell::number(Some(rust_decimal::Decimal::from(i)), Format::Amount),
                ],
            })
            .collect();
        let table = Table {
            id: "t".into(),
            title: "Tabell".into(),
            headers: vec!["Period".into(), "Antal".into()],
            rows: rows.clone(),
        };
        let pages = paginate(Slide::content("Rubrik", vec![Block::Table(table)]));
        assert!(pages.len() >= 2);
        let mut seen = Vec::new();
        for (i, p) in pages.iter().enumerate() {
            assert!(xml::fits(&p.body));
            let Some(Block::Table(t)) = p.body.first() else {
                panic!("a table");
            };
            assert_eq!(t.headers, ["Period", "Antal"]);
            let title = if i == 0 { "Tabell" } else { "Tabell (forts.)" };
            assert_eq!(t.title, title);
            seen.extend(t.rows.iter().cloned());
        }
        assert_eq!(seen, rows);
    }

    #[test]
    fn the_3_k_slides_show_the_decks_own_points_where_given() {
        let mut ws = Workspace::default();
        ws.focus.kostnadseffektivitet = vec!["Rapportens långa punkt.".into()];
        ws.focus.kompetenshojning = vec!["Rapportens punkt om kompetens.".into()];
        ws.focus.slide_kostnadseffektivitet = vec!["Kort punkt".into()];
        let texts: Vec<String> = three_k_slides(&ws)
            .iter()
            .flat_map(|s| &s.body)
            .filter_map(|b| match b {
                Block::Text(paras) => Some(paras.iter().map(Para::text).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(texts.contains(&"Kort punkt".to_string()), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("långa")), "{texts:?}");
        // No points of its own for Kompetenshöjning: the report's.
        assert!(texts.contains(&"Rapportens punkt om kompetens.".to_string()));
    }

    #[test]
    fn a_slide_that_fits_stays_one_slide() {
        let slide = Slide::content("Rubrik", vec![Block::Text(vec![Para::plain("Kort.")])]);
        assert_eq!(paginate(slide.clone()), vec![slide]);
    }
}
