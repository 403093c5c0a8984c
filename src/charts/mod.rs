//! The report's charts: pure functions from a workspace to pixels (RGB or
//! PNG) or SVG text. The editor's preview and every export call the same
//! [`render_rgb`]/[`render_png`]/[`render_svg`], so the picture the author
//! sees is the picture the slide gets.
//!
//! [`data`] decides what a chart says, [`draw`] how it looks, [`theme`]
//! holds the colours, font and sizes.

pub mod data;
pub mod draw;
pub mod text;
pub mod theme;

use std::borrow::Cow;
use std::fmt;

use plotters::prelude::*;

pub use data::{BarChart, ChartKind, chart};
use draw::Surface;

use crate::domain::period::Period;

/// The picture formats charts are exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartFormat {
    Png,
    Svg,
}

impl ChartFormat {
    pub const ALL: [ChartFormat; 2] = [ChartFormat::Png, ChartFormat::Svg];

    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ChartFormat::Png => "PNG",
            ChartFormat::Svg => "SVG",
        }
    }
}

/// A picture size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
}

impl ChartSize {
    pub const fn new(width: u32, height: u32) -> Self {
        ChartSize { width, height }
    }

    /// Smallest and largest side a chart may have. Below the minimum no
    /// label fits; above the maximum (8K) a PNG is hundreds of megabytes.
    pub const MIN: ChartSize = ChartSize::new(320, 200);
    pub const MAX: ChartSize = ChartSize::new(7680, 4320);

    /// Checks the size against [`ChartSize::MIN`] and [`ChartSize::MAX`].
    pub fn validate(self) -> Result<Self, ChartError> {
        let ok = (ChartSize::MIN.width..=ChartSize::MAX.width).contains(&self.width)
            && (ChartSize::MIN.height..=ChartSize::MAX.height).contains(&self.height);
        if ok {
            Ok(self)
        } else {
            Err(ChartError::Size(self))
        }
    }

    /// Parses "1920x1080" (also with "×" or spaces).
    pub fn parse(s: &str) -> Result<Self, String> {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let (w, h) = t.split_once(['x', 'X', '×']).ok_or_else(|| {
            format!("\"{s}\" är ingen storlek; skriv bredd×höjd, t.ex. 1920x1080")
        })?;
        let num = |v: &str| {
            v.parse::<u32>()
                .map_err(|_| format!("\"{s}\" är ingen storlek; skriv bredd×höjd, t.ex. 1920x1080"))
        };
        let size = ChartSize::new(num(w)?, num(h)?);
        size.validate().map_err(|e| e.to_string())
    }
}

impl fmt::Display for ChartSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}×{}", self.width, self.height)
    }
}

/// The slide sizes offered in the editor and the CLI.
pub const PRESETS: [(ChartSize, &str); 3] = [
    (ChartSize::new(1920, 1080), "1920×1080 (16:9)"),
    (ChartSize::new(1280, 720), "1280×720 (16:9)"),
    (ChartSize::new(1024, 768), "1024×768 (4:3)"),
];

