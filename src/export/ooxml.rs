//! What the Word document and the slide deck share as Office Open XML
//! packages: a part (its name in the zip and its bytes) and the zip itself,
//! written in the given order with XML deflated, the already compressed PNG
//! pictures stored, and a fixed time stamp, so the same workspace gives the
//! same file.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// One part of a package: its name in the zip and its bytes.
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Part {
    /// A text part (XML).
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Part {
        Part {
            name: name.into(),
            bytes: text.into().into_bytes(),
        }
    }
}

/// Zips `parts` in order (`[Content_Types].xml` first, as Office writes
/// it).
pub fn package(parts: &[Part]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for p in parts {
        let method = if p.name.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        zip.start_file(p.name.as_str(), options)?;
        zip.write_all(&p.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_their_order_and_the_bytes_are_the_same_every_time() {
        let parts = [
            Part::text("[Content_Types].xml", "<Types/>"),
            Part {
                name: "media/a.png".into(),
                bytes: vec![1, 2, 3],
            },
        ];
        let a = package(&parts).expect("zip");
        assert_eq!(a, package(&parts).expect("zip"));
        let mut zip = zip::ZipArchive::new(Cursor::new(a)).expect("a zip");
        assert_eq!(
            zip.by_index(0).expect("first").name(),
            "[Content_Types].xml"
        );
        let png = zip.by_index(1).expect("second");
        assert_eq!(png.compression(), CompressionMethod::Stored);
    }
}
