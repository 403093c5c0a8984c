//! Draws a [`BarChart`] on any plotters drawing area: the same code paints
//! the on-screen preview, the PNG and the SVG. Layout (wrapping long names,
//! shrinking text to fit, the value axis, the target line, hatching) is
//! done here with plotters' primitives and the theme's sizes.

use std::cell::RefCell;
use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::data::{BarChart, BarStyle, Category, Layout, Orientation, Unit};
use super::theme::{FAMILY, PALETTE, SIZES, scale, text_on};
use crate::domain::numbers::{format_decimal, format_percent};

/// Where the drawing goes. Pixel text is rasterised here (see `text`); SVG
/// text is written here too, as `<text>` elements placed by their baseline
/// (no `dy`, which LibreOffice ignores) at the font size that gives the
/// same glyphs as the pixels (see [`super::text::em_size`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Pixels,
    Svg,
}

/// Result of drawing on a backend with error type `E`.
pub type DrawResult<E> = Result<(), DrawingAreaErrorKind<E>>;

/// Half the height of a capital letter as a share of the font size
/// (DejaVu Sans): the baseline of text centred on `y` is `y + CAP_HALF·size`.
const CAP_HALF: f64 = 0.31;
/// Line spacing of wrapped text.
const LINE: f64 = 1.08;

/// Draws `chart` filling `area`. On [`Surface::Svg`] the text is not drawn
/// on `area` but returned as SVG `<text>` elements, to go after the
/// shapes (text is always drawn last, so it is on top in both surfaces).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    surface: Surface,
) -> Result<String, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let p = Painter {
        area,
        surface,
        s: scale(w, h),
        width: f64::from(w),
        height: f64::from(h),
        svg_text: RefCell::new(String::new()),
    };
    area.fill(&PALETTE.background)?;
    let top = p.header(chart)?;
    if !chart.has_data() {
        p.empty(chart, top)?;
    } else {
        match chart.orientation {
            Orientation::Horizontal => p.horizontal(chart, top)?,
            Orientation::Vertical => p.vertical(chart, top)?,
        }
    }
    Ok(p.svg_text.into_inner())
}

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    surface: Surface,
    /// Scale against the 1920×1080 design.
    s: f64,
    width: f64,
    height: f64,
    /// The `<text>` elements of an SVG drawing, in drawing order.
    svg_text: RefCell<String>,
}

/// Which of a chart's layers a pass over its categories draws: the bars
/// first, then (after the target line) the value labels, so the target
/// line lies over the bars but never through a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Bars,
    Labels,
}

/// A label broken into lines at one font size.
struct Wrapped {
    lines: Vec<String>,
    width: f64,
}

/// Where one category's bars go: across the category axis from `start`,
/// each `thickness` wide (stacked: one bar), and along the value axis by
/// `value_at`.
struct Band<'a> {
    start: f64,
    thickness: f64,
    value_size: f64,
    value_at: &'a dyn Fn(Decimal) -> f64,
}

