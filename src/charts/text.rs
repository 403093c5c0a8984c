//! Chart text in pixels: measuring and rasterising with the embedded
//! DejaVu Sans (`crate::fonts`) through ab_glyph. Used for PNG and the
//! preview, and for measuring in SVG too, so both lay out text alike.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

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

/// The width of `text` at `size` (ab_glyph's pixel height: ascent minus
/// descent), kerning included.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(font) = font(bold) else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let mut caret = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        caret += scaled.h_advance(id);
        prev = Some(id);
    }
    f64::from(caret)
}

/// The SVG `font-size` (the em) that draws glyphs as large as the pixel
/// text of `size`: ab_glyph's size is the font's ascent minus descent
/// (1,164 em for DejaVu Sans), an SVG font size is the em itself.
pub fn em_size(size: f64, bold: bool) -> f64 {
    match font(bold) {
        Some(f) => {
            let height = f64::from(f.height_unscaled());
            let em = f64::from(f.units_per_em().unwrap_or(2048.0));
            if height > 0.0 {
                size * em / height
            } else {
                size
            }
        }
        None => size,
    }
}

/// The font's ascent above the baseline at `size`: where the baseline of
/// text whose top is at `y` lies (`y + ascent`), in pixels and in SVG.
pub fn ascent(size: f64, bold: bool) -> f64 {
    match font(bold) {
        Some(f) => f64::from(f.as_scaled(PxScale::from(size as f32)).ascent()),
        None => size * 0.8,
    }
}

/// The longest start of `chars` no wider than `max_width` at `size`
/// (kerning included), and whether that start is all of `chars`. Reads
/// only the characters that fit and one more, so a text of a megabyte
/// costs no more than one line of it.
pub fn fitting_prefix(
    chars: impl IntoIterator<Item = char>,
    size: f64,
    bold: bool,
    max_width: f64,
) -> (String, bool) {
    let mut out = String::new();
    let Some(font) = font(bold) else {
        let each = size * 0.6;
        let mut width = 0.0;
        for c in chars {
            width += each;
            if width > max_width {
                return (out, false);
            }
            out.push(c);
        }
        return (out, true);
    };
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let limit = max_width as f32;
    let mut caret = 0f32;
    let mut prev = None;
    for c in chars {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        caret += scaled.h_advance(id);
        if caret > limit {
            return (out, false);
        }
        out.push(c);
        prev = Some(id);
    }
    (out, true)
}

/// Whether `text` is no wider than `max_width` at `size`; stops measuring
/// at the first character past it.
pub fn fits(text: &str, size: f64, bold: bool, max_width: f64) -> bool {
    fitting_prefix(text.chars(), size, bold, max_width).1
}

/// Rasterises `text` with its left end at `x` and its baseline at
/// `baseline`; calls `plot(x, y, coverage)` for every touched pixel.
/// Glyphs wholly left of 0 or starting right of `right` (the picture's
/// edge) are not drawn, so a very long text costs only what shows.
pub fn rasterize(
    text: &str,
    x: f64,
    baseline: f64,
    size: f64,
    bold: bool,
    right: f64,
    mut plot: impl FnMut(i32, i32, f32),
) {
    let Some(font) = font(bold) else { return };
    let scale = PxScale::from(size as f32);
    let scaled = font.as_scaled(scale);
    let mut caret = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        prev = Some(id);
        let at = x + f64::from(caret);
        caret += scaled.h_advance(id);
        if at > right {
            break;
        }
        if x + f64::from(caret) + size < 0.0 {
            continue;
        }
        let glyph = id.with_scale_and_position(scale, point(at as f32, baseline as f32));
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
    fn the_fitting_start_is_what_fits() {
        let text = "Jönköpings län";
        let whole = width(text, 30.0, false);
        assert_eq!(
            fitting_prefix(text.chars(), 30.0, false, whole),
            (text.to_string(), true)
        );
        let (start, all) = fitting_prefix(text.chars(), 30.0, false, whole / 2.0);
        assert!(
            !all && !start.is_empty() && text.starts_with(&start),
            "{start}"
        );
        assert!(width(&start, 30.0, false) <= whole / 2.0);
        let next = text[start.len()..].chars().next().expect("more");
        assert!(width(&format!("{start}{next}"), 30.0, false) > whole / 2.0);
        assert!(fits(text, 30.0, false, whole) && !fits(text, 30.0, false, whole - 1.0));
        // An endless text is measured only as far as it fits.
        let (start, all) = fitting_prefix(std::iter::repeat('a'), 30.0, false, 300.0);
        assert!(!all && start.len() < 100, "{}", start.len());
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
    fn the_svg_em_is_the_pixel_size_over_the_font_height() {
        // DejaVu Sans: ascent 1901, descent -483, 2048 units per em.
        let em = em_size(38.0, false);
        assert!((em - 38.0 * 2048.0 / 2384.0).abs() < 0.01, "{em}");
        let a = ascent(38.0, false);
        assert!((a - 38.0 * 1901.0 / 2384.0).abs() < 0.01, "{a}");
    }

    #[test]
    fn text_is_drawn_where_asked() {
        let mut min = (i32::MAX, i32::MAX);
        let mut max = (i32::MIN, i32::MIN);
        rasterize("H", 100.0, 200.0, 40.0, false, 1000.0, |x, y, c| {
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
