//! Image tests of the charts: the PNGs are decoded and measured in pixels,
//! the SVGs read as text.

use crate::common::*;
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

/// The bounding box (left, top, right, bottom) of the dark text pixels
/// (each channel under 100: the text colour, not the red target or the
/// bars) inside `region`.
fn ink_box(
    p: &Picture,
    region: (usize, usize, usize, usize),
) -> Option<(usize, usize, usize, usize)> {
    let (x0, y0, x1, y1) = region;
    let mut b: Option<(usize, usize, usize, usize)> = None;
    for y in y0..y1.min(p.height) {
        for x in x0..x1.min(p.width) {
            let (r, g, bl) = p.at(x, y);
            if r < 100 && g < 100 && bl < 100 {
                b = Some(match b {
                    None => (x, y, x, y),
                    Some((l, t, rr, bb)) => (l.min(x), t.min(y), rr.max(x), bb.max(y)),
                });
            }
        }
    }
    b
}

/// The network chart of the 2020 sample with its best network at 95 %.
fn chart_with_a_bar_at_95() -> tertial::charts::BarChart {
    let ws = sample(DELARSRAPPORT_2020);
    let mut c = chart(&ws, ChartKind::NetworkAttendance);
    c.categories[0].bars[0].value = Some(Decimal::from(95));
    c
}

#[test]
fn the_target_line_shows_across_a_bar_at_95_percent() {
    let c = chart_with_a_bar_at_95();
    let p = Picture::decode(&render_png(&c, ChartSize::new(1920, 1080)).expect("png"));
    let (zero, target, _) = axis_target_and_end(&p);
    // The first (top) bar: the first run of the reaching colour right of
    // the axis.
    let bars = p.runs_down(zero + 6, rgb(PALETTE.reaches), 5);
    let (top, bottom) = bars[0];
    // Down the target column, inside that bar: target-coloured dashes.
    let red = (top..=bottom)
        .filter(|&y| p.at(target, y) == rgb(PALETTE.target))
        .count();
    assert!(
        red * 3 >= bottom - top,
        "the target line shows on the 95 % bar: {red} of {} rows red",
        bottom - top + 1
    );
    // And the bar goes on beyond the line: the line is over the bar, not
    // a gap in it.
    assert_eq!(p.at(target + 12, (top + bottom) / 2), rgb(PALETTE.reaches));
}

#[test]
fn png_carries_a_slide_sized_resolution() {
    let ws = sample(DELARSRAPPORT_2020);
    for (size, inches) in [
        (ChartSize::new(1920, 1080), (13.33, 7.5)),
        (ChartSize::new(1280, 720), (13.33, 7.5)),
        (ChartSize::new(1024, 768), (10.0, 7.5)),
    ] {
        let bytes = render_file(&ws, ChartKind::Staff, size, ChartFormat::Png).expect("png");
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes[..]));
        let reader = decoder.read_info().expect("a PNG header");
        let dims = reader.info().pixel_dims.expect("a pHYs chunk");
        assert_eq!(dims.unit, png::Unit::Meter);
        assert_eq!(dims.xppu, dims.yppu);
        let w = f64::from(size.width) / f64::from(dims.xppu) / 0.0254;
        let h = f64::from(size.height) / f64::from(dims.yppu) / 0.0254;
        assert!(
            (w - inches.0).abs() < 0.01 && (h - inches.1).abs() < 0.01,
            "{size}: {w:.3} × {h:.3} inches"
        );
    }
}

