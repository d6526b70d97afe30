//! The eframe app: settings persistence, fonts and window background, and one frame = the
//! logic (keys, watcher, zoom, applied) then the drawing (views, applied).

use std::path::PathBuf;
use std::sync::Arc;

use crate::ui::intent::{Applied, Intent};
use crate::ui::keys::{Carry, keyboard};
use crate::ui::nurse::autosave;
use crate::ui::settings::Settings;
use crate::ui::state::{AppState, Clock};
use crate::ui::view::show;
use crate::ui::watch::Wake;

/// How long [`ArvioApp::frame_settled`] waits for work off the UI thread at most.
const SETTLE_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// How much larger presentation mode draws everything.
pub const PRESENTATION_SCALE: f32 = 1.6;

pub struct ArvioApp {
    pub state: AppState,
    /// What the keyboard carries to the next frame: a held key's repeat, keys still to act.
    keys: Carry,
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
            keys: Carry::default(),
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
        // Ctrl+plus/minus are the app's own, in steps that go back where they came from.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // The window is cleared to the panel colour (`clear_color`), so panels need not paint
        // it again: on a software renderer (lavapipe, a virtual desktop without a GPU) every
        // window-sized fill costs tens of milliseconds per frame.
        // For the same reason no scroll area paints its fade at the edges: with transparent
        // panels the fade is the panel's colour, transparent, so it was shaded and never seen.
        ctx.all_styles_mut(|style| {
            style.visuals.panel_fill = egui::Color32::TRANSPARENT;
            style.spacing.scroll.fade.strength = 0.0;
        });
        self.prepared = true;
    }

    /// Everything of a frame that draws nothing: fonts, theme and zoom, the watcher's wake-up,
    /// the guidance files, the autosave of typed notes, and the keyboard (consumed before any
    /// widget sees it). eframe calls it before [`Self::frame_ui`].
    pub fn frame_logic(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.exit_after_first_frame && self.frames >= 2 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !self.prepared {
            self.prepare(ctx);
        }
        ctx.set_theme(if self.state.settings.dark || self.state.presentation {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        if !self.woken {
            // File changes wake the UI from the watcher's thread.
            let wake_ctx = ctx.clone();
            let wake = Wake(Arc::new(move || wake_ctx.request_repaint()));
            self.state.apply(Intent::SetWake(wake));
            self.woken = true;
        }
        self.state.apply(Intent::PollWork);
        if autosave::due(&self.state) {
            self.state.apply(Intent::SaveAutosave);
        }
        let applied = self
            .state
            .apply_all(keyboard(ctx, &self.state, &mut self.keys));
        carry_out(ctx, applied);
        self.zoom(ctx);
        if self.state.busy() {
            // Work off the UI thread is polled, never waited for.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        if self.state.call.is_some() {
            // The call timer ticks (and typed notes reach the autosave).
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
    }

    /// Draws the frame; what the views ask for is applied after.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let mut intents = Vec::new();
        show(ui, &self.state, &mut intents);
        let applied = self.state.apply_all(intents);
        carry_out(ui.ctx(), applied);
    }

    /// One whole frame inside `ui`, logic then drawing, as eframe runs it; for the UI tests.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frame_logic(&ctx);
        self.frame_ui(ui);
    }

    /// A whole frame as [`Self::frame`], but waiting first for the work the app runs off the UI
    /// thread, and after it for the work it started (then drawn at once in the next frame): for
    /// UI tests that assert what a nurse sees a moment later. The app itself never waits.
    pub fn frame_settled(&mut self, ui: &mut egui::Ui) {
        self.state.settle(SETTLE_LIMIT);
        self.frame(ui);
        let applied = self.state.jobs.applied;
        self.state.settle(SETTLE_LIMIT);
        if self.state.jobs.applied != applied {
            ui.ctx().request_repaint();
        }
    }

    /// The window's zoom follows the settings (stepped by `keys::zoom`); presentation mode
    /// scales on top of it without changing the setting.
    fn zoom(&mut self, ctx: &egui::Context) {
        let mut wanted = self.state.settings.zoom;
        if self.state.presentation {
            wanted *= PRESENTATION_SCALE;
        }
        if (ctx.zoom_factor() - wanted).abs() > f32::EPSILON {
            ctx.set_zoom_factor(wanted);
        }
    }
}

/// What applying asked of the window: text for the clipboard, the keyboard in a text field.
fn carry_out(ctx: &egui::Context, applied: Applied) {
    if let Some(text) = applied.copy {
        ctx.copy_text(text);
    }
    if let Some(field) = applied.focus {
        ctx.memory_mut(|m| m.request_focus(field.id()));
    }
}

impl eframe::App for ArvioApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        window_background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut settings = self.state.settings.clone();
        // Remembered only when the user chose it (author mode): otherwise the next start follows
        // the managed configuration, or finds the shipped guidance wherever the app is now.
        let chosen = settings.chosen.contains(&crate::config::Setting::Guidance);
        settings.last_guidance = chosen.then(|| self.state.guidance.dir.clone());
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