/// Why a chart could not be drawn or encoded.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    Size(ChartSize),
    Draw(String),
    Encode(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Size(s) => write!(
                f,
                "Storleken {s} går inte: bredd {}–{} och höjd {}–{} bildpunkter.",
                ChartSize::MIN.width,
                ChartSize::MAX.width,
                ChartSize::MIN.height,
                ChartSize::MAX.height
            ),
            ChartError::Draw(e) => write!(f, "Diagrammet kunde inte ritas: {e}"),
            ChartError::Encode(e) => write!(f, "Bilden kunde inte skapas: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

fn draw_error<E: fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

/// The chart as RGB pixels, three bytes per pixel, row by row.
pub fn render_rgb(chart: &BarChart, size: ChartSize) -> Result<Vec<u8>, ChartError> {
    let size = size.validate()?;
    let mut buf = vec![0u8; size.width as usize * size.height as usize * 3];
    {
        let backend = BitMapBackend::<plotters::backend::RGBPixel>::with_buffer_and_format(
            &mut buf,
            (size.width, size.height),
        )
        .map_err(draw_error)?;
        let area = backend.into_drawing_area();
        draw::draw(&area, chart, Surface::Pixels).map_err(draw_error)?;
        area.present().map_err(draw_error)?;
    }
    Ok(buf)
}

/// The chart as a PNG file's bytes.
pub fn render_png(chart: &BarChart, size: ChartSize) -> Result<Vec<u8>, ChartError> {
    let rgb = render_rgb(chart, size)?;
    encode_png(&rgb, size)
}

/// A 16:9 slide's width and height in inches (PowerPoint's and Impress's
/// "Widescreen", 33,867 × 19,05 cm).
pub const SLIDE_INCHES: (f64, f64) = (40.0 / 3.0, 7.5);

/// The resolution, in pixels per metre, that makes a picture of `size` as
/// large as a 16:9 slide in its tighter direction: 1920×1080 is 144 dpi
/// (13,33 × 7,5 inches), 1280×720 is 96 dpi, 1024×768 is 102,4 dpi
/// (10 × 7,5 inches). Without it a slide tool takes 72 or 96 dpi and
/// places a 1920×1080 picture at twice the slide's size.
pub fn pixels_per_metre(size: ChartSize) -> u32 {
    let dpi = (f64::from(size.width) / SLIDE_INCHES.0).max(f64::from(size.height) / SLIDE_INCHES.1);
    (dpi / 0.0254).round() as u32
}

/// Encodes RGB pixels as PNG, with a pHYs chunk from [`pixels_per_metre`].
/// Fast compression: a chart is large flat areas, which compress well
/// even so, and export stays quick.
pub fn encode_png(rgb: &[u8], size: ChartSize) -> Result<Vec<u8>, ChartError> {
    let encode = |e: png::EncodingError| ChartError::Encode(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size.width, size.height);
    let ppm = pixels_per_metre(size);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(encode)?;
    writer.write_image_data(rgb).map_err(encode)?;
    writer.finish().map_err(encode)?;
    Ok(out)
}

/// The chart as an SVG document. It carries a `<title>` and a `<desc>`
/// with every category's full name and value, so nothing shortened in the
/// drawing is lost and screen readers can tell what it shows.
pub fn render_svg(chart: &BarChart, size: ChartSize) -> Result<String, ChartError> {
    let size = size.validate()?;
    let mut svg = String::new();
    let text = {
        let backend = SVGBackend::with_string(&mut svg, (size.width, size.height));
        let area = backend.into_drawing_area();
        let text = draw::draw(&area, chart, Surface::Svg).map_err(draw_error)?;
        area.present().map_err(draw_error)?;
        text
    };
    // The text goes last, over every shape, as in the pixel drawing.
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &text),
        None => return Err(ChartError::Encode("SVG utan </svg>".into())),
    }
    let head = format!(
        "<title>{}</title><desc>{}</desc>",
        xml_escape(&format!("{} – {}", chart.title, chart.subtitle)),
        xml_escape(&describe(chart))
    );
    match svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end + 1))
    {
        Some(pos) => svg.insert_str(pos, &head),
        None => return Err(ChartError::Encode("SVG utan <svg>-element".into())),
    }
    Ok(svg)
}

/// One sentence per category: "Namn: 76 %" (series by legend), and the
/// target.
pub fn describe(chart: &BarChart) -> String {
    if !chart.has_data() {
        return chart.empty_message.clone();
    }
    // With more than one series each value is named by its legend entry
    // (found by style: the legend leaves out series with no values).
    let series = chart.categories.first().map_or(0, |c| c.bars.len());
    let mut parts: Vec<String> = chart
        .categories
        .iter()
        .map(|c| {
            let values: Vec<String> = c
                .bars
                .iter()
                .filter_map(|b| {
                    let v = chart.unit.format(b.value?);
                    let legend = chart.legend.iter().find(|l| l.style == b.style);
                    Some(match legend {
                        Some(l) if series > 1 => format!("{} {v}", l.text),
                        _ => v,
                    })
                })
                .collect();
            format!("{}: {}", c.label, values.join(", "))
        })
        .collect();
    if let Some(t) = &chart.target {
        parts.push(t.label.clone());
    }
    parts.join("; ")
}

