//! The report's layout, decided once for every document format: what goes
//! where (title page, chapters, numbered sections, which tables, notes and
//! charts in which section, the appendices) as a plain tree of blocks. The
//! HTML renderer (`report`) and the Word renderer (`docx`) both walk this
//! tree, so the two documents never disagree on content, order or
//! numbering.
//!
//! The document follows the kind of report. A Delårsrapport (and a
//! Resultatuppföljning, a Verksamhetsberättelse): title page, contents, the
//! introduction chapter (the goals, 3 K, Medarbetare, the free texts), one
//! chapter per strategic goal that has something to say, with its
//! sub-sections, then Bilaga 1 (symbols, when there are mätetal or
//! activities) and Bilaga 2 (course participants). A Verksamhetsplan: one
//! chapter per free text in the texts' order (see `Builder::plan`).
//!
//! Numbering follows the kind of report: a Delårsrapport and a
//! Verksamhetsberättelse number chapters and sections (1, 1.1, 2.4 …); a
//! Resultatuppföljning, a slide deck, and a Verksamhetsplan do not. Goals
//! without content get no number (`figures::goal_chapter`).
//!
//! Text: a section or free text prints its text and bullets, then its
//! passages (`Passage`) in order. Placement: a report table goes where a
//! passage places it (`Passage::Table`) or a section lists it
//! (`Section::tables`, after the section's passages); tables nothing places
//! get chapters of their own after the goals (Ekonomi, Närvaro, Kompetens,
//! Utvärderingsenkät), so nothing in the workspace is left out. A research
//! list goes where a passage or section names it, else into the section
//! with its heading (7.1 "Pågående forskningsstudier" …), else into a
//! Forskning chapter. The focus areas and the list of goals go where a
//! passage places them, else where the kind of report puts them. A chart
//! with nothing to show is left out. Each table and research list is
//! printed once.
//!
//! Every table comes from `domain::tables` and every chart from
//! `charts::chart`, so a document prints what the editor shows.

use std::collections::HashSet;

use crate::charts::{self, ChartKind, ChartSize};
use crate::domain::figures;
use crate::domain::model::*;
use crate::domain::tables::{self, Table};

/// The whole report, ready for a renderer.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: TitlePage,
    pub chapters: Vec<Chapter>,
}

/// What the title page says.
#[derive(Debug, Clone, PartialEq)]
pub struct TitlePage {
    /// "Kommunal utveckling Jönköpings län".
    pub organisation: String,
    /// "Delårsrapport januari-augusti 2020".
    pub title: String,
    /// "Januari-augusti 2020 · 2020-01-01 – 2020-08-31".
    pub period: String,
    /// Label and value (Dokument, Dnr, Ansvarig, Datum); empty values left
    /// out.
    pub facts: Vec<(&'static str, String)>,
    /// The workspace's data notes ("Om uppgifterna"); empty ones left out.
    pub notes: Vec<String>,
}

/// A chapter or an appendix; each starts a new page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChapterKind {
    Chapter,
    Appendix,
}

/// A numbered heading: "2.4" + "Ekonomisk redovisning", "Bilaga 1" + …,
/// or an unnumbered one (empty number).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub number: String,
    pub title: String,
}

impl Heading {
    /// "2.4 Ekonomisk redovisning", or the title alone.
    pub fn text(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{} {}", self.number, self.title)
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub kind: ChapterKind,
    pub heading: Heading,
    pub blocks: Vec<Block>,
}

/// One piece of a chapter, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A numbered sub-section heading (level 2, in the contents).
    Section(Heading),
    /// An unnumbered heading inside a section (level 3, not in the
    /// contents).
    Subheading(String),
    /// Running text: paragraphs at blank lines, line breaks kept.
    Text(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    Table(Table),
    /// A small note under a table.
    Note(String),
    /// The attendance key figures, set off from the text.
    Summary(Vec<String>),
    /// A chart that has something to show.
    Chart(ChartKind),
    /// Research studies: title in bold, then the description.
    Research(Vec<ResearchItem>),
    /// Symbol and its meaning (Bilaga 1).
    Legend(Vec<(String, String)>),
}

/// A line of the contents: chapters (level 1) and sections (level 2), in
/// document order.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsEntry {
    pub level: u8,
    pub heading: Heading,
}

impl Document {
    /// The contents, in document order.
    pub fn contents(&self) -> Vec<ContentsEntry> {
        let mut out = Vec::new();
        for c in &self.chapters {
            out.push(ContentsEntry {
                level: 1,
                heading: c.heading.clone(),
            });
            for b in &c.blocks {
                if let Block::Section(h) = b {
                    out.push(ContentsEntry {
                        level: 2,
                        heading: h.clone(),
                    });
                }
            }
        }
        out
    }

    /// Every chart in the document, in order.
    pub fn charts(&self) -> impl Iterator<Item = ChartKind> + '_ {
        self.chapters
            .iter()
            .flat_map(|c| &c.blocks)
            .filter_map(|b| match b {
                Block::Chart(k) => Some(*k),
                _ => None,
            })
    }
}

/// "Delårsrapport januari-augusti 2020", or the kind and period when the
/// report has no title.
pub fn document_title(ws: &Workspace) -> String {
    if ws.report.title.trim().is_empty() {
        format!("{} {}", ws.report.kind.name(), ws.report.period.label())
    } else {
        ws.report.title.trim().to_string()
    }
}

