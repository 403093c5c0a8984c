//! Image tests of the charts: the PNGs are decoded and measured in pixels,
//! the SVGs read as text.

mod common;

use common::*;
use rust_decimal::Decimal;
use tertial::charts::theme::PALETTE;
use tertial::charts::{
    ChartFormat, ChartKind, ChartSize, PRESETS, chart, render_file, render_png, render_svg,
};
use tertial::domain::Municipality;
use tertial::domain::model::{AttendanceGroup, GroupKind, Meeting, Workspace};

/// A decoded RGB picture.
struct Picture {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Picture {
    fn decode(png_bytes: &[u8]) -> Picture {
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buf = vec![0; reader.output_buffer_size().expect("a buffer size")];
        let info = reader.next_frame(&mut buf).expect("PNG pixels");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        Picture {
            width: info.width as usize,
            height: info.height as usize,
            rgb: buf,
        }
    }

    fn at(&self, x: usize, y: usize) -> (u8, u8, u8) {
        let i = (y * self.width + x) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    /// The column holding the most pixels of exactly `color`.
    fn column_of(&self, color: (u8, u8, u8)) -> (usize, usize) {
        (0..self.width)
            .map(|x| {
                let n = (0..self.height).filter(|&y| self.at(x, y) == color).count();
                (x, n)
            })
            .max_by_key(|(_, n)| *n)
            .expect("a column")
    }

    /// Runs of at least `min` pixels of `color` down column `x`, as
    /// (start, end) rows.
    fn runs_down(&self, x: usize, color: (u8, u8, u8), min: usize) -> Vec<(usize, usize)> {
        self.runs_down_where(x, min, |p| p == color)
    }

    /// Runs of pixels that are not white down column `x`.
    fn inked_runs_down(&self, x: usize, min: usize) -> Vec<(usize, usize)> {
        self.runs_down_where(x, min, |p| p != WHITE)
    }

    fn runs_down_where(
        &self,
        x: usize,
        min: usize,
        hit: impl Fn((u8, u8, u8)) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for y in 0..=self.height {
            let inside = y < self.height && hit(self.at(x, y));
            match (inside, start) {
                (true, None) => start = Some(y),
                (false, Some(s)) => {
                    if y - s >= min {
                        runs.push((s, y - 1));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }
}

const WHITE: (u8, u8, u8) = (255, 255, 255);

fn rgb(c: plotters::style::RGBColor) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

fn png_of(ws: &Workspace, kind: ChartKind, size: ChartSize) -> Picture {
    let c = chart(ws, kind);
    Picture::decode(&render_png(&c, size).expect("the chart renders"))
}

/// x of 0 % (the value axis), of the target line and of the 100 % grid line.
fn axis_target_and_end(p: &Picture) -> (usize, usize, usize) {
    let (axis, _) = p.column_of(rgb(PALETTE.axis));
    let (target, hits) = p.column_of(rgb(PALETTE.target));
    assert!(hits > 50, "a target line is drawn ({hits} pixels)");
    // The grid line furthest right is 100 %.
    let grid = rgb(PALETTE.grid);
    let end = (0..p.width)
        .rev()
        .find(|&x| (0..p.height).filter(|&y| p.at(x, y) == grid).count() > 200)
        .expect("a 100 % grid line");
    (axis, target, end)
}

#[test]
fn png_has_the_size_asked_for() {
    let ws = sample(DELARSRAPPORT_2020);
    for (size, _) in PRESETS.into_iter().chain([(ChartSize::new(800, 600), "")]) {
        for kind in [ChartKind::NetworkAttendance, ChartKind::Staff] {
            let p = png_of(&ws, kind, size);
            assert_eq!(
                (p.width, p.height),
                (size.width as usize, size.height as usize)
            );
        }
    }
}

#[test]
fn target_line_sits_at_80_percent_of_the_axis() {
    let ws = sample(DELARSRAPPORT_2020);
    for (size, _) in PRESETS {
        for kind in [
            ChartKind::NetworkAttendance,
            ChartKind::MunicipalityAttendance,
        ] {
            let p = png_of(&ws, kind, size);
            let (zero, target, hundred) = axis_target_and_end(&p);
            let at = (target as f64 - zero as f64) / (hundred as f64 - zero as f64);
            assert!(
                (at - 0.8).abs() < 0.01,
                "{kind:?} at {size}: target at {at:.3} of the axis ({zero}, {target}, {hundred})"
            );
        }
    }
}

#[test]
fn one_bar_per_network_with_data() {
    let ws = sample(DELARSRAPPORT_2020);
    let c = chart(&ws, ChartKind::NetworkAttendance);
    let with_data = ws
        .attendance
        .groups
        .iter()
        .filter(|g| g.kind.is_network())
        .filter(|g| !g.meetings.is_empty() || g.entered.is_some())
        .count();
    assert_eq!(c.categories.len(), with_data);
    assert!(with_data > 10);
    let p = png_of(
        &ws,
        ChartKind::NetworkAttendance,
        ChartSize::new(1920, 1080),
    );
    let (zero, _, _) = axis_target_and_end(&p);
    // Just right of the axis, between its ends, every bar is cut once.
    let axis = p.runs_down(zero, rgb(PALETTE.axis), 100);
    assert_eq!(axis.len(), 1, "one axis line");
    let (top, bottom) = axis[0];
    let bars: Vec<_> = p
        .inked_runs_down(zero + 6, 5)
        .into_iter()
        .filter(|(a, b)| *a >= top && *b <= bottom)
        .collect();
    assert_eq!(bars.len(), with_data, "{bars:?}");
}

#[test]
fn one_bar_per_municipality_and_year() {
    let ws = sample(DELARSRAPPORT_2020);
    let c = chart(&ws, ChartKind::MunicipalityAttendance);
    assert_eq!(c.categories.len(), 13);
    let now = c
        .categories
        .iter()
        .filter(|k| k.bars[0].value.is_some())
        .count();
    let before = c
        .categories
        .iter()
        .filter(|k| k.bars[1].value.is_some())
        .count();
    let p = png_of(
        &ws,
        ChartKind::MunicipalityAttendance,
        ChartSize::new(1920, 1080),
    );
    let (zero, _, _) = axis_target_and_end(&p);
    let dark = p.runs_down(zero + 8, rgb(PALETTE.series[0]), 5);
    let light = p.runs_down(zero + 8, rgb(PALETTE.series[2]), 5);
    assert_eq!(dark.len(), now);
    assert_eq!(light.len(), before);
}

#[test]
fn svg_names_every_network_and_municipality_and_the_target() {
    let ws = sample(DELARSRAPPORT_2020);
    let size = ChartSize::new(1920, 1080);
    let svg = render_svg(&chart(&ws, ChartKind::NetworkAttendance), size).expect("svg");
    assert!(svg.starts_with("<svg"));
    let drawn = drawn_text(&svg);
    for g in ws.attendance.groups.iter().filter(|g| g.kind.is_network()) {
        assert!(svg.contains(&xml(&g.name)), "{} in the SVG", g.name);
        for word in g.name.split_whitespace() {
            assert!(drawn.contains(&xml(word)), "{word} drawn");
        }
    }
    assert!(drawn.contains("Målvärde 80\u{a0}%"), "target label drawn");
    assert!(drawn.contains("9 av 21 når målvärdet"));

    let svg = render_svg(&chart(&ws, ChartKind::MunicipalityAttendance), size).expect("svg");
    let drawn = drawn_text(&svg);
    for m in Municipality::ALL {
        assert!(drawn.contains(m.name()), "{} drawn", m.name());
    }
    assert!(drawn.contains("Målvärde 80\u{a0}%"));
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text of every `<text>` element, one per line.
fn drawn_text(svg: &str) -> String {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_chart_without_data_says_so() {
    let ws = Workspace::default();
    let size = ChartSize::new(1280, 720);
    for kind in ChartKind::ALL {
        let c = chart(&ws, kind);
        let svg = render_svg(&c, size).expect("svg");
        let drawn = drawn_text(&svg);
        assert!(drawn.contains(&c.empty_message), "{kind:?}: {drawn}");
        assert!(
            !drawn.contains("Målvärde"),
            "{kind:?}: no target without data"
        );
        let p = png_of(&ws, kind, size);
        // No axis line, no target line and no bars.
        assert!(p.column_of(rgb(PALETTE.axis)).1 < 30, "{kind:?}: no axis");
        for color in [PALETTE.target, PALETTE.reaches, PALETTE.below] {
            let hits = (0..p.height)
                .flat_map(|y| (0..p.width).map(move |x| (x, y)))
                .filter(|&(x, y)| p.at(x, y) == rgb(color))
                .count();
            assert!(hits < 20, "{kind:?}: {hits} pixels of {color:?}");
        }
        // The message is drawn: dark pixels across the middle band.
        let inked = (p.height / 3..p.height * 2 / 3)
            .flat_map(|y| (0..p.width).map(move |x| (x, y)))
            .filter(|&(x, y)| p.at(x, y).0 < 100)
            .count();
        assert!(inked > 200, "{kind:?}: message drawn ({inked} dark pixels)");
    }
}

fn meeting(present: &[Municipality]) -> Meeting {
    Meeting {
        date: "2020-03-01".into(),
        present: present.to_vec(),
        ..Meeting::default()
    }
}

fn network(name: &str, present: &[Municipality]) -> AttendanceGroup {
    AttendanceGroup {
        name: name.into(),
        kind: GroupKind::Natverk,
        meetings: vec![meeting(present)],
        ..AttendanceGroup::default()
    }
}

#[test]
fn zero_and_hundred_percent_draw_sensibly() {
    let mut ws = Workspace::default();
    ws.attendance.groups = vec![
        network("Alla kom", &Municipality::ALL),
        network("Ingen kom", &[]),
    ];
    let c = chart(&ws, ChartKind::NetworkAttendance);
    assert_eq!(c.categories[0].bars[0].value, Some(Decimal::from(100)));
    assert_eq!(c.categories[1].bars[0].value, Some(Decimal::ZERO));
    let size = ChartSize::new(1920, 1080);
    let p = Picture::decode(&render_png(&c, size).expect("png"));
    let (zero, _, hundred) = axis_target_and_end(&p);
    // The full bar ends at the 100 % line; its label fits in the picture.
    let full_row = p.runs_down(zero + 6, rgb(PALETTE.reaches), 5);
    assert_eq!(full_row.len(), 1, "one solid bar: {full_row:?}");
    let y = (full_row[0].0 + full_row[0].1) / 2;
    let bar_end = (zero + 6..p.width)
        .take_while(|&x| p.at(x, y) == rgb(PALETTE.reaches))
        .last()
        .expect("bar pixels");
    assert!(bar_end.abs_diff(hundred) <= 2, "{bar_end} vs {hundred}");
    let label_ink = (bar_end + 2..p.width)
        .filter(|&x| p.at(x, y).0 < 100)
        .count();
    assert!(label_ink > 5, "the 100 % label is drawn");
    assert!(p.width - 1 > bar_end + 40, "room for the label");
    // The empty bar has no bar pixels but its "0 %" label.
    let svg = render_svg(&c, size).expect("svg");
    let drawn = drawn_text(&svg);
    assert!(
        drawn.contains("100\u{a0}%") && drawn.contains("\n0\u{a0}%"),
        "{drawn}"
    );
    assert!(drawn.contains("0 av 2") || drawn.contains("1 av 2"));
}

#[test]
fn long_names_and_many_networks_do_not_overflow() {
    let mut ws = Workspace::default();
    ws.attendance.groups = (0..60)
        .map(|i| {
            let name = format!(
                "FoUrum social välfärd och hälso- och sjukvård, arbetsgrupp nummer {i} med ett mycket långt namn"
            );
            let present: Vec<Municipality> =
                Municipality::ALL.iter().copied().take(i % 14).collect();
            network(&name, &present)
        })
        .collect();
    ws.attendance.groups.push(network(
        "Ettmycketlångtordutanmellanrumsomintekanbrytasnågonstansallsimedelstexten",
        &Municipality::ALL,
    ));
    for (size, _) in PRESETS {
        let c = chart(&ws, ChartKind::NetworkAttendance);
        let p = Picture::decode(&render_png(&c, size).expect("png"));
        // Nothing is drawn into the outer margin on the left.
        let margin = (48.0 * tertial::charts::theme::scale(size.width, size.height)) as usize;
        for x in 0..margin.saturating_sub(2) {
            for y in 0..p.height {
                assert_eq!(
                    p.at(x, y),
                    WHITE,
                    "ink in the margin at ({x}, {y}) at {size}"
                );
            }
        }
        let svg = render_svg(&c, size).expect("svg");
        assert!(
            svg.contains("Ettmycketlångtord"),
            "the full name is kept in the SVG"
        );
    }
}

#[test]
fn every_chart_of_every_sample_renders_in_both_formats() {
    for path in all_samples() {
        let ws = tertial::storage::load(&path).expect("sample loads");
        for kind in ChartKind::ALL {
            for format in ChartFormat::ALL {
                let bytes = render_file(&ws, kind, ChartSize::new(1280, 720), format)
                    .unwrap_or_else(|e| panic!("{}: {kind:?}: {e}", path.display()));
                match format {
                    ChartFormat::Png => {
                        let p = Picture::decode(&bytes);
                        assert_eq!((p.width, p.height), (1280, 720));
                    }
                    ChartFormat::Svg => {
                        let s = String::from_utf8(bytes).expect("utf-8");
                        assert!(
                            s.contains("<title>") && s.ends_with("</svg>\n")
                                || s.ends_with("</svg>")
                        );
                    }
                }
            }
        }
    }
}
