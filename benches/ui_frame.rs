//! One frame of the editor window, headless: `TertialApp::ui` run in an
//! `egui::Context` as eframe runs it (layout, widgets, the part shown),
//! then tessellation of what is drawn into triangles; only the GPU upload
//! is left out. Each heavy part, for the largest sample and the stress
//! workspace (`cargo bench --bench ui_frame`), after a warm-up so caches
//! (findings, the chart preview texture) are as they are while the author
//! works. Medians are in the README.
//!
//! Not egui_kittest: the test harness builds the AccessKit tree every
//! frame (over a third of a frame's time here), which the real window does
//! only while a screen reader is on.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App;
use egui::{Pos2, RawInput, Rect, vec2};
use tertial::domain::Workspace;
use tertial::ui::{EconomyPage, Nav, TertialApp};

/// The window as it runs: context, app and eframe's frame handle.
struct Window {
    ctx: egui::Context,
    app: TertialApp,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    fn new(ws: Workspace, nav: Nav) -> Self {
        let ctx = egui::Context::default();
        tertial::ui::install_fonts(&ctx);
        let mut app = TertialApp::new(ws, None);
        app.nav = nav;
        let mut w = Window {
            ctx,
            app,
            // eframe's own constructor for running an App outside a window
            // (made for egui_kittest).
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        // Warm-up: fonts, layout caches, the chart preview texture.
        for _ in 0..5 {
            w.frame();
        }
        w
    }

    /// One frame at 1366×768, like the laptop screen; returns how many
    /// meshes were tessellated.
    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1366.0, 768.0))),
            time: Some(self.time),
            ..RawInput::default()
        };
        let app = &mut self.app;
        let frame = &mut self.frame;
        let out = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        self.ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }
}

mod common;

fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
}

fn frames(c: &mut Criterion) {
    let parts = [
        ("narvaro", Nav::Narvaro),
        ("ekonomi-budget", Nav::Ekonomi(EconomyPage::Budget)),
        ("mal-1", Nav::Goal(0)),
        ("diagram", Nav::Diagram),
    ];
    let mut group = c.benchmark_group("ui_frame");
    configure(&mut group);
    for (name, ws) in common::workspaces() {
        for (part, nav) in parts {
            let mut w = Window::new(ws.clone(), nav);
            assert_eq!(w.app.nav, nav);
            assert!(w.frame() > 0, "something is drawn");
            group.bench_function(format!("{name}/{part}"), |b| {
                b.iter(|| black_box(w.frame()))
            });
        }
    }
    group.finish();
}

/// What one typed character costs besides the frame: the document records
/// the edit (undo point, unsaved-changes check against the saved version).
fn edit(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit");
    configure(&mut group);
    for (name, ws) in common::workspaces() {
        let mut doc = tertial::session::document::Document::new(ws, None);
        let mut n = 0u64;
        group.bench_function(format!("{name}/typed-character"), |b| {
            b.iter(|| {
                n += 1;
                doc.workspace.report.title.push('a');
                // A new field every 100 characters: mostly merged steps,
                // sometimes a new undo point, as when typing.
                doc.edited(n / 100);
                black_box(doc.is_dirty())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames, edit);
criterion_main!(benches);
