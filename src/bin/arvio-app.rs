//! `arvio-app`: the nurse's app alone, for desktop shortcuts and the start menu. On Windows a
//! GUI-subsystem program, so no console window opens behind it; what it cannot print to a
//! console it shows in a message box (see `arvio::ui::launch`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = arvio::ui::launch::AppArgs::parse();
    arvio::ui::launch::open(args.guidance, args.config)
}