/// The size a chart is drawn at for a page `width` pixels wide: 16:9, or
/// taller for a bar chart with many categories down its side, so 21
/// networks keep readable labels. (The chart theme scales its text with
/// the picture, so every width gives the same proportions.)
pub fn chart_size(chart: &charts::BarChart, width: u32) -> ChartSize {
    // The proportions are set at 1 200 px wide, where a label is ~8 pt on
    // an A4 page.
    const BASE: u32 = 1200;
    let wide = BASE * 9 / 16;
    let height = match chart.orientation {
        charts::data::Orientation::Horizontal => {
            (260 + 38 * chart.categories.len() as u32).clamp(wide, 1800)
        }
        charts::data::Orientation::Vertical => wide,
    };
    ChartSize::new(
        width,
        (u64::from(height) * u64::from(width) / u64::from(BASE)) as u32,
    )
}

/// Lays out the report of `ws`.
pub fn layout(ws: &Workspace) -> Document {
    let mut b = Builder::new(ws);
    if ws.report.kind == ReportKind::Verksamhetsplan {
        b.plan();
    } else {
        b.introduction();
    }
    b.goals();
    b.unplaced();
    b.appendices();
    Document {
        title: title_page(ws),
        chapters: b.chapters,
    }
}

fn title_page(ws: &Workspace) -> TitlePage {
    let r = &ws.report;
    TitlePage {
        organisation: r.organisation.clone(),
        title: document_title(ws),
        period: format!(
            "{} · {} – {}",
            charts::data::capitalised(&r.period.label()),
            r.period.start_date(),
            r.period.end_date()
        ),
        facts: [
            ("Dokument", r.kind.name().to_string()),
            ("Dnr", r.diarienummer.clone()),
            ("Ansvarig", r.responsible.clone()),
            ("Datum", r.date.clone()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect(),
        notes: ws
            .data_notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .collect(),
    }
}

struct Builder<'a> {
    ws: &'a Workspace,
    chapters: Vec<Chapter>,
    /// Report tables already placed (each is printed once).
    printed: HashSet<TableRef>,
    /// Report tables some section lists or some text places.
    listed: HashSet<TableRef>,
    /// Whether some text places the focus areas (`Passage::FocusAreas`)
    /// or the list of goals (`Passage::Goals`): then they are printed
    /// there, not where the kind of report puts them.
    focus_placed: bool,
    goals_placed: bool,
    /// Research lists already printed (each is printed once).
    printed_research: HashSet<ResearchList>,
    /// Research lists some section or text names.
    named_research: HashSet<ResearchList>,
    /// For each research list (as in `Research::lists`) no section names,
    /// the section (goal, section) with its heading, if any.
    research_at: [Option<(usize, usize)>; 6],
    /// The number of the next chapter after the goals' (the chapters of
    /// tables no section lists go on from the last goal printed).
    next_chapter: usize,
    /// Whether the kind of report numbers its chapters and sections: a
    /// Delårsrapport and a Verksamhetsberättelse do; a Resultatuppföljning
    /// (a slide deck) and a Verksamhetsplan do not.
    numbered: bool,
}

impl<'a> Builder<'a> {
    fn new(ws: &'a Workspace) -> Self {
        let sections = || ws.goals.iter().flat_map(|g| &g.sections);
        // Bilaga 2's text is printed only with its participants table.
        let appendix: &[Passage] = if ws.courses.by_participant.is_empty() {
            &[]
        } else {
            &ws.courses.appendix
        };
        let listed = sections()
            .flat_map(Section::table_refs)
            .chain(ws.texts.iter().flat_map(FreeText::table_refs))
            .chain(placed_tables(appendix))
            .collect();
        let named_research: HashSet<ResearchList> = sections()
            .flat_map(Section::research_lists)
            .chain(ws.texts.iter().flat_map(|t| placed_research(&t.content)))
            .collect();
        let research_at = ResearchList::ALL.map(|list| {
            if named_research.contains(&list) {
                None
            } else {
                section_titled(ws, list)
            }
        });
        let all_passages = || {
            sections()
                .flat_map(|s| &s.content)
                .chain(ws.texts.iter().flat_map(|t| &t.content))
        };
        Builder {
            ws,
            chapters: Vec::new(),
            printed: HashSet::new(),
            focus_placed: all_passages().any(|p| *p == Passage::FocusAreas),
            goals_placed: all_passages().any(|p| *p == Passage::Goals),
            listed,
            printed_research: HashSet::new(),
            named_research,
            research_at,
            next_chapter: ws.report.first_goal_chapter as usize,
            numbered: matches!(
                ws.report.kind,
                ReportKind::Delarsrapport | ReportKind::Verksamhetsberattelse
            ),
        }
    }

    // ------------------------------------------------------- structure

    /// Opens a chapter (on a new page). Appendices keep their "Bilaga n"
    /// in every kind of report; chapters are numbered only where the kind
    /// numbers them.
    fn chapter(&mut self, kind: ChapterKind, number: Option<String>, title: &str) {
        let number = match kind {
            ChapterKind::Chapter if !self.numbered => None,
            _ => number,
        };
        self.chapters.push(Chapter {
            kind,
            heading: Heading {
                number: number.unwrap_or_default(),
                title: title.to_string(),
            },
            blocks: Vec::new(),
        });
    }

    /// Adds a block to the open chapter.
    fn push(&mut self, block: Block) {
        if let Some(c) = self.chapters.last_mut() {
            c.blocks.push(block);
        }
    }

    fn section(&mut self, number: Option<String>, title: &str) {
        let number = number.filter(|_| self.numbered);
        self.push(Block::Section(Heading {
            number: number.unwrap_or_default(),
            title: title.to_string(),
        }));
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.push(Block::Text(text.to_string()));
        }
    }

    fn bullets(&mut self, items: &[String]) {
        let items = non_empty(items);
        if !items.is_empty() {
            self.push(Block::Bullets(items));
        }
    }

    fn numbered(&mut self, items: &[String]) {
        let items = non_empty(items);
        if !items.is_empty() {
            self.push(Block::Numbered(items));
        }
    }

    fn footnotes(&mut self, notes: &[String]) {
        for n in notes {
            self.note(n);
        }
    }

    /// Each line of `notes` as a note of its own.
    fn note_lines(&mut self, notes: &str) {
        for line in notes.lines() {
            self.note(line);
        }
    }

    fn note(&mut self, note: &str) {
        if !note.trim().is_empty() {
            self.push(Block::Note(note.to_string()));
        }
    }

    fn chart(&mut self, kind: ChartKind) {
        if charts::chart(self.ws, kind).has_data() {
            self.push(Block::Chart(kind));
        }
    }

    // -------------------------------------------------- introduction

    /// Chapter 1 (or an unnumbered chapter when the goals start at 1):
    /// the "Inledning" text, the goals, the free texts with unnumbered
    /// headings (Agenda 2030 …), then as numbered sections the 3 K,
    /// Medarbetare and every other free text.
    fn introduction(&mut self) {
        let ws = self.ws;
        let intro_text = ws
            .texts
            .iter()
            .position(|t| t.title.trim().eq_ignore_ascii_case("inledning"));
        let focus = &ws.focus;
        let has_focus = has_focus(focus) && !self.focus_placed;
        let staff_here = has_staff(&ws.staff) && !self.listed.contains(&TableRef::Staff);
        let others: Vec<&FreeText> = ws
            .texts
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != intro_text)
            .map(|(_, t)| t)
            .collect();
        let (numbered, unnumbered): (Vec<&FreeText>, Vec<&FreeText>) = others
            .into_iter()
            .partition(|t| t.heading == TextHeading::Numbered);
        if intro_text.is_none()
            && !has_focus
            && !staff_here
            && numbered.is_empty()
            && unnumbered.is_empty()
        {
            return;
        }
        let first = ws.report.first_goal_chapter as usize;
        let chapter = (first >= 2).then(|| (first - 1).to_string());
        self.chapter(ChapterKind::Chapter, chapter.clone(), "Inledning");
        if let Some(i) = intro_text {
            self.free_text(&ws.texts[i]);
        }
        if !self.goals_placed {
            self.goals_list();
        }
        for t in unnumbered {
            self.push(Block::Subheading(t.title.clone()));
            self.free_text(t);
        }
        let mut n = 0;
        let next = |n: &mut usize| {
            *n += 1;
            chapter.as_ref().map(|c| format!("{c}.{n}"))
        };
        if has_focus {
            let number = next(&mut n);
            self.section(
                number,
                "Viktiga händelser med koppling till våra 3 K – kostnadseffektivitet, \
                 kompetenshöjning och kvalitetshöjning",
            );
            self.focus_areas();
        }
        if staff_here {
            let number = next(&mut n);
            self.section(number, "Medarbetare");
            self.table_ref(TableRef::Staff);
        }
        for t in numbered {
            let number = next(&mut n);
            self.section(number, &t.title);
            self.free_text(t);
        }
    }

    /// A Verksamhetsplan: one chapter per free text, in the texts' order
    /// (a text with the same title as the one before goes on in its
    /// chapter), so the plan reads as its authors laid it out (Nuläge,
    /// fokusområden, Medarbetare, mål, Agenda 2030, planering per område,
    /// budget) with the focus areas, the staff and the goals where its
    /// texts place them. What no text places follows in chapters of its
    /// own: Fokusområden, Medarbetare, Strategiska mål.
    fn plan(&mut self) {
        let ws = self.ws;
        let mut last: Option<&str> = None;
        for t in &ws.texts {
            let title = t.title.trim();
            if last != Some(title) {
                self.chapter(ChapterKind::Chapter, None, title);
                last = Some(title);
            }
            self.free_text(t);
        }
        if has_focus(&ws.focus) && !self.focus_placed {
            self.chapter(ChapterKind::Chapter, None, "Fokusområden");
            self.focus_areas();
        }
        if has_staff(&ws.staff) && !self.listed.contains(&TableRef::Staff) {
            self.chapter(ChapterKind::Chapter, None, "Medarbetare");
            self.table_ref(TableRef::Staff);
        }
        if !self.goals_placed && !ws.goals.is_empty() {
            self.chapter(ChapterKind::Chapter, None, "Strategiska mål");
            self.goals_list();
        }
    }

    /// A free text: its body and bullets, then its passages.
    fn free_text(&mut self, t: &FreeText) {
        self.text(&t.body);
        self.bullets(&t.bullets);
        for p in &t.content {
            self.passage(p, None);
        }
    }

    /// One passage in reading order. `section` is the goal's section the
    /// passage belongs to (its number and content), if any: only there do
    /// the mätetal and activity tables have something to print.
    fn passage(&mut self, p: &Passage, section: Option<(&str, &Section)>) {
        match p {
            Passage::Paragraph(t) => self.text(t),
            Passage::Bullets(items) => self.bullets(items),
            Passage::Numbered(items) => self.numbered(items),
            Passage::Subheading(t) => {
                if !t.trim().is_empty() {
                    self.push(Block::Subheading(t.trim().to_string()));
                }
            }
            Passage::Note(t) => self.note(t),
            Passage::Table(r) => self.table_ref(*r),
            Passage::Measures => {
                if let Some((number, s)) = section {
                    self.measures(number, s);
                }
            }
            Passage::Activities => {
                if let Some((number, s)) = section {
                    self.activities(number, s);
                }
            }
            Passage::Research(list) => self.research(*list),
            Passage::FocusAreas => self.focus_areas(),
            Passage::Goals => self.goals_list(),
        }
    }

    /// The focus areas: who decided them, the areas, why the 3 K matter,
    /// and what was done for each K.
    fn focus_areas(&mut self) {
        let focus = &self.ws.focus;
        self.text(&focus.decided);
        self.numbered(&focus.areas);
        self.text(&focus.effects);
        for (title, items) in [
            ("Kostnadseffektivitet", &focus.kostnadseffektivitet),
            ("Kompetenshöjning", &focus.kompetenshojning),
            ("Kvalitetshöjning", &focus.kvalitetshojning),
        ] {
            if !items.is_empty() {
                self.push(Block::Subheading(title.into()));
                // A Resultatuppföljning says what its lists are, as its
                // slides do.
                if self.ws.report.kind == ReportKind::Resultatuppfoljning {
                    self.text(&format!("{} {title};", focus.lead_in()));
                }
                self.bullets(items);
            }
        }
    }

    /// "Kommunal utveckling har sex strategiska mål:" and the goals.
    fn goals_list(&mut self) {
        let ws = self.ws;
        if ws.goals.is_empty() {
            return;
        }
        self.text(&goals_sentence(
            short_organisation(&ws.report.organisation),
            ws.goals.len(),
        ));
        let titles: Vec<String> = ws.goals.iter().map(|g| g.title.clone()).collect();
        self.bullets(&titles);
    }

    /// A section's mätetal table, under its section's heading needing no
    /// more caption than what it is.
    fn measures(&mut self, number: &str, section: &Section) {
        if !section.measures.is_empty() {
            let mut t = tables::measure_table(number, &section.title, &section.measures);
            t.title = "Mätetal".into();
            self.push(Block::Table(t));
        }
    }

    /// A section's activity table.
    fn activities(&mut self, number: &str, section: &Section) {
        if !section.activities.is_empty() {
            let mut t = tables::activity_table(number, &section.title, &section.activities);
            t.title = "Aktiviteter".into();
            self.push(Block::Table(t));
        }
    }

    /// A research list, once: the studies with a text of their own under
    /// their title as a sub-heading, the others as lines of a list.
    fn research(&mut self, list: ResearchList) {
        if !self.printed_research.insert(list) {
            return;
        }
        let items = self.ws.research.lists()[list.index()].1;
        let mut short: Vec<ResearchItem> = Vec::new();
        for item in items {
            if item.text.trim().is_empty() {
                short.push(item.clone());
                continue;
            }
            if !short.is_empty() {
                self.push(Block::Research(std::mem::take(&mut short)));
            }
            if !item.title.trim().is_empty() {
                self.push(Block::Subheading(item.title.trim().to_string()));
            }
            self.prose(&item.text);
        }
        if !short.is_empty() {
            self.push(Block::Research(short));
        }
    }

    /// Running text: paragraphs at blank lines; a paragraph whose every
    /// line starts with "- " is a bullet list.
    fn prose(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n");
        let mut paragraphs: Vec<&str> = Vec::new();
        let flush = |b: &mut Self, paragraphs: &mut Vec<&str>| {
            if !paragraphs.is_empty() {
                b.text(&paragraphs.join("\n\n"));
                paragraphs.clear();
            }
        };
        for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let lines: Vec<&str> = p.lines().map(str::trim).collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                flush(self, &mut paragraphs);
                let items: Vec<String> = lines.iter().map(|l| l[2..].trim().to_string()).collect();
                self.bullets(&items);
            } else {
                paragraphs.push(p);
            }
        }
        flush(self, &mut paragraphs);
    }

    // --------------------------------------------------------- goals

    /// One chapter per strategic goal that has something to say; a goal
    /// without text or sections gets no page of its own (the introduction
    /// lists every goal). Chapters keep the goal's number, as the editor
    /// shows it.
    fn goals(&mut self) {
        let ws = self.ws;
        for (gi, goal) in ws.goals.iter().enumerate() {
            let Some(chapter) = figures::goal_chapter(ws, gi) else {
                continue;
            };
            self.next_chapter = chapter + 1;
            self.chapter(ChapterKind::Chapter, Some(chapter.to_string()), &goal.title);
            self.text(&goal.intro);
            for (si, section) in goal.sections.iter().enumerate() {
                let number = figures::section_number(ws, gi, si);
                self.section(Some(number.clone()), &section.title);
                self.text(&section.text);
                self.bullets(&section.bullets);
                for p in &section.content {
                    self.passage(p, Some((&number, section)));
                }
                // What the content does not place follows it.
                if !section.content.contains(&Passage::Measures) {
                    self.measures(&number, section);
                }
                if !section.content.contains(&Passage::Activities) {
                    self.activities(&number, section);
                }
                for &r in &section.tables {
                    self.table_ref(r);
                }
                for list in ResearchList::ALL {
                    let here = section.research.contains(&list)
                        || self.research_at[list.index()] == Some((gi, si));
                    if here {
                        self.research(list);
                    }
                }
            }
        }
    }

    // ------------------------------------------- tables no section lists

    /// Chapters after the goals for what no section took: Ekonomi,
    /// Närvaro, Kompetens, Utvärderingsenkät, Forskning.
    fn unplaced(&mut self) {
        let ws = self.ws;
        let mut chapter = self.next_chapter;
        let groups: [(&str, &[TableRef]); 4] = [
            (
                "Ekonomi",
                &[
                    TableRef::CostReduction,
                    TableRef::Applications,
                    TableRef::BudgetFollowUp,
                    TableRef::FundsByFinancier,
                    TableRef::FundsShares,
                    TableRef::Financing,
                    TableRef::FinancingShares,
                    TableRef::PlanBudget,
                ],
            ),
            ("Närvaro", &[TableRef::Attendance]),
            ("Kompetens", &[TableRef::Courses, TableRef::CourseAreas]),
            ("Utvärderingsenkät", &[TableRef::Survey]),
        ];
        for (title, refs) in groups {
            let mut todo: Vec<TableRef> = refs
                .iter()
                .copied()
                .filter(|r| !self.listed.contains(r) && self.has_content(*r))
                .collect();
            // Economy notes travel with Tabell 1; without it they still
            // need a place.
            let notes_here = title == "Ekonomi"
                && !ws.economy.notes.is_empty()
                && !self.listed.contains(&TableRef::BudgetFollowUp);
            if notes_here && !todo.contains(&TableRef::BudgetFollowUp) {
                todo.push(TableRef::BudgetFollowUp);
            }
            if todo.is_empty() {
                continue;
            }
            self.chapter(ChapterKind::Chapter, Some(chapter.to_string()), title);
            chapter += 1;
            for r in todo {
                self.table_ref(r);
            }
        }
        let left: Vec<usize> = ws
            .research
            .lists()
            .iter()
            .enumerate()
            .filter(|(i, (_, items))| {
                let list = ResearchList::ALL[*i];
                !items.is_empty()
                    && self.research_at[*i].is_none()
                    && !self.named_research.contains(&list)
            })
            .map(|(i, _)| i)
            .collect();
        if !left.is_empty() {
            self.chapter(ChapterKind::Chapter, Some(chapter.to_string()), "Forskning");
            for i in left {
                let list = ResearchList::ALL[i];
                self.push(Block::Subheading(list.title().into()));
                self.research(list);
            }
        }
    }

    fn has_content(&self, r: TableRef) -> bool {
        let ws = self.ws;
        let e = &ws.economy;
        match r {
            TableRef::Staff => has_staff(&ws.staff),
            TableRef::BudgetFollowUp => e.budget.is_some(),
            TableRef::FundsByFinancier | TableRef::FundsShares => e.funds.is_some(),
            TableRef::Financing | TableRef::FinancingShares => e.financing.is_some(),
            TableRef::Applications => e.applications.has_any(),
            TableRef::CostReduction => e.cost_reduction.is_some(),
            TableRef::PlanBudget => e.plan_budget.is_some(),
            TableRef::Attendance => {
                !ws.attendance.groups.is_empty() || !ws.attendance.earlier.is_empty()
            }
            TableRef::Courses => {
                !ws.courses.periods.is_empty()
                    || (!ws.courses.by_area.is_empty()
                        && !self.listed.contains(&TableRef::CourseAreas))
            }
            TableRef::CourseAreas => !ws.courses.by_area.is_empty(),
            TableRef::Survey => !ws.survey.questions.is_empty(),
        }
    }

    // ------------------------------------------------- report tables

    /// Places a report table (with its notes and charts) once.
    fn table_ref(&mut self, r: TableRef) {
        if !self.printed.insert(r) {
            return;
        }
        let ws = self.ws;
        let e = &ws.economy;
        match r {
            TableRef::Staff => {
                let s = &ws.staff;
                self.text(&s.text);
                if !s.rows.is_empty() {
                    self.push(Block::Table(tables::staff_table(s)));
                    self.footnotes(&s.footnotes);
                    self.push(Block::Table(tables::staff_financing_table(s)));
                }
                if let Some(sentence) = tables::staff_financing_sentence(ws) {
                    self.text(&sentence);
                }
                let by_activity: Vec<String> = s
                    .by_activity
                    .iter()
                    .map(|a| {
                        format!(
                            "{}: {} årsarbetare",
                            a.name,
                            a.amount
                                .map(|v| tables::format_staff_fte(s, v))
                                .unwrap_or_else(|| "–".into())
                        )
                    })
                    .collect();
                self.bullets(&by_activity);
                self.chart(ChartKind::Staff);
            }
            TableRef::BudgetFollowUp => {
                if let Some(t) = &e.budget {
                    self.push(Block::Table(tables::budget_table(t)));
                    self.footnotes(&t.footnotes);
                }
                self.bullets(&e.notes);
            }
            TableRef::FundsByFinancier => {
                if let Some(t) = &e.funds {
                    self.push(Block::Table(tables::funds_table(t)));
                    self.note(&t.note);
                }
            }
            TableRef::FundsShares => {
                if let Some(t) = &e.funds {
                    self.push(Block::Table(tables::funds_share_table(t)));
                }
            }
            TableRef::Financing => {
                if let Some(t) = &e.financing {
                    self.push(Block::Table(tables::financing_table(t)));
                    self.note(&t.note);
                    self.chart(ChartKind::Financing);
                }
            }
            TableRef::FinancingShares => {
                if let Some(t) = &e.financing {
                    self.push(Block::Table(tables::financing_share_table(t)));
                }
            }
            TableRef::Applications => {
                let a = &e.applications;
                if !a.items.is_empty() {
                    self.push(Block::Table(tables::application_list(a)));
                }
                if a.has_any() {
                    self.push(Block::Table(tables::application_comparison(a)));
                }
            }
            TableRef::CostReduction => {
                if let Some(t) = &e.cost_reduction {
                    self.push(Block::Table(tables::cost_table(t)));
                    self.note(&t.note);
                }
            }
            TableRef::PlanBudget => {
                if let Some(t) = &e.plan_budget {
                    self.push(Block::Table(tables::plan_table(t)));
                    self.footnotes(&t.footnotes);
                }
            }
            TableRef::Attendance => {
                let a = &ws.attendance;
                if !a.groups.is_empty() {
                    let f = figures::attendance(a);
                    // Figures from illustrative registrations carry a mark
                    // and one note saying so (the charts below come from
                    // the same registrations; the note names them).
                    let mark = |s: String| {
                        if a.illustrative {
                            format!("{s} {ILLUSTRATIVE_MARK}")
                        } else {
                            s
                        }
                    };
                    let mut lines = non_empty(&tables::attendance_summary_of(&f));
                    if let Some(first) = lines.first_mut() {
                        *first = mark(std::mem::take(first));
                    }
                    self.push(Block::Summary(lines));
                    if a.illustrative {
                        self.note(ILLUSTRATIVE_NOTE);
                    }
                    // Reported, not derived from the registrations.
                    if let Some(sentence) = tables::gender_sentence(a) {
                        self.text(&sentence);
                    }
                    let mut groups = tables::attendance_groups_table(a);
                    groups.title = mark(groups.title);
                    self.push(Block::Table(groups));
                    self.chart(ChartKind::NetworkAttendance);
                    self.chart(ChartKind::PksAttendance);
                    let mut municipalities = tables::attendance_municipality_table(a);
                    municipalities.title = mark(municipalities.title);
                    self.push(Block::Table(municipalities));
                    self.chart(ChartKind::MunicipalityAttendance);
                }
                if !a.earlier.is_empty() {
                    self.push(Block::Table(tables::attendance_history_table(a)));
                }
            }
            TableRef::Courses => {
                let c = &ws.courses;
                if !c.periods.is_empty() {
                    self.push(Block::Table(tables::course_period_table(c)));
                }
                // The areas table follows unless a text places it.
                if !self.listed.contains(&TableRef::CourseAreas) {
                    self.table_ref(TableRef::CourseAreas);
                }
                // With a Bilaga 2 the note explains its table, and the
                // cancelled courses end it.
                if c.by_participant.is_empty() {
                    self.note_lines(&c.note);
                    if let Some(sentence) = tables::cancelled_courses_sentence(c) {
                        self.text(&sentence);
                    }
                }
            }
            TableRef::CourseAreas => {
                let c = &ws.courses;
                if !c.by_area.is_empty() {
                    self.push(Block::Table(tables::course_area_table(c)));
                }
            }
            TableRef::Survey => {
                let s = &ws.survey;
                if !s.questions.is_empty() {
                    self.push(Block::Table(tables::survey_table(s)));
                    self.chart(ChartKind::Survey);
                }
                self.bullets(&s.reflections);
            }
        }
    }

    // ---------------------------------------------------- appendices

    fn appendices(&mut self) {
        // Bilaga 1 explains the symbols of the mätetal and activity
        // tables; a report without them (a plan) has no use for it.
        let has_status = self
            .ws
            .goals
            .iter()
            .flat_map(|g| &g.sections)
            .any(|s| !s.measures.is_empty() || !s.activities.is_empty());
        if has_status {
            self.bilaga_1();
        }
        self.bilaga_2();
    }

    fn bilaga_1(&mut self) {
        self.chapter(
            ChapterKind::Appendix,
            Some("Bilaga 1".into()),
            "Symbolförteckning för mätetal och aktiviteter",
        );
        self.push(Block::Subheading("Symbolförteckning för mätetal".into()));
        self.push(Block::Legend(
            MeasureStatus::ALL
                .iter()
                .map(|s| (s.symbol().to_string(), s.legend().to_string()))
                .collect(),
        ));
        self.push(Block::Subheading("Trendpilar".into()));
        self.push(Block::Legend(
            Trend::ALL
                .iter()
                .map(|t| (t.symbol().to_string(), t.legend().to_string()))
                .collect(),
        ));
        self.push(Block::Subheading(
            "Symbolförteckning för aktiviteter".into(),
        ));
        let states: Vec<String> = ActivityState::ALL
            .iter()
            .map(|s| activity_legend(*s))
            .collect();
        self.bullets(&states);
    }

    fn bilaga_2(&mut self) {
        let c = &self.ws.courses;
        if !c.by_participant.is_empty() {
            let period = if c.participants_period.trim().is_empty() {
                self.ws.report.period.label()
            } else {
                c.participants_period.trim().to_string()
            };
            self.chapter(
                ChapterKind::Appendix,
                Some("Bilaga 2".into()),
                &format!(
                    "Deltagande på kurser som arrangerats av Kurs och konferens under {period}"
                ),
            );
            self.push(Block::Table(tables::participants_table(c)));
            self.note_lines(&c.note);
            self.chart(ChartKind::CourseParticipants);
            for p in &c.appendix {
                self.passage(p, None);
            }
            if let Some(sentence) = tables::cancelled_courses_sentence(c) {
                self.text(&sentence);
            }
        }
    }
}

