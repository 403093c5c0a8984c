//! The Diagram part: a list of the report's charts, a preview drawn by the
//! same code and at the same size as the exported picture, and the export
//! controls. The preview is a texture redrawn only when the data, the chart
//! or the export size change, not every frame (resizing the window only
//! rescales it). *Kopiera diagram* (and Ctrl+C in this part) puts the
//! chart on the clipboard as an image at the chosen export size, to paste
//! straight into PowerPoint, Word or Impress.

use egui::{ColorImage, TextureHandle, TextureOptions, Ui};

use crate::charts::{self, ChartFormat, ChartKind, ChartSize, PRESETS};
use crate::domain::Workspace;

/// Smooth when shown smaller than drawn.
const PREVIEW_TEXTURE: TextureOptions = TextureOptions {
    mipmap_mode: Some(egui::TextureFilter::Linear),
    ..TextureOptions::LINEAR
};

/// The export size chosen: a preset or the author's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeChoice {
    Preset(usize),
    Custom,
}

/// What "Exportera alla" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatChoice {
    Png,
    Svg,
    Both,
}

impl FormatChoice {
    const ALL: [FormatChoice; 3] = [FormatChoice::Png, FormatChoice::Svg, FormatChoice::Both];

    fn name(self) -> &'static str {
        match self {
            FormatChoice::Png => "PNG",
            FormatChoice::Svg => "SVG",
            FormatChoice::Both => "PNG och SVG",
        }
    }

    pub fn formats(self) -> &'static [ChartFormat] {
        match self {
            FormatChoice::Png => &[ChartFormat::Png],
            FormatChoice::Svg => &[ChartFormat::Svg],
            FormatChoice::Both => &ChartFormat::ALL,
        }
    }
}

/// An export the author asked for; the app opens the dialog and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartAction {
    ExportOne(ChartKind, ChartFormat, ChartSize),
    ExportAll(ChartSize, FormatChoice),
}

/// What the preview texture shows; a new key means a new drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PreviewKey {
    revision: u64,
    kind: ChartKind,
    pixels: ChartSize,
}

pub struct ChartsView {
    pub selected: ChartKind,
    pub size: SizeChoice,
    pub custom: ChartSize,
    pub all_formats: FormatChoice,
    preview: Option<(PreviewKey, TextureHandle)>,
    /// How many times the preview was drawn (tests check the cache).
    pub renders: u64,
    /// Why the preview could not be drawn, if it could not.
    preview_error: Option<String>,
    /// The last export's outcome, shown under the buttons.
    pub message: Option<String>,
}

impl Default for ChartsView {
    fn default() -> Self {
        ChartsView {
            selected: ChartKind::NetworkAttendance,
            size: SizeChoice::Preset(0),
            custom: ChartSize::new(1600, 900),
            all_formats: FormatChoice::Png,
            preview: None,
            renders: 0,
            preview_error: None,
            message: None,
        }
    }
}

impl ChartsView {
    /// The export size chosen.
    pub fn export_size(&self) -> ChartSize {
        match self.size {
            SizeChoice::Preset(i) => PRESETS.get(i).map_or(PRESETS[0].0, |p| p.0),
            SizeChoice::Custom => self.custom,
        }
    }

    /// Shows the view; returns an export to carry out, if one was asked for.
    pub fn show(&mut self, ui: &mut Ui, ws: &Workspace, revision: u64) -> Option<ChartAction> {
        let mut action = None;
        egui::Panel::left("diagramlista")
            .resizable(false)
            .default_size(250.0)
            .show(ui, |ui| {
                ui.heading("Diagram");
                ui.add_space(4.0);
                for kind in ChartKind::ALL {
                    if ui
                        .selectable_label(self.selected == kind, kind.title())
                        .clicked()
                    {
                        self.selected = kind;
                    }
                }
                ui.add_space(12.0);
                ui.separator();
                action = self.export_controls(ui, ws);
            });
        // Ctrl+C copies the chart, unless a text field (the custom size)
        // has the keyboard and wants its own copy.
        let copy_key = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy_key && !ui.ctx().text_edit_focused() {
            self.copy_chart(ui.ctx(), ws);
        }
        egui::CentralPanel::default().show(ui, |ui| self.preview(ui, ws, revision));
        action
    }

