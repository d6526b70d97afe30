//! The nurse's app (egui/eframe). A thin layer: [`state`] holds everything, [`view`] draws and
//! [`keys`] maps the keyboard, both pushing [`intent`]s that [`dispatch`] applies through the
//! handlers beside each mode's state ([`nurse`], [`author`], [`trainer`], [`statistics`]);
//! [`app`] ties them to eframe. See docs/ARCHITECTURE.md for the tree.

pub mod app;
pub mod author;
pub mod dispatch;
pub mod field;
pub mod guidance;
pub mod intent;
pub mod jobs;
pub mod keys;
pub mod labels;
pub mod launch;
pub mod managed;
pub mod mode;
pub mod nurse;
pub mod renderer;
pub mod settings;
pub mod start;
pub mod state;
pub mod statistics;
pub mod style;
pub mod trainer;
pub mod view;
pub mod watch;
pub mod workbench;

use std::path::PathBuf;

use app::ArvioApp;
use intent::Intent;
use settings::Settings;

/// Where the assessment in progress is kept (the user's data directory).
pub fn autosave_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fi", "Arvio", "arvio")
        .map(|d| d.data_local_dir().join("assessment-in-progress.ron"))
}

/// Runs the app under the managed configuration `loaded`, on `guidance` if given (and not
/// locked by IT), else the one [`managed::guidance_dir`] chooses; with the renderer
/// [`renderer::chosen`], or the other one when that cannot open the window.
pub fn run(guidance: Option<PathBuf>, loaded: crate::config::Loaded) -> eframe::Result<()> {
    let first = renderer::chosen(loaded.managed.renderer);
    match run_with(first, guidance.clone(), loaded.clone()) {
        Err(e) if renderer::failed_to_start(&e) => {
            let second = renderer::other(first);
            eprintln!(
                "arvio: the {} renderer could not open the window ({e}); trying {}",
                first.name(),
                second.name()
            );
            run_with(second, guidance, loaded)
        }
        done => done,
    }
}

fn run_with(
    renderer: crate::config::Renderer,
    guidance: Option<PathBuf>,
    loaded: crate::config::Loaded,
) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Arvio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        renderer: renderer::to_eframe(renderer),
        ..Default::default()
    };
    // eframe keeps the settings in app.ron beside the autosave: private like it (issue 15).
    if let Some(dir) = eframe::storage_dir("arvio") {
        let _ = crate::storage::keep_private(&dir.join("app.ron"));
    }
    eframe::run_native(
        "arvio",
        options,
        Box::new(move |cc| {
            let saved: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let settings = managed::apply(&saved, &loaded.managed);
            cc.egui_ctx.set_zoom_factor(settings.zoom);
            let dir = managed::guidance_dir(guidance, &settings, &loaded.managed);
            let clock = Box::new(|| chrono::Local::now().fixed_offset());
            let log_local = crate::log::default_dir();
            let log_dir = settings.log_dir.clone().or_else(|| log_local.clone());
            let mut app = ArvioApp::new(settings, dir, clock, autosave_path());
            app.state.log_local = log_local;
            app.state.apply(Intent::OpenLog(log_dir));
            app.state.set_managed(loaded);
            // Records kept on this computer while the share was down go to it, off the UI
            // thread: a share that is still down may take the system's timeout to say so.
            if let Some(dest) = app.state.log_destination() {
                std::thread::spawn(move || dest.forward());
            }
            app.prepare(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}