/// The mark on figures derived from illustrative attendance registrations.
pub const ILLUSTRATIVE_MARK: &str = "*";

/// The one note that explains [`ILLUSTRATIVE_MARK`].
pub const ILLUSTRATIVE_NOTE: &str = "* Beräknat från illustrativa mötesregistreringar, inte från \
     rapportens egna uppgifter: sammanfattningen, tabellerna över nätverk och kommuner och \
     närvarodiagrammen nedan (se Om uppgifterna).";

/// The items that have text, trimmed.
fn non_empty(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .map(str::to_string)
        .collect()
}

/// "aktiviteten pågår enligt plan", "aktiviteten är klar" …
fn activity_legend(s: ActivityState) -> String {
    let name = s.name();
    if name.starts_with("pågår") {
        format!("aktiviteten {name}")
    } else {
        format!("aktiviteten är {name}")
    }
}

/// The first section (goal, section) whose heading is a research list's:
/// where a list no section names is printed.
fn section_titled(ws: &Workspace, list: ResearchList) -> Option<(usize, usize)> {
    let wanted = normalise(list.title());
    ws.goals.iter().enumerate().find_map(|(gi, g)| {
        g.sections
            .iter()
            .position(|s| normalise(&s.title) == wanted)
            .map(|si| (gi, si))
    })
}

