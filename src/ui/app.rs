//! The eframe app: persistence of settings, per-frame input, and the frame's side effects.

use std::path::PathBuf;

use crate::ui::keys::keyboard;
use crate::ui::state::{AppState, Clock, Settings};
use crate::ui::view::show;

/// How much larger presentation mode draws everything.
pub const PRESENTATION_SCALE: f32 = 1.6;

pub struct ArvioApp {
    pub state: AppState,
    woken: bool,
    prepared: bool,
    frames: u64,
    /// For the start-up benchmark: close once the first frame is on screen.
    exit_after_first_frame: bool,
}

impl ArvioApp {
    pub fn new(
        settings: Settings,
        guidance: PathBuf,
        clock: Clock,
        autosave: Option<PathBuf>,
    ) -> Self {
        Self {
            state: AppState::new(settings, guidance, clock, autosave),
            woken: false,
            prepared: false,
            frames: 0,
            exit_after_first_frame: std::env::var_os("ARVIO_EXIT_AFTER_FIRST_FRAME")
                .is_some_and(|v| v == "1"),
        }
    }

    /// Fonts and style, before the first frame where eframe allows it (so that the first frame
    /// is laid out once, with its final fonts), else at the first frame.
    pub fn prepare(&mut self, ctx: &egui::Context) {
        install_fonts(ctx);
        // The window is cleared to the panel colour (`clear_color`), so panels need not paint
        // it again: on a software renderer (lavapipe, a virtual desktop without a GPU) every
        // window-sized fill costs tens of milliseconds per frame.
        ctx.all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
        self.prepared = true;
    }

    /// One frame of the whole app inside `ui`; used by eframe and by the UI tests alike.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if self.exit_after_first_frame && self.frames >= 2 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.set_theme(if self.state.settings.dark || self.state.presentation {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        // Ctrl+plus/minus zoom is egui's own; keep it in the settings so it is remembered.
        // Presentation mode scales on top of it without changing the setting.
        let zoom = ctx.zoom_factor();
        if self.state.presentation {
            let wanted = self.state.settings.zoom * PRESENTATION_SCALE;
            if (zoom - wanted).abs() > f32::EPSILON {
                ctx.set_zoom_factor(wanted);
            }
        } else if (zoom - self.state.settings.zoom * PRESENTATION_SCALE).abs() < f32::EPSILON {
            ctx.set_zoom_factor(self.state.settings.zoom);
        } else if (zoom - self.state.settings.zoom).abs() > f32::EPSILON {
            self.state.settings.zoom = zoom;
        }
        let intents = keyboard(&ctx, &self.state);
        self.state.apply_all(intents);
        let mut intents = Vec::new();
        show(ui, &self.state, &mut intents);
        self.state.apply_all(intents);
        if let Some(text) = self.state.clipboard.take() {
            ctx.copy_text(text);
        }
        if !self.prepared {
            self.prepare(&ctx);
        }
        if !self.woken {
            // File changes wake the UI from the watcher's thread.
            let wake_ctx = ctx.clone();
            self.state.wake = std::sync::Arc::new(move || wake_ctx.request_repaint());
            self.woken = true;
        }
        self.state.poll_guidance_files();
        if self.state.call.is_some() {
            // The call timer ticks.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
    }
}

impl eframe::App for ArvioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        window_background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut settings = self.state.settings.clone();
        settings.last_guidance = Some(self.state.guidance.dir.clone());
        eframe::set_value(storage, eframe::APP_KEY, &settings);
    }
}

/// The colour egui's panels have in the theme of `visuals`, which the window is cleared to.
pub fn window_background(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Visuals::dark().panel_fill
    } else {
        egui::Visuals::light().panel_fill
    }
}

/// egui's own fonts cover Latin and Cyrillic; DejaVu Sans (bundled, free licence) backs them
/// up so that arrows, symbols and any character a guidance author types are drawn, not boxes.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families,
    ));
}
