//! The egui app (placeholder until the nurse view lands).
pub fn run(_guidance: Option<std::path::PathBuf>) -> eframe::Result<()> {
    Ok(())
}
