//! The `arvio` binary, a console program: the headless commands, or the nurse's app when no
//! command is given (for a terminal; desktop shortcuts start `arvio-app`, which opens no console
//! window on Windows).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = arvio::cli::Cli::parse();
    match &cli.command {
        Some(command) => {
            let now = chrono::Local::now().fixed_offset();
            let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
            let code = arvio::cli::run_in(command, cli.lang.as_deref(), now, &mut out, &mut err);
            ExitCode::from(code as u8)
        }
        None => open_app(cli.guidance, cli.config),
    }
}

#[cfg(feature = "gui")]
fn open_app(guidance: Option<PathBuf>, config: Option<PathBuf>) -> ExitCode {
    arvio::ui::launch::open(guidance, config)
}

#[cfg(not(feature = "gui"))]
fn open_app(_guidance: Option<PathBuf>, _config: Option<PathBuf>) -> ExitCode {
    eprintln!("arvio: this build has no GUI (built without the `gui` feature); see `arvio --help`");
    ExitCode::from(2)
}