fn to_f64(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn fill_of(style: BarStyle) -> RGBColor {
    match style {
        BarStyle::Series(i) => PALETTE.series[i % PALETTE.series.len()],
        BarStyle::Reaches => PALETTE.reaches,
        BarStyle::Below => PALETTE.below,
    }
}

/// A "nice" step (1, 2 or 5 times a power of ten) for about five ticks.
fn nice_step(max: Decimal) -> Decimal {
    let raw = max / Decimal::from(5);
    let mut base = Decimal::new(1, 4);
    loop {
        for m in [1, 2, 5] {
            let Some(step) = base.checked_mul(Decimal::from(m)) else {
                return base;
            };
            if step >= raw {
                return step;
            }
        }
        match base.checked_mul(Decimal::TEN) {
            Some(b) => base = b,
            None => return base,
        }
    }
}

/// The value axis: its end and its ticks.
fn value_axis(chart: &BarChart) -> (Decimal, Vec<Decimal>) {
    let max = chart.max_value();
    if chart.unit == Unit::Percent && max <= Decimal::ONE_HUNDRED {
        let ticks = (0..=5).map(|i| Decimal::from(i * 20)).collect();
        return (Decimal::ONE_HUNDRED, ticks);
    }
    if max <= Decimal::ZERO {
        return (Decimal::ONE, vec![Decimal::ZERO, Decimal::ONE]);
    }
    let step = nice_step(max);
    // Near Decimal::MAX the next whole step does not exist: the axis then
    // ends at the largest value itself.
    let mut end = (max / step).ceil().checked_mul(step).unwrap_or(max);
    if end < max {
        end = end.saturating_add(step);
    }
    let mut ticks = Vec::new();
    let mut t = Decimal::ZERO;
    while t <= end && ticks.len() < 50 {
        ticks.push(t);
        t = t.saturating_add(step);
    }
    (end, ticks)
}

fn tick_label(unit: Unit, v: Decimal) -> String {
    match unit {
        Unit::Percent => format_percent(v),
        _ => format_decimal(v, v.normalize().scale().min(2)),
    }
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn sz(&self, design: f64) -> f64 {
        (design * self.s).max(SIZES.min_text)
    }

    fn text_width(&self, text: &str, size: f64, bold: bool) -> f64 {
        super::text::width(text, size, bold)
    }

    /// Draws one line of text with its baseline at `baseline`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        text: &str,
        x: f64,
        baseline: f64,
        size: f64,
        bold: bool,
        color: RGBColor,
        h: HPos,
    ) -> DrawResult<DB::ErrorType> {
        if self.surface == Surface::Pixels {
            let left = match h {
                HPos::Left => x,
                HPos::Center => x - self.text_width(text, size, bold) / 2.0,
                HPos::Right => x - self.text_width(text, size, bold),
            };
            let mut result = Ok(());
            let right = self.width;
            super::text::rasterize(
                text,
                left,
                baseline,
                size,
                bold,
                right,
                |px, py, coverage| {
                    if result.is_ok() && coverage > 0.0 {
                        result = self
                            .area
                            .draw_pixel((px, py), &color.mix(f64::from(coverage.min(1.0))));
                    }
                },
            );
            return result;
        }
        let anchor = match h {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let RGBColor(r, g, b) = color;
        let mut out = self.svg_text.borrow_mut();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            r##"<text x="{x:.1}" y="{baseline:.1}" text-anchor="{anchor}" font-family="{FAMILY}" font-size="{:.2}"{} fill="#{r:02x}{g:02x}{b:02x}">{}</text>"##,
            super::text::em_size(size, bold),
            if bold { r#" font-weight="bold""# } else { "" },
            super::xml_escape(text),
        );
        Ok(())
    }

    /// A value label on a white patch, so a target line behind it never
    /// runs through the digits.
    fn value_label(
        &self,
        text: &str,
        x: f64,
        baseline: f64,
        size: f64,
        h: HPos,
    ) -> DrawResult<DB::ErrorType> {
        let w = self.text_width(text, size, true);
        let left = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        let pad = size * 0.12;
        self.rect(
            left - pad,
            baseline - size * 0.72,
            left + w + pad,
            baseline + size * 0.12,
            PALETTE.background,
        )?;
        self.text(text, x, baseline, size, true, PALETTE.text, h)
    }

    /// One line of text shrunk, if need be, to fit `max_width`; returns the
    /// size used.
    fn fitted_size(&self, text: &str, size: f64, bold: bool, max_width: f64) -> f64 {
        let w = self.text_width(text, size, bold);
        if w <= max_width || w <= 0.0 {
            size
        } else {
            (size * max_width / w).max(SIZES.min_text)
        }
    }

    /// Breaks `text` into lines no wider than `max_width` at `size`, at most
    /// `max_lines`; the last line ends in "…" if the text does not fit.
    /// Returns the lines and whether the text had to be shortened.
    fn wrap(&self, text: &str, size: f64, max_width: f64, max_lines: usize) -> (Wrapped, bool) {
        let (mut wrapped, shortened) = self.wrap_greedy(text, size, max_width, max_lines);
        // Balance the lines: the narrowest width that needs no more lines,
        // so "2019 – tertial 3" breaks as "2019 –" / "tertial 3", not with
        // a lone "3".
        let n = wrapped.lines.len();
        if n > 1 && !shortened {
            let mut lo = self.text_width(text, size, false) / n as f64;
            let mut hi = max_width;
            for _ in 0..12 {
                let mid = (lo + hi) / 2.0;
                let (w, short) = self.wrap_greedy(text, size, mid, max_lines);
                if short || w.lines.len() > n {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let (w, short) = self.wrap_greedy(text, size, hi, max_lines);
            if !short && w.lines.len() == n {
                wrapped = w;
            }
        }
        (wrapped, shortened)
    }

    /// Fills lines word by word. When `max_lines` are full the last line
    /// takes the rest of the text and ends in "…"; a word too wide for a
    /// line of its own is shortened the same way. Only as much of the text
    /// is looked at as can be shown, so a label of a megabyte is no slower
    /// than a line of it.
    fn wrap_greedy(
        &self,
        text: &str,
        size: f64,
        max_width: f64,
        max_lines: usize,
    ) -> (Wrapped, bool) {
        let max_lines = max_lines.max(1);
        let fits = |s: &str| super::text::fits(s, size, false, max_width);
        let mut lines: Vec<String> = Vec::new();
        let mut shortened = false;
        let mut words = text.split_whitespace();
        while let Some(word) = words.next() {
            if let Some(line) = lines.last_mut() {
                let candidate = format!("{line} {word}");
                if fits(&candidate) {
                    *line = candidate;
                    continue;
                }
            }
            if lines.len() < max_lines {
                lines.push(word.to_string());
                continue;
            }
            // No line left: the last one takes the rest, as far as it shows.
            let last = lines.pop().unwrap_or_default();
            let rest = last
                .chars()
                .chain(std::iter::once(' '))
                .chain(word.chars())
                .chain(words.flat_map(|w| std::iter::once(' ').chain(w.chars())));
            lines.push(self.ellipsized(rest, size, max_width));
            shortened = true;
            break;
        }
        for line in lines.iter_mut() {
            if !fits(line) {
                *line = self.ellipsized(line.chars(), size, max_width);
                shortened = true;
            }
        }
        let width = lines
            .iter()
            .map(|l| self.text_width(l, size, false).min(max_width))
            .fold(0.0, f64::max);
        (Wrapped { lines, width }, shortened)
    }

    /// The start of `chars` that fits `max_width` with "…" after it (just
    /// "…" if nothing does).
    fn ellipsized(&self, chars: impl Iterator<Item = char>, size: f64, max_width: f64) -> String {
        let ellipsis = self.text_width("…", size, false);
        let (start, _) =
            super::text::fitting_prefix(chars, size, false, (max_width - ellipsis).max(0.0));
        let mut kept = start.trim_end().to_string();
        // Kerning against the "…" can still tip it over by a pixel.
        while !kept.is_empty() {
            let candidate = format!("{kept}…");
            if self.text_width(&candidate, size, false) <= max_width {
                return candidate;
            }
            kept.pop();
            kept.truncate(kept.trim_end().len());
        }
        "…".to_string()
    }

    /// Wraps every label at the largest size (at most `start`) where all
    /// fit in the lines a row of `row_height` has room for.
    fn fit_labels(
        &self,
        labels: &[&str],
        start: f64,
        max_width: f64,
        row_height: f64,
        most_lines: usize,
    ) -> (f64, Vec<Wrapped>) {
        let mut size = start.min(row_height * 0.8).max(SIZES.min_text);
        loop {
            let lines = ((row_height * 0.92) / (size * LINE)).floor() as usize;
            let lines = lines.clamp(1, most_lines);
            let mut all_fit = true;
            let wrapped: Vec<Wrapped> = labels
                .iter()
                .map(|l| {
                    let (w, short) = self.wrap(l, size, max_width, lines);
                    all_fit &= !short;
                    w
                })
                .collect();
            if all_fit || size <= SIZES.min_text {
                return (size, wrapped);
            }
            size = (size * 0.9).max(SIZES.min_text);
        }
    }

    /// Draws wrapped lines centred vertically on `cy`.
    fn lines(&self, w: &Wrapped, x: f64, cy: f64, size: f64, h: HPos) -> DrawResult<DB::ErrorType> {
        let n = w.lines.len() as f64;
        let first = cy - (n - 1.0) * size * LINE / 2.0 + CAP_HALF * size;
        for (i, line) in w.lines.iter().enumerate() {
            let baseline = first + i as f64 * size * LINE;
            self.text(line, x, baseline, size, false, PALETTE.text, h)?;
        }
        Ok(())
    }

    fn rect(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: RGBColor,
    ) -> DrawResult<DB::ErrorType> {
        self.area.draw(&Rectangle::new(
            [(px(x0), px(y0)), (px(x1), px(y1))],
            color.filled(),
        ))
    }

    fn line(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        color: RGBColor,
        width: f64,
    ) -> DrawResult<DB::ErrorType> {
        self.area.draw(&PathElement::new(
            vec![(px(from.0), px(from.1)), (px(to.0), px(to.1))],
            color.stroke_width(width.round().max(1.0) as u32),
        ))
    }

    fn dashed(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        color: RGBColor,
        width: f64,
    ) -> DrawResult<DB::ErrorType> {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len <= 0.0 {
            return Ok(());
        }
        let (dash, gap) = (width * 4.0, width * 2.5);
        let halo = (width * 0.4).round().max(1.0);
        let at = |t: f64| (from.0 + dx * t / len, from.1 + dy * t / len);
        // Each dash on a light halo a little wider and longer than itself,
        // so the line shows on dark bars as on light ones.
        for (w, c, extend) in [
            (width + 2.0 * halo, PALETTE.background, halo),
            (width, color, 0.0),
        ] {
            let mut t = 0.0;
            while t < len {
                let end = (t + dash).min(len);
                self.line(at((t - extend).max(0.0)), at((end + extend).min(len)), c, w)?;
                t = end + gap;
            }
        }
        Ok(())
    }

    /// A filled bar; bars under target are hatched and light bars outlined,
    /// so they stay apart in grey print.
    fn bar(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        style: BarStyle,
    ) -> DrawResult<DB::ErrorType> {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        if x1 - x0 < 0.5 || y1 - y0 < 0.5 {
            return Ok(());
        }
        self.rect(x0, y0, x1, y1, fill_of(style))?;
        let outline = match style {
            BarStyle::Below => Some(PALETTE.below_hatch),
            BarStyle::Series(2) => Some(PALETTE.series[0]),
            _ => None,
        };
        if style == BarStyle::Below {
            let gap = (SIZES.hatch_gap * self.s).max(4.0) * std::f64::consts::SQRT_2;
            let width = (SIZES.hatch_line * self.s).max(1.0);
            let mut k = x0 + y0 + gap / 2.0;
            while k < x1 + y1 {
                let from_x = x0.max(k - y1);
                let to_x = x1.min(k - y0);
                if from_x < to_x {
                    self.line(
                        (from_x, k - from_x),
                        (to_x, k - to_x),
                        PALETTE.below_hatch,
                        width,
                    )?;
                }
                k += gap;
            }
        }
        if let Some(color) = outline {
            // Four filled strips inside the bar's edge, not a stroke: an SVG
            // stroke is centred on the edge (half of it outside, under the
            // next bar) and plotters' SVG rectangle has no stroke width, so
            // the outline was a hairline there.
            let w = (2.0 * self.s)
                .round()
                .max(1.0)
                .min((x1 - x0) / 2.0)
                .min((y1 - y0) / 2.0);
            self.rect(x0, y0, x1, y0 + w, color)?;
            self.rect(x0, y1 - w, x1, y1, color)?;
            self.rect(x0, y0, x0 + w, y1, color)?;
            self.rect(x1 - w, y0, x1, y1, color)?;
        }
        Ok(())
    }

    /// Title, subtitle and legend; returns where the plot may start.
    fn header(&self, chart: &BarChart) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
        let m = SIZES.margin * self.s;
        let inner = self.width - 2.0 * m;
        let mut y = m;
        let t = self.fitted_size(&chart.title, self.sz(SIZES.title), true, inner);
        self.text(
            &chart.title,
            m,
            y + super::text::ascent(t, true),
            t,
            true,
            PALETTE.text,
            HPos::Left,
        )?;
        y += t * 1.2;
        if !chart.subtitle.is_empty() {
            let st = self.fitted_size(&chart.subtitle, self.sz(SIZES.subtitle), false, inner);
            self.text(
                &chart.subtitle,
                m,
                y + super::text::ascent(st, false),
                st,
                false,
                PALETTE.muted_text,
                HPos::Left,
            )?;
            y += st * 1.2;
        }
        if chart.has_data() && !chart.legend.is_empty() {
            y += SIZES.gap * self.s;
            let size = self.sz(SIZES.legend);
            let swatch = size * 0.8;
            let spacing = size * 1.4;
            let mut x = m;
            let row = size * 1.35;
            for entry in &chart.legend {
                let width = swatch + size * 0.4 + self.text_width(&entry.text, size, false);
                if x > m && x + width > self.width - m {
                    x = m;
                    y += row;
                }
                let cy = y + row / 2.0;
                self.bar(
                    x,
                    cy - swatch / 2.0,
                    x + swatch,
                    cy + swatch / 2.0,
                    entry.style,
                )?;
                self.text(
                    &entry.text,
                    x + swatch + size * 0.4,
                    cy + CAP_HALF * size,
                    size,
                    false,
                    PALETTE.text,
                    HPos::Left,
                )?;
                x += width + spacing;
            }
            y += row;
        }
        Ok(y + SIZES.gap * self.s)
    }

    /// The picture of a chart with nothing to show: a sentence, no axes.
    fn empty(&self, chart: &BarChart, top: f64) -> DrawResult<DB::ErrorType> {
        let m = SIZES.margin * self.s;
        let size = self.sz(SIZES.label);
        let (w, _) = self.wrap(&chart.empty_message, size, self.width - 2.0 * m, 3);
        let cy = (top + self.height - m) / 2.0;
        self.lines(&w, self.width / 2.0, cy, size, HPos::Center)?;
        Ok(())
    }

    fn value_label_size(&self, bar_thickness: f64) -> f64 {
        self.sz(SIZES.value)
            .min(bar_thickness * 1.05)
            .max(SIZES.min_text)
    }

    fn horizontal(&self, chart: &BarChart, top: f64) -> DrawResult<DB::ErrorType> {
        let m = SIZES.margin * self.s;
        let gap = SIZES.gap * self.s;
        let (axis_end, ticks) = value_axis(chart);
        let tick_size = self.sz(SIZES.tick);
        let target_size = self.sz(SIZES.value);
        let plot_top = top
            + if chart.target.is_some() {
                target_size * 1.5
            } else {
                0.0
            };
        let plot_bottom = self.height - m - tick_size * 1.6;
        let n = chart.categories.len().max(1) as f64;
        let row = ((plot_bottom - plot_top) / n).max(1.0);
        let labels: Vec<&str> = chart.categories.iter().map(|c| c.label.as_str()).collect();
        let (label_size, wrapped) = self.fit_labels(
            &labels,
            self.sz(SIZES.label),
            (self.width - 2.0 * m) * 0.42,
            row,
            3,
        );
        let label_width = wrapped.iter().map(|w| w.width).fold(0.0, f64::max);
        let series = chart.categories.first().map_or(1, |c| c.bars.len()).max(1);
        // With few categories bars would turn into slabs: cap their height.
        let band = (row * if series > 1 { 0.84 } else { 0.74 })
            .min(SIZES.max_bar * self.s * series as f64);
        let thickness = match chart.layout {
            Layout::Grouped => band / series as f64,
            Layout::Stacked => band,
        };
        let value_size = self.value_label_size(thickness);
        let widest_value = chart
            .categories
            .iter()
            .flat_map(|c| {
                let bars = c.bars.iter().filter_map(|b| b.value);
                bars.chain(c.total)
            })
            .map(|v| self.text_width(&chart.unit.format(v), value_size, true))
            .fold(0.0, f64::max);
        let left = m + label_width + gap;
        let right_room = match chart.layout {
            Layout::Grouped => widest_value + gap,
            Layout::Stacked => gap,
        };
        let right = (self.width - m - right_room).max(left + 10.0);
        let x_of =
            |v: Decimal| left + (right - left) * (to_f64(v) / to_f64(axis_end)).clamp(0.0, 1.0);

        for t in &ticks {
            let x = x_of(*t);
            self.line(
                (x, plot_top),
                (x, plot_bottom),
                PALETTE.grid,
                (1.5 * self.s).max(1.0),
            )?;
            self.text(
                &tick_label(chart.unit, *t),
                x,
                plot_bottom + tick_size * 1.2,
                tick_size,
                false,
                PALETTE.muted_text,
                HPos::Center,
            )?;
        }
        for (i, (cat, w)) in chart.categories.iter().zip(&wrapped).enumerate() {
            let row_top = plot_top + i as f64 * row;
            let cy = row_top + row / 2.0;
            self.lines(w, left - gap, cy, label_size, HPos::Right)?;
            let placed = Band {
                start: cy - band / 2.0,
                thickness,
                value_size,
                value_at: &x_of,
            };
            self.category_bars(chart, cat, &placed, Pass::Bars)?;
        }
        // The target line goes over the bars (so it shows on every bar) and
        // under the value labels, whose white patches knock it out.
        if let Some(target) = &chart.target {
            let x = x_of(target.value);
            let lw = SIZES.target_line * self.s;
            self.dashed(
                (x, plot_top - target_size * 0.3),
                (x, plot_bottom),
                PALETTE.target,
                lw.max(1.0),
            )?;
            let tw = self.text_width(&target.label, target_size, true);
            let anchor = if x + tw / 2.0 > self.width - m {
                HPos::Right
            } else {
                HPos::Center
            };
            self.text(
                &target.label,
                x,
                plot_top - target_size * 0.55,
                target_size,
                true,
                PALETTE.target,
                anchor,
            )?;
        }
        for (i, cat) in chart.categories.iter().enumerate() {
            let cy = plot_top + i as f64 * row + row / 2.0;
            let placed = Band {
                start: cy - band / 2.0,
                thickness,
                value_size,
                value_at: &x_of,
            };
            self.category_bars(chart, cat, &placed, Pass::Labels)?;
        }
        self.line(
            (left, plot_top),
            (left, plot_bottom),
            PALETTE.axis,
            (2.0 * self.s).max(1.0),
        )?;
        Ok(())
    }

    /// One category's bars, in either orientation: grouped bars each with
    /// its value at its end, or stacked segments labelled inside where they
    /// fit and the total at the end.
    fn category_bars(
        &self,
        chart: &BarChart,
        cat: &Category,
        band: &Band,
        pass: Pass,
    ) -> DrawResult<DB::ErrorType> {
        let gap = SIZES.gap * self.s;
        let vs = band.value_size;
        let horizontal = chart.orientation == Orientation::Horizontal;
        // A rectangle from cross-axis and value-axis coordinates.
        let bar = |c0: f64, c1: f64, v0: f64, v1: f64, style| {
            if pass != Pass::Bars {
                Ok(())
            } else if horizontal {
                self.bar(v0, c0, v1, c1, style)
            } else {
                self.bar(c0, v0, c1, v1, style)
            }
        };
        // A value label just beyond a bar's end.
        let end_label = |v: Decimal, end: f64, mid: f64| {
            let text = chart.unit.format(v);
            if pass != Pass::Labels {
                Ok(())
            } else if horizontal {
                self.value_label(&text, end + gap * 0.5, mid + CAP_HALF * vs, vs, HPos::Left)
            } else {
                self.value_label(&text, mid, end - vs * 0.35, vs, HPos::Center)
            }
        };
        let zero = (band.value_at)(Decimal::ZERO);
        match chart.layout {
            Layout::Grouped => {
                let inner = if cat.bars.len() > 1 {
                    band.thickness * 0.08
                } else {
                    0.0
                };
                for (j, b) in cat.bars.iter().enumerate() {
                    let Some(v) = b.value else { continue };
                    let c0 = band.start + j as f64 * band.thickness;
                    let end = (band.value_at)(v);
                    bar(
                        c0 + inner / 2.0,
                        c0 + band.thickness - inner / 2.0,
                        zero,
                        end,
                        b.style,
                    )?;
                    end_label(v, end, c0 + band.thickness / 2.0)?;
                }
            }
            Layout::Stacked => {
                let mid = band.start + band.thickness / 2.0;
                let mut at = Decimal::ZERO;
                for b in &cat.bars {
                    let Some(v) = b.value.filter(|v| v.is_sign_positive()) else {
                        continue;
                    };
                    let (v0, v1) = ((band.value_at)(at), (band.value_at)(at.saturating_add(v)));
                    bar(band.start, band.start + band.thickness, v0, v1, b.style)?;
                    let label = chart.unit.format(v);
                    let width = self.text_width(&label, vs, true) + gap;
                    let length = (v1 - v0).abs();
                    let fits = if horizontal {
                        width <= length
                    } else {
                        length >= vs * 1.3 && width <= band.thickness
                    };
                    if fits && pass == Pass::Labels {
                        let centre = (v0 + v1) / 2.0;
                        let (x, y) = if horizontal {
                            (centre, mid)
                        } else {
                            (mid, centre)
                        };
                        let color = text_on(fill_of(b.style));
                        self.text(&label, x, y + CAP_HALF * vs, vs, true, color, HPos::Center)?;
                    }
                    at = at.saturating_add(v);
                }
                if let Some(total) = cat.total {
                    end_label(total, (band.value_at)(at), mid)?;
                }
            }
        }
        Ok(())
    }

    fn vertical(&self, chart: &BarChart, top: f64) -> DrawResult<DB::ErrorType> {
        let m = SIZES.margin * self.s;
        let gap = SIZES.gap * self.s;
        let (axis_end, ticks) = value_axis(chart);
        let tick_size = self.sz(SIZES.tick);
        let tick_width = ticks
            .iter()
            .map(|t| self.text_width(&tick_label(chart.unit, *t), tick_size, false))
            .fold(0.0, f64::max);
        let target_size = self.sz(SIZES.value);
        let target_width = chart
            .target
            .as_ref()
            .map_or(0.0, |t| self.text_width(&t.label, target_size, true) + gap);
        let left = m + tick_width + gap;
        let right = (self.width - m - target_width).max(left + 10.0);
        let n = chart.categories.len().max(1) as f64;
        let column = (right - left) / n;
        let labels: Vec<&str> = chart.categories.iter().map(|c| c.label.as_str()).collect();
        // Room for up to three lines of category labels under the axis.
        let label_room = self.sz(SIZES.label) * LINE * 3.0;
        let (label_size, wrapped) =
            self.fit_labels(&labels, self.sz(SIZES.label), column * 0.92, label_room, 3);
        let lines_used = wrapped.iter().map(|w| w.lines.len()).max().unwrap_or(1) as f64;
        let plot_bottom = self.height - m - lines_used * label_size * LINE - gap;
        let series = chart.categories.first().map_or(1, |c| c.bars.len()).max(1);
        let band = (column * 0.7).min(SIZES.max_bar * 3.0 * self.s * series as f64);
        let thickness = match chart.layout {
            Layout::Grouped => band / series as f64,
            Layout::Stacked => band,
        };
        let widest = chart
            .categories
            .iter()
            .flat_map(|c| c.bars.iter().filter_map(|b| b.value).chain(c.total))
            .map(|v| chart.unit.format(v))
            .max_by_key(|s| s.chars().count())
            .unwrap_or_default();
        let mut value_size = self.sz(SIZES.value);
        let fits = match chart.layout {
            Layout::Grouped => thickness * 1.1,
            Layout::Stacked => column * 0.95,
        };
        value_size = self.fitted_size(&widest, value_size, true, fits);
        let plot_top = top + value_size * 1.4;
        let y_of = |v: Decimal| {
            plot_bottom - (plot_bottom - plot_top) * (to_f64(v) / to_f64(axis_end)).clamp(0.0, 1.0)
        };
        for t in &ticks {
            let y = y_of(*t);
            self.line((left, y), (right, y), PALETTE.grid, (1.5 * self.s).max(1.0))?;
            self.text(
                &tick_label(chart.unit, *t),
                left - gap,
                y + CAP_HALF * tick_size,
                tick_size,
                false,
                PALETTE.muted_text,
                HPos::Right,
            )?;
        }
        for (i, (cat, w)) in chart.categories.iter().zip(&wrapped).enumerate() {
            let cx = left + (i as f64 + 0.5) * column;
            let label_top = plot_bottom + gap * 0.6;
            let cy = label_top + w.lines.len() as f64 * label_size * LINE / 2.0;
            self.lines(w, cx, cy, label_size, HPos::Center)?;
            let placed = Band {
                start: cx - band / 2.0,
                thickness,
                value_size,
                value_at: &y_of,
            };
            self.category_bars(chart, cat, &placed, Pass::Bars)?;
        }
        // The target line goes over the bars and under the value labels.
        if let Some(target) = &chart.target {
            let y = y_of(target.value);
            let lw = (SIZES.target_line * self.s).max(1.0);
            self.dashed((left, y), (right + gap * 0.5, y), PALETTE.target, lw)?;
            self.text(
                &target.label,
                right + gap,
                y + CAP_HALF * target_size,
                target_size,
                true,
                PALETTE.target,
                HPos::Left,
            )?;
        }
        for (i, cat) in chart.categories.iter().enumerate() {
            let cx = left + (i as f64 + 0.5) * column;
            let placed = Band {
                start: cx - band / 2.0,
                thickness,
                value_size,
                value_at: &y_of,
            };
            self.category_bars(chart, cat, &placed, Pass::Labels)?;
        }
        self.line(
            (left, plot_bottom),
            (right, plot_bottom),
            PALETTE.axis,
            (2.0 * self.s).max(1.0),
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(Decimal::from(50)), Decimal::from(10));
        assert_eq!(nice_step(Decimal::from(47)), Decimal::from(10));
        assert_eq!(nice_step(Decimal::from(438)), Decimal::from(100));
        assert_eq!(nice_step(Decimal::new(35, 1)), Decimal::ONE);
    }

    #[test]
    fn tick_labels_are_swedish() {
        assert_eq!(tick_label(Unit::Percent, Decimal::from(80)), "80\u{a0}%");
        assert_eq!(tick_label(Unit::Fte, Decimal::new(25, 1)), "2,5");
        assert_eq!(tick_label(Unit::Count, Decimal::from(1000)), "1\u{a0}000");
    }
}
