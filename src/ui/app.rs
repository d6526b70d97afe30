//! The eframe app: persistence of settings, per-frame input, and the frame's side effects.

use std::path::PathBuf;

use crate::ui::keys::keyboard;
use crate::ui::state::{AppState, Clock, Settings};
use crate::ui::view::show;

pub struct ArvioApp {
    pub state: AppState,
    last_poll: f64,
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
            last_poll: 0.0,
        }
    }

    /// One frame of the whole app inside `ui`; used by eframe and by the UI tests alike.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(if self.state.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let intents = keyboard(&ctx, &self.state);
        self.state.apply_all(intents);
        let mut intents = Vec::new();
        show(ui, &self.state, &mut intents);
        self.state.apply_all(intents);
        if let Some(text) = self.state.clipboard.take() {
            ctx.copy_text(text);
        }
        let now = ctx.input(|i| i.time);
        if now - self.last_poll > 1.0 {
            self.last_poll = now;
            self.state.poll_guidance_files();
        }
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut settings = self.state.settings.clone();
        settings.last_guidance = Some(self.state.guidance.dir.clone());
        eframe::set_value(storage, eframe::APP_KEY, &settings);
    }
}
