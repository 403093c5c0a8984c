//! Chart text in pixels: measuring and rasterising with the embedded
//! DejaVu Sans (`crate::fonts`) through ab_glyph. Used for PNG and the
//! preview, and for measuring in SVG too, so both lay out text alike.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont, point};

use crate::fonts::{DEJAVU_SANS, DEJAVU_SANS_BOLD};

fn fonts() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FONTS: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular = FontRef::try_from_slice(DEJAVU_SANS).ok()?;
            let bold = FontRef::try_from_slice(DEJAVU_SANS_BOLD).ok()?;
            Some((regular, bold))
        })
        .as_ref()
}

fn font(bold: bool) -> Option<&'static FontRef<'static>> {
    fonts().map(|(r, b)| if bold { b } else { r })
}

/// Each glyph of `text` with its caret position (kerning applied, starting
/// at 0), and the width of the whole line.
fn layout(font: &FontRef<'static>, scale: PxScale, text: &str) -> (Vec<(GlyphId, f32)>, f32) {
    let scaled = font.as_scaled(scale);
    let mut glyphs = Vec::with_capacity(text.len());
    let mut caret = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        glyphs.push((id, caret));
        caret += scaled.h_advance(id);
        prev = Some(id);
    }
    (glyphs, caret)
}

/// The width of `text` at `size` (ab_glyph's pixel height: ascent minus
/// descent), kerning included.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    match font(bold) {
        Some(font) => f64::from(layout(font, PxScale::from(size as f32), text).1),
        None => text.chars().count() as f64 * size * 0.6,
    }
}

/// Rasterises `text` with its left end at `x` and its baseline at
/// `baseline`; calls `plot(x, y, coverage)` for every touched pixel.
pub fn rasterize(
    text: &str,
    x: f64,
    baseline: f64,
    size: f64,
    bold: bool,
    mut plot: impl FnMut(i32, i32, f32),
) {
    let Some(font) = font(bold) else { return };
    let scale = PxScale::from(size as f32);
    for (id, caret) in layout(font, scale, text).0 {
        let glyph = id.with_scale_and_position(scale, point(x as f32 + caret, baseline as f32));
        if let Some(outline) = font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                plot(
                    b.min.x as i32 + gx as i32,
                    b.min.y as i32 + gy as i32,
                    coverage,
                );
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = width("Jönköping", 30.0, false);
        assert!(a > 100.0 && a < 200.0, "{a}");
        assert!(width("Jönköping", 60.0, false) > 1.9 * a);
        assert!(width("Jönköping", 30.0, true) > a);
        assert_eq!(width("", 30.0, false), 0.0);
    }

    #[test]
    fn every_swedish_letter_has_a_glyph() {
        let (regular, bold) = fonts().expect("embedded fonts parse");
        for c in "åäöÅÄÖ–↗↘%…".chars() {
            assert_ne!(regular.glyph_id(c).0, 0, "{c}");
            assert_ne!(bold.glyph_id(c).0, 0, "{c}");
        }
    }

    #[test]
    fn text_is_drawn_where_asked() {
        let mut min = (i32::MAX, i32::MAX);
        let mut max = (i32::MIN, i32::MIN);
        rasterize("H", 100.0, 200.0, 40.0, false, |x, y, c| {
            if c > 0.5 {
                min = (min.0.min(x), min.1.min(y));
                max = (max.0.max(x), max.1.max(y));
            }
        });
        // A capital H sits on the baseline and rises about 0.63 × size.
        assert!(max.1 <= 200 && max.1 >= 198, "{max:?}");
        assert!((170..=178).contains(&min.1), "{min:?}");
        assert!((100..=106).contains(&min.0), "{min:?}");
    }
}
