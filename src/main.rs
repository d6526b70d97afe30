//! The `arvio` binary: the headless commands, or the nurse's app when no command is given.

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
        None => open_app(cli.guidance),
    }
}

#[cfg(feature = "gui")]
fn open_app(guidance: Option<std::path::PathBuf>) -> ExitCode {
    match arvio::ui::run(guidance) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("arvio: the window could not be opened: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_guidance: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("arvio: this build has no GUI (built without the `gui` feature); see `arvio --help`");
    ExitCode::from(2)
}