    fn export_controls(&mut self, ui: &mut Ui, ws: &Workspace) -> Option<ChartAction> {
        let mut action = None;
        ui.label("Bildstorlek");
        let current = match self.size {
            SizeChoice::Preset(i) => PRESETS.get(i).map_or("", |p| p.1).to_string(),
            SizeChoice::Custom => "Anpassad".to_string(),
        };
        let combo = egui::ComboBox::from_id_salt("bildstorlek")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (i, (_, name)) in PRESETS.iter().enumerate() {
                    ui.selectable_value(&mut self.size, SizeChoice::Preset(i), *name);
                }
                ui.selectable_value(&mut self.size, SizeChoice::Custom, "Anpassad");
            });
        super::cells::name_widget(ui, combo.response.id, "Välj bildstorlek");
        if self.size == SizeChoice::Custom {
            ui.horizontal(|ui| {
                let w = ui.add(
                    egui::DragValue::new(&mut self.custom.width)
                        .range(ChartSize::MIN.width..=ChartSize::MAX.width)
                        .suffix(" px"),
                );
                super::cells::name_widget(ui, w.id, "Bredd");
                ui.label("×");
                let h = ui.add(
                    egui::DragValue::new(&mut self.custom.height)
                        .range(ChartSize::MIN.height..=ChartSize::MAX.height)
                        .suffix(" px"),
                );
                super::cells::name_widget(ui, h.id, "Höjd");
            });
        }
        let size = self.export_size();
        ui.add_space(6.0);
        let name = |f| charts::file_name(self.selected, &ws.report.period, f);
        if ui
            .button("Exportera PNG…")
            .on_hover_text(name(ChartFormat::Png))
            .clicked()
        {
            action = Some(ChartAction::ExportOne(
                self.selected,
                ChartFormat::Png,
                size,
            ));
        }
        if ui
            .button("Exportera SVG…")
            .on_hover_text(name(ChartFormat::Svg))
            .clicked()
        {
            action = Some(ChartAction::ExportOne(
                self.selected,
                ChartFormat::Svg,
                size,
            ));
        }
        let copy = ui
            .button("Kopiera diagram")
            .on_hover_text(format!(
                "Diagrammet som bild ({size}) i urklipp, för att klistra in i PowerPoint, Word eller Impress (Ctrl+C)"
            ));
        if copy.clicked() {
            self.copy_chart(ui.ctx(), ws);
        }
        ui.add_space(10.0);
        ui.label("Exportera alla som");
        let formats = egui::ComboBox::from_id_salt("format-alla")
            .selected_text(self.all_formats.name())
            .show_ui(ui, |ui| {
                for f in FormatChoice::ALL {
                    ui.selectable_value(&mut self.all_formats, f, f.name());
                }
            });
        super::cells::name_widget(ui, formats.response.id, "Format för alla");
        if ui
            .button("Exportera alla…")
            .on_hover_text("Alla diagram till en mapp, med namn efter diagram och period")
            .clicked()
        {
            action = Some(ChartAction::ExportAll(size, self.all_formats));
        }
        if let Some(m) = &self.message {
            ui.add_space(6.0);
            ui.label(egui::RichText::new(m).weak());
        }
        action
    }

    /// Puts the selected chart on the clipboard as an image of the chosen
    /// export size (egui hands it to the system clipboard).
    pub fn copy_chart(&mut self, ctx: &egui::Context, ws: &Workspace) {
        let size = self.export_size();
        let chart = charts::chart(ws, self.selected);
        match charts::render_rgb(&chart, size) {
            Ok(rgb) => {
                let image = ColorImage::from_rgb([size.width as usize, size.height as usize], &rgb);
                ctx.copy_image(image);
                self.message = Some(format!(
                    "{} kopierades som bild ({size}).",
                    self.selected.title()
                ));
            }
            Err(e) => self.message = Some(format!("Diagrammet kunde inte kopieras: {e}")),
        }
    }

    fn preview(&mut self, ui: &mut Ui, ws: &Workspace, revision: u64) {
        let export = self.export_size();
        let avail = ui.available_size();
        // The export's proportions, as large as the panel allows.
        let aspect = f64::from(export.width) / f64::from(export.height);
        let (mut w, mut h) = (f64::from(avail.x), f64::from(avail.x) / aspect);
        if h > f64::from(avail.y) {
            h = f64::from(avail.y);
            w = h * aspect;
        }
        // Drawn at the export's own size and scaled on screen (mipmapped),
        // so the preview has exactly the slide's layout: the same line
        // breaks, the same text sizes relative to the bars. Only a size
        // beyond the graphics card's largest texture is drawn smaller.
        let max_side = ui.input(|i| i.max_texture_side).max(1) as f64;
        let shrink = (max_side / f64::from(export.width.max(export.height))).min(1.0);
        let pixels = ChartSize::new(
            (f64::from(export.width) * shrink) as u32,
            (f64::from(export.height) * shrink) as u32,
        );
        let key = PreviewKey {
            revision,
            kind: self.selected,
            pixels,
        };
        if self.preview.as_ref().map(|(k, _)| *k) != Some(key) {
            let chart = charts::chart(ws, self.selected);
            self.renders += 1;
            match charts::render_rgb(&chart, pixels) {
                Ok(rgb) => {
                    let image =
                        ColorImage::from_rgb([pixels.width as usize, pixels.height as usize], &rgb);
                    match &mut self.preview {
                        Some((k, tex)) => {
                            tex.set(image, PREVIEW_TEXTURE);
                            *k = key;
                        }
                        None => {
                            let tex = ui.ctx().load_texture(
                                "diagram-forhandsvisning",
                                image,
                                PREVIEW_TEXTURE,
                            );
                            self.preview = Some((key, tex));
                        }
                    }
                    self.preview_error = None;
                }
                Err(e) => self.preview_error = Some(e.to_string()),
            }
        }
        if let Some(e) = &self.preview_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if let Some((_, tex)) = &self.preview {
            let size = egui::vec2(w as f32, h as f32);
            let image = egui::Image::new((tex.id(), size))
                .alt_text(format!("Förhandsvisning: {}", self.selected.title()));
            ui.add(image);
        }
    }
}