/// Text for XML and HTML: `&`, `<`, `>` and `"` escaped, and characters
/// neither may hold replaced (see [`xml_chars`]).
pub fn xml_escape(s: &str) -> String {
    xml_chars(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `s` with every character that XML 1.0 forbids or HTML calls a control
/// character (C0 and C1 controls but tab, line feed and carriage return;
/// U+FFFE and U+FFFF) replaced by a space: the vertical tab Word puts in
/// pasted text would otherwise make the SVG invalid XML.
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The default file name: `narvaro-per-natverk-2020-t1-2.png`.
pub fn file_name(kind: ChartKind, period: &Period, format: ChartFormat) -> String {
    format!("{}-{}.{}", kind.slug(), period.slug(), format.extension())
}

/// The bytes of `kind` for `ws` in `format`.
pub fn render_file(
    ws: &crate::domain::model::Workspace,
    kind: ChartKind,
    size: ChartSize,
    format: ChartFormat,
) -> Result<Vec<u8>, ChartError> {
    let c = chart(ws, kind);
    match format {
        ChartFormat::Png => render_png(&c, size),
        ChartFormat::Svg => render_svg(&c, size).map(String::into_bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_are_checked() {
        assert_eq!(
            ChartSize::parse("1920x1080"),
            Ok(ChartSize::new(1920, 1080))
        );
        assert_eq!(
            ChartSize::parse(" 1024 × 768 "),
            Ok(ChartSize::new(1024, 768))
        );
        assert!(ChartSize::parse("1920").is_err());
        assert!(ChartSize::parse("axb").is_err());
        assert!(
            ChartSize::parse("10x10")
                .unwrap_err()
                .contains("bredd 320–7680")
        );
        assert!(ChartSize::parse("99999x1080").is_err());
    }

    #[test]
    fn too_small_a_picture_is_an_error_not_a_panic() {
        let c = chart(
            &crate::domain::model::Workspace::default(),
            ChartKind::Staff,
        );
        assert_eq!(
            render_rgb(&c, ChartSize::new(10, 10)),
            Err(ChartError::Size(ChartSize::new(10, 10)))
        );
    }

    #[test]
    fn file_names_follow_chart_and_period() {
        let p = Period::Tertial {
            year: 2020,
            from: 2,
            to: 2,
        };
        assert_eq!(
            file_name(ChartKind::NetworkAttendance, &p, ChartFormat::Png),
            "narvaro-per-natverk-2020-t2.png"
        );
        assert_eq!(
            file_name(ChartKind::MunicipalityAttendance, &p, ChartFormat::Svg),
            "narvaro-per-kommun-2020-t2.svg"
        );
    }

    #[test]
    fn the_description_names_series_by_their_legend() {
        use crate::domain::model::{Survey, SurveyQuestion, Workspace};
        let d = |v: i64| Some(rust_decimal::Decimal::from(v));
        let ws = Workspace {
            survey: Survey {
                years: vec!["2017".into(), "2018".into(), "2019".into()],
                questions: vec![SurveyQuestion {
                    text: "Fråga".into(),
                    // No 2018 figure: 2018 leaves the legend.
                    total: vec![d(40), None, d(60)],
                    pks: vec![],
                }],
                ..Survey::default()
            },
            ..Workspace::default()
        };
        let c = chart(&ws, ChartKind::Survey);
        assert_eq!(c.legend.len(), 2);
        assert_eq!(describe(&c), "Fråga: 2017 40\u{a0}%, 2019 60\u{a0}%");
    }

    #[test]
    fn slide_sized_resolution() {
        // 144 dpi = 5 669,29 pixels per metre.
        assert_eq!(pixels_per_metre(ChartSize::new(1920, 1080)), 5669);
        assert_eq!(pixels_per_metre(ChartSize::new(1280, 720)), 3780);
        assert_eq!(pixels_per_metre(ChartSize::new(1024, 768)), 4031);
    }

    #[test]
    fn escaping() {
        assert_eq!(xml_escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
