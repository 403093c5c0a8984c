//! The fonts tertial embeds: DejaVu Sans regular and bold (libre; licence in
//! `assets/fonts/`). The window and the charts use these bytes, so both
//! look the same on every machine and nothing looks up system fonts.

pub const DEJAVU_SANS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub const DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
