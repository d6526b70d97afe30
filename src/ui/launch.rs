//! Starting the app: its command line (`arvio-app`, and `arvio` without a command), the
//! managed configuration read, and a failure to open the window told where it can be read: on
//! the console when there is one, in a message box too (a GUI program on Windows has none).

use std::path::PathBuf;
use std::process::ExitCode;

/// `arvio-app [--guidance DIR] [--config FILE]`.
#[derive(Debug, clap::Parser)]
#[command(
    name = "arvio-app",
    version,
    about = "Arvio: the nurse's app (no console)"
)]
pub struct AppArgs {
    /// Guidance folder (default: the managed configuration's, the last one chosen, else the
    /// guidance shipped with the app).
    #[arg(long)]
    pub guidance: Option<PathBuf>,
    /// The managed configuration file (default: $ARVIO_CONFIG, else /etc/arvio/config.ron on
    /// Linux, %ProgramData%\Arvio\config.ron on Windows).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Opens the app and waits until its window is closed.
pub fn open(guidance: Option<PathBuf>, config: Option<PathBuf>) -> ExitCode {
    let path = crate::config::locations::managed_path(config.as_deref());
    let loaded = match &path {
        Some(p) => crate::config::load(p),
        None => crate::config::Loaded {
            managed: crate::config::Managed::none(),
            problems: Vec::new(),
        },
    };
    for problem in &loaded.problems {
        eprintln!("arvio: {problem}");
    }
    match super::run(guidance, loaded) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let text = format!("Arvio: the window could not be opened: {e}");
            eprintln!("{text}");
            rfd::MessageDialog::new()
                .set_title("Arvio")
                .set_description(&text)
                .set_level(rfd::MessageLevel::Error)
                .show();
            ExitCode::from(2)
        }
    }
}