fn normalise(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

fn has_focus(focus: &FocusAreas) -> bool {
    !focus.decided.trim().is_empty()
        || !focus.areas.is_empty()
        || !focus.effects.trim().is_empty()
        || !focus.kostnadseffektivitet.is_empty()
        || !focus.kompetenshojning.is_empty()
        || !focus.kvalitetshojning.is_empty()
}

fn has_staff(s: &Staff) -> bool {
    !s.rows.is_empty() || !s.text.trim().is_empty() || !s.by_activity.is_empty()
}

/// "Kommunal utveckling" of "Kommunal utveckling Jönköpings län".
fn short_organisation(org: &str) -> &str {
    org.strip_suffix(" Jönköpings län").unwrap_or(org).trim()
}

/// "Kommunal utveckling har sex strategiska mål:", "… har ett strategiskt
/// mål:" (the adjective agrees with a singular).
fn goals_sentence(organisation: &str, n: usize) -> String {
    let goals = if n == 1 {
        "strategiskt mål"
    } else {
        "strategiska mål"
    };
    format!("{organisation} har {} {goals}:", count_word(n))
}

fn count_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn activity_wording_follows_bilaga_1() {
        assert_eq!(
            activity_legend(ActivityState::PagarEnligtPlan),
            "aktiviteten pågår enligt plan"
        );
        assert_eq!(activity_legend(ActivityState::Klar), "aktiviteten är klar");
        assert_eq!(
            activity_legend(ActivityState::EjPaborjad),
            "aktiviteten är ej påbörjad"
        );
    }

    #[test]
    fn the_goals_sentence_agrees_with_its_number() {
        let org = "Kommunal utveckling";
        assert_eq!(
            goals_sentence(org, 1),
            "Kommunal utveckling har ett strategiskt mål:"
        );
        assert_eq!(
            goals_sentence(org, 2),
            "Kommunal utveckling har två strategiska mål:"
        );
        assert_eq!(
            goals_sentence(org, 6),
            "Kommunal utveckling har sex strategiska mål:"
        );
        assert_eq!(
            goals_sentence(org, 13),
            "Kommunal utveckling har 13 strategiska mål:"
        );
    }

    #[test]
    fn counts_are_written_as_words_up_to_twelve() {
        assert_eq!(count_word(6), "sex");
        assert_eq!(count_word(13), "13");
    }

    #[test]
    fn an_empty_workspace_has_nothing_made_up() {
        let doc = layout(&Workspace::default());
        assert!(doc.chapters.is_empty(), "{:?}", doc.contents());
        assert_eq!(doc.charts().count(), 0);
    }

    #[test]
    fn bilaga_1_comes_with_the_first_matetal() {
        let mut ws = Workspace::default();
        ws.goals.push(StrategicGoal {
            title: "Mål".into(),
            sections: vec![Section {
                title: "Avsnitt".into(),
                measures: vec![Measure::default()],
                ..Section::default()
            }],
            ..StrategicGoal::default()
        });
        let doc = layout(&ws);
        let last = doc.contents().last().map(|e| e.heading.text());
        assert_eq!(
            last.as_deref(),
            Some("Bilaga 1 Symbolförteckning för mätetal och aktiviteter")
        );
    }

    #[test]
    fn a_plan_is_laid_out_in_its_texts_order_with_its_parts_where_they_stand() {
        let mut ws = Workspace::default();
        ws.report.kind = ReportKind::Verksamhetsplan;
        ws.focus.decided = "PKS bestämde:".into();
        ws.focus.areas = vec!["Ekonomisk effektivitet".into()];
        ws.goals.push(StrategicGoal {
            title: "Vi har ett starkt partnerskap".into(),
            ..StrategicGoal::default()
        });
        let text = |title: &str, content: Vec<Passage>| FreeText {
            title: title.into(),
            content,
            ..FreeText::default()
        };
        ws.texts = vec![
            text(
                "Nuläge och förutsättningar",
                vec![Passage::Paragraph("I dag.".into())],
            ),
            text("PKS prioriterade fokusområden", vec![Passage::FocusAreas]),
            text("Kommunal utvecklings strategiska mål", vec![Passage::Goals]),
            text(
                "Budget och finansiering",
                vec![Passage::Paragraph("Före.".into())],
            ),
            text(
                "Budget och finansiering",
                vec![Passage::Paragraph("Efter.".into())],
            ),
        ];
        let doc = layout(&ws);
        let titles: Vec<String> = doc.contents().iter().map(|e| e.heading.text()).collect();
        assert_eq!(
            titles,
            [
                "Nuläge och förutsättningar",
                "PKS prioriterade fokusområden",
                "Kommunal utvecklings strategiska mål",
                "Budget och finansiering",
            ]
        );
        assert_eq!(
            blocks_of(&doc, "PKS prioriterade fokusområden"),
            ["text PKS bestämde:", "numbered Ekonomisk effektivitet"]
        );
        assert_eq!(
            blocks_of(&doc, "Kommunal utvecklings strategiska mål"),
            [
                "text Kommunal utveckling har ett strategiskt mål:",
                "bullets Vi har ett starkt partnerskap"
            ]
        );
        assert_eq!(
            blocks_of(&doc, "Budget och finansiering"),
            ["text Före.", "text Efter."]
        );
    }

    /// The blocks of the chapter titled `title`, as short labels.
    fn blocks_of(doc: &Document, title: &str) -> Vec<String> {
        let chapter = doc
            .chapters
            .iter()
            .find(|c| c.heading.title == title)
            .expect("chapter");
        chapter
            .blocks
            .iter()
            .map(|b| match b {
                Block::Section(h) => format!("section {}", h.text()),
                Block::Subheading(t) => format!("subheading {t}"),
                Block::Text(t) => format!("text {t}"),
                Block::Bullets(items) => format!("bullets {}", items.join("|")),
                Block::Numbered(items) => format!("numbered {}", items.join("|")),
                Block::Table(t) => format!("table {}", t.title),
                Block::Note(t) => format!("note {t}"),
                Block::Research(items) => format!("research {}", items.len()),
                other => format!("{other:?}").chars().take(12).collect(),
            })
            .collect()
    }

    #[test]
    fn passages_print_in_reading_order_with_tables_where_they_stand() {
        let mut ws = Workspace::default();
        ws.report.kind = ReportKind::Delarsrapport;
        ws.report.first_goal_chapter = 2;
        ws.research.ongoing.push(ResearchItem {
            title: "Studie".into(),
            description: "Om något".into(),
            ..ResearchItem::default()
        });
        ws.goals.push(StrategicGoal {
            title: "Vi använder forskning".into(),
            sections: vec![Section {
                title: "Analys".into(),
                text: "Inledande text.".into(),
                measures: vec![Measure {
                    name: "Ett mätetal".into(),
                    ..Measure::default()
                }],
                content: vec![
                    Passage::Paragraph("Före mätetalen.".into()),
                    Passage::Measures,
                    Passage::Subheading("Förändring av tjänster".into()),
                    Passage::Bullets(vec!["a".into(), " ".into(), "b".into()]),
                    Passage::Research(ResearchList::Ongoing),
                    Passage::Note("* En not.".into()),
                    Passage::Paragraph("  ".into()),
                ],
                ..Section::default()
            }],
            ..StrategicGoal::default()
        });
        let doc = layout(&ws);
        assert_eq!(
            blocks_of(&doc, "Vi använder forskning"),
            [
                "section 2.1 Analys",
                "text Inledande text.",
                "text Före mätetalen.",
                "table Mätetal",
                "subheading Förändring av tjänster",
                "bullets a|b",
                "research 1",
                "note * En not.",
            ]
        );
        // The list the section placed is not printed again in a chapter of
        // its own.
        assert!(doc.chapters.iter().all(|c| c.heading.title != "Forskning"));
    }

    #[test]
    fn a_study_with_a_text_is_told_under_its_title() {
        let mut ws = Workspace::default();
        ws.research.ongoing = vec![
            ResearchItem {
                title: "Kort".into(),
                description: "En rad.".into(),
                ..ResearchItem::default()
            },
            ResearchItem {
                title: "Erkännande".into(),
                description: "En rad.".into(),
                text: "Första stycket.\n\nAndra stycket.\n\n- en punkt\n- en till\n\nSista.".into(),
            },
        ];
        let doc = layout(&ws);
        assert_eq!(
            blocks_of(&doc, "Forskning"),
            [
                "subheading Pågående forskningsstudier",
                "research 1",
                "subheading Erkännande",
                "text Första stycket.\n\nAndra stycket.",
                "bullets en punkt|en till",
                "text Sista.",
            ]
        );
    }

    #[test]
    fn a_table_placed_in_a_free_text_is_printed_there_once() {
        let mut ws = Workspace::default();
        ws.report.kind = ReportKind::Delarsrapport;
        ws.report.first_goal_chapter = 2;
        ws.staff.rows.push(StaffRow {
            period: "2020 - tertial 2".into(),
            tillsvidare: Some(Decimal::from(24)),
            ..StaffRow::default()
        });
        ws.texts.push(FreeText {
            title: "Medarbetare".into(),
            content: vec![
                Passage::Paragraph("Om medarbetarna.".into()),
                Passage::Subheading("Antal medarbetare och anställningsformer".into()),
                Passage::Table(TableRef::Staff),
                Passage::Table(TableRef::Staff),
                Passage::Subheading("Finansiering av medarbetare".into()),
            ],
            ..FreeText::default()
        });
        let doc = layout(&ws);
        let blocks = blocks_of(&doc, "Inledning");
        let staff_tables = blocks
            .iter()
            .filter(|b| b.starts_with("table Antal medarbetare"))
            .count();
        assert_eq!(staff_tables, 1, "{blocks:#?}");
        // Placed in the text, the staff table no longer makes a Medarbetare
        // section of its own: the text is 1.1.
        let sections: Vec<&String> = blocks.iter().filter(|b| b.starts_with("section")).collect();
        assert_eq!(sections, ["section 1.1 Medarbetare"]);
        let at = |s: &str| blocks.iter().position(|b| b.starts_with(s)).expect(s);
        assert!(at("text Om medarbetarna.") < at("subheading Antal medarbetare"));
        assert!(at("subheading Antal medarbetare") < at("table Antal medarbetare"));
        assert!(at("table Antal medarbetare") < at("subheading Finansiering"));
    }

    #[test]
    fn the_3_k_text_stands_between_the_focus_areas_and_the_lists() {
        let mut ws = Workspace::default();
        ws.focus.decided = "PKS valde:".into();
        ws.focus.areas = vec!["Ekonomisk effektivitet".into()];
        ws.focus.effects = "Det är av stor vikt att …".into();
        ws.focus.kostnadseffektivitet = vec!["Digitala möten".into()];
        let doc = layout(&ws);
        let blocks = blocks_of(&doc, "Inledning");
        let at = |s: &str| blocks.iter().position(|b| b.starts_with(s)).expect(s);
        assert!(at("numbered Ekonomisk") < at("text Det är av stor vikt"));
        assert!(at("text Det är av stor vikt") < at("subheading Kostnadseffektivitet"));
    }

    #[test]
    fn a_chart_is_scaled_with_its_proportions_kept() {
        let ws = Workspace::default();
        let chart = charts::chart(&ws, ChartKind::Financing);
        let small = chart_size(&chart, 1200);
        let large = chart_size(&chart, 1800);
        assert_eq!((small.width, small.height), (1200, 675));
        assert_eq!((large.width, large.height), (1800, 1012));
    }
}
