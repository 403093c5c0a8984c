//! The one chart theme: colours, the font family and every size, so the
//! preview, the PNG and the SVG look alike and a change is made in one place.
//!
//! Sizes are given for a 1920×1080 slide and scaled by the picture's size,
//! so a chart exported at 1024×768 or drawn in a small preview keeps its
//! proportions. At 1920×1080 the labels are about 30 px high: readable from
//! the back of a room when the slide fills the screen.

use plotters::style::RGBColor;

/// The family SVG text names. `draw` writes it into `font-family` as it
/// is, so it doubles as a fallback list for viewers without DejaVu Sans. (Pixel text does not go through plotters' font
/// registry at all: see `text`.)
pub const FAMILY: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// The design size every other size is relative to.
pub const DESIGN_WIDTH: f64 = 1920.0;
pub const DESIGN_HEIGHT: f64 = 1080.0;

/// Colours. Series colours differ in lightness as well as hue so the bars
/// stay apart when printed in grey.
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub target: RGBColor,
    /// Bars of a value that reaches its target.
    pub reaches: RGBColor,
    /// Bars of a value under its target (drawn hatched as well).
    pub below: RGBColor,
    pub below_hatch: RGBColor,
    /// Series in order: dark blue, orange, light blue, grey-green.
    pub series: [RGBColor; 4],
}

pub const PALETTE: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(0x1a, 0x1a, 0x1a),
    muted_text: RGBColor(0x4d, 0x4d, 0x4d),
    grid: RGBColor(0xd9, 0xd9, 0xd9),
    axis: RGBColor(0x59, 0x59, 0x59),
    target: RGBColor(0xb0, 0x1e, 0x2d),
    reaches: RGBColor(0x1f, 0x4e, 0x79),
    below: RGBColor(0xf4, 0xb1, 0x83),
    below_hatch: RGBColor(0xa8, 0x4a, 0x12),
    series: [
        RGBColor(0x1f, 0x4e, 0x79),
        RGBColor(0xe0, 0x8a, 0x2e),
        RGBColor(0x9d, 0xc3, 0xe6),
        RGBColor(0x6b, 0x8e, 0x6b),
    ],
};

/// Sizes in pixels at 1920×1080.
pub struct Sizes {
    pub margin: f64,
    pub title: f64,
    pub subtitle: f64,
    pub label: f64,
    pub value: f64,
    pub tick: f64,
    pub legend: f64,
    /// The smallest text ever drawn, in real pixels (not scaled).
    pub min_text: f64,
    pub target_line: f64,
    pub hatch_gap: f64,
    pub hatch_line: f64,
    pub gap: f64,
    /// The thickest a horizontal bar gets (one series).
    pub max_bar: f64,
}

pub const SIZES: Sizes = Sizes {
    margin: 48.0,
    title: 52.0,
    subtitle: 36.0,
    label: 32.0,
    value: 30.0,
    tick: 28.0,
    legend: 30.0,
    min_text: 10.0,
    target_line: 5.0,
    hatch_gap: 14.0,
    hatch_line: 3.0,
    gap: 16.0,
    max_bar: 90.0,
};

/// The scale of a picture of `width`×`height` against the design size.
pub fn scale(width: u32, height: u32) -> f64 {
    (f64::from(width) / DESIGN_WIDTH)
        .min(f64::from(height) / DESIGN_HEIGHT)
        .max(0.05)
}

/// A text colour that stays readable on `fill`.
pub fn text_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luma = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if luma < 140.0 {
        PALETTE.background
    } else {
        PALETTE.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_follows_the_tighter_side() {
        assert_eq!(scale(1920, 1080), 1.0);
        assert_eq!(scale(960, 1080), 0.5);
        assert!((scale(1024, 768) - 1024.0 / 1920.0).abs() < 1e-9);
    }

    #[test]
    fn text_on_dark_is_light() {
        assert_eq!(text_on(PALETTE.reaches), PALETTE.background);
        assert_eq!(text_on(PALETTE.below), PALETTE.text);
        assert_eq!(text_on(PALETTE.series[2]), PALETTE.text);
    }
}