#[test]
fn svg_text_has_no_dy_and_the_size_of_the_pixels() {
    let c = chart(&sample(DELARSRAPPORT_2020), ChartKind::NetworkAttendance);
    let svg = render_svg(&c, ChartSize::new(1920, 1080)).expect("svg");
    assert!(!svg.contains("dy="), "no text is placed by dy");
    // The title is drawn at 52 px (ascent − descent), which is an em of
    // 52 × 2048 / 2384 in DejaVu Sans.
    let title = svg
        .split("<text")
        .find(|t| t.contains(">Genomsnittsnärvaro per nätverk *<"))
        .expect("the title");
    assert!(title.contains(r#"font-size="44.67""#), "{title}");
}

/// rsvg-convert draws the SVG; its title and first value label must land
/// where the PNG has them.
#[test]
fn svg_drawn_by_rsvg_matches_the_png() {
    let c = chart_with_a_bar_at_95();
    let size = ChartSize::new(1920, 1080);
    let png = Picture::decode(&render_png(&c, size).expect("png"));
    let rsvg = rsvg_drawing(&render_svg(&c, size).expect("svg"));
    assert_eq!((rsvg.width, rsvg.height), (1920, 1080));

    let close = |a: (usize, usize, usize, usize), b: (usize, usize, usize, usize), what: &str| {
        let d = [
            a.0.abs_diff(b.0),
            a.1.abs_diff(b.1),
            a.2.abs_diff(b.2),
            a.3.abs_diff(b.3),
        ];
        assert!(
            d.iter().all(|&d| d <= 3),
            "{what}: PNG {a:?}, rsvg {b:?} (left, top, right, bottom); rsvg-convert needs DejaVu Sans (fonts-dejavu-core) to draw the same glyphs"
        );
    };
    // The title: the first 80 rows under the margin.
    let title = (0, 0, 1920, 48 + 64);
    close(
        ink_box(&png, title).expect("title in the PNG"),
        ink_box(&rsvg, title).expect("title drawn by rsvg"),
        "title",
    );
    // The first bar's value label, "95 %", right of the bar's end.
    let (zero, _, _) = axis_target_and_end(&png);
    let (top, bottom) = png.runs_down(zero + 6, rgb(PALETTE.reaches), 5)[0];
    let end = (zero + 6..png.width)
        .rev()
        .find(|&x| png.at(x, (top + bottom) / 2) == rgb(PALETTE.reaches))
        .expect("bar pixels");
    let label = (end + 2, top, end + 200, bottom + 1);
    close(
        ink_box(&png, label).expect("value label in the PNG"),
        ink_box(&rsvg, label).expect("value label drawn by rsvg"),
        "value label",
    );
}

/// An SVG as rsvg-convert draws it on white. Fails, saying how to install
/// it, when rsvg-convert is missing.
fn rsvg_drawing(svg: &str) -> Picture {
    let dir = tempfile::tempdir().expect("temp dir");
    let (svg_path, out_path) = (dir.path().join("c.svg"), dir.path().join("c.png"));
    std::fs::write(&svg_path, svg).expect("write svg");
    let run = std::process::Command::new("rsvg-convert")
        .arg("--background-color=white")
        .arg("-o")
        .arg(&out_path)
        .arg(&svg_path)
        .output();
    let run = match run {
        Ok(r) => r,
        Err(e) => panic!(
            "rsvg-convert could not be run ({e}): install librsvg2-bin (apt-get install librsvg2-bin); .ci/run does"
        ),
    };
    assert!(
        run.status.success(),
        "rsvg-convert failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let drawn = std::fs::read(&out_path).expect("rsvg's PNG");
    // rsvg writes RGBA: keep RGB.
    let decoder = png::Decoder::new(std::io::Cursor::new(&drawn[..]));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    let channels = info.color_type.samples();
    let pixels: Vec<u8> = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    Picture {
        width: info.width as usize,
        height: info.height as usize,
        rgb: pixels,
    }
}

/// The light bars (last year's attendance) have the same dark outline,
/// two pixels wide at 1920×1080, in the SVG as in the PNG.
#[test]
fn the_light_series_is_outlined_alike_in_svg_and_png() {
    let c = chart(
        &sample(DELARSRAPPORT_2020),
        ChartKind::MunicipalityAttendance,
    );
    let size = ChartSize::new(1920, 1080);
    let png = Picture::decode(&render_png(&c, size).expect("png"));
    let rsvg = rsvg_drawing(&render_svg(&c, size).expect("svg"));
    let (zero, _, _) = axis_target_and_end(&png);
    let x = zero + 40;
    let light = png.runs_down(x, rgb(PALETTE.series[2]), 5);
    assert!(!light.is_empty(), "light bars in the PNG");
    for picture in [&png, &rsvg] {
        for &(top, bottom) in &light {
            for y in [top - 1, top - 2, bottom + 1, bottom + 2] {
                assert_eq!(
                    picture.at(x, y),
                    rgb(PALETTE.series[0]),
                    "outline at ({x}, {y})"
                );
            }
        }
    }
}

#[test]
fn period_labels_use_the_en_dash() {
    for path in all_samples() {
        let ws = tertial::storage::load(&path).expect("sample loads");
        for kind in ChartKind::ALL {
            let c = chart(&ws, kind);
            let texts = std::iter::once(&c.subtitle)
                .chain(c.categories.iter().map(|k| &k.label))
                .chain(c.legend.iter().map(|l| &l.text));
            for t in texts {
                // A date (2020-08-31) keeps its hyphens.
                let t = &without_dates(t);
                let has_digit_hyphen = t
                    .as_bytes()
                    .windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b'-' && w[2].is_ascii_digit());
                assert!(
                    !has_digit_hyphen && !t.contains(" - "),
                    "{}: {kind:?}: \"{t}\"",
                    path.display()
                );
            }
        }
    }
}

/// `s` with every ISO date (`2020-08-31`) taken out.
fn without_dates(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_date = chars.len() - i >= 10
            && chars[i..i + 10].iter().enumerate().all(|(k, c)| match k {
                4 | 7 => *c == '-',
                _ => c.is_ascii_digit(),
            });
        if is_date {
            i += 10;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn attendance_charts_from_illustrative_registrations_carry_the_mark() {
    let mut ws = sample(DELARSRAPPORT_2020);
    assert!(ws.attendance.illustrative);
    for kind in [
        ChartKind::NetworkAttendance,
        ChartKind::MunicipalityAttendance,
        ChartKind::PksAttendance,
    ] {
        let c = chart(&ws, kind);
        assert!(c.title.ends_with(" *"), "{}", c.title);
        assert!(
            c.subtitle.contains("illustrativa registreringar"),
            "{}",
            c.subtitle
        );
    }
    // Figures that do not come from the registrations are not marked.
    assert!(!chart(&ws, ChartKind::Staff).title.contains('*'));
    ws.attendance.illustrative = false;
    assert!(!chart(&ws, ChartKind::NetworkAttendance).title.contains('*'));
}
