//! A plain eframe hello-world window: the baseline for the start-up benchmark
//! (`scripts/startup-bench.sh`), built with the same eframe, egui, features, profile and window
//! options as the app, so the ratio measures what Arvio adds to start-up. Like eframe's own
//! hello-world and `eframe_template`, it shows its text in a `CentralPanel`; with
//! `ARVIO_HELLO_BARE=1` it draws the text straight on the window's clear colour instead, the
//! floor of any eframe window (the script measures both).
//!
//! With `ARVIO_EXIT_AFTER_FIRST_FRAME=1` it closes itself as soon as its first frame has been
//! painted (on the second `ui` call, which comes only after the first frame was presented), as
//! the app does under the same variable.
//!
//! It counts the keys pressed on screen, the baseline of the keystroke-to-screen benchmark
//! (`scripts/key-latency-bench.sh`), and opens with the app's renderer (`ARVIO_RENDERER`). With
//! `ARVIO_HELLO_LINES=N` it also draws N lines of 100 characters of text, to measure what the
//! glyphs alone cost a software rasteriser; with `ARVIO_HELLO_SPREAD=1`, one dot in every
//! 64-pixel square of the window instead (about 500 tiny shapes), to measure what it costs that
//! every tile of the rasteriser has something to draw.
//!
//! `cargo run --release --example hello`

fn main() -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hello")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        // The app's renderer, chosen the same way (`ARVIO_RENDERER`).
        renderer: arvio::ui::renderer::to_eframe(arvio::ui::renderer::chosen(None)),
        ..Default::default()
    };
    let exit_after_first_frame =
        std::env::var_os("ARVIO_EXIT_AFTER_FIRST_FRAME").is_some_and(|v| v == "1");
    let bare = std::env::var_os("ARVIO_HELLO_BARE").is_some_and(|v| v == "1");
    let spread = std::env::var_os("ARVIO_HELLO_SPREAD").is_some_and(|v| v == "1");
    let lines = std::env::var("ARVIO_HELLO_LINES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    eframe::run_native(
        "arvio-hello",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Hello {
                frames: 0,
                keys: 0,
                exit_after_first_frame,
                bare,
                lines,
                spread,
            }))
        }),
    )
}

struct Hello {
    frames: u64,
    keys: u64,
    exit_after_first_frame: bool,
    bare: bool,
    lines: usize,
    spread: bool,
}

impl eframe::App for Hello {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.exit_after_first_frame && self.frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.keys += ui.input(|i| {
            i.events
                .iter()
                .filter(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
                .count()
        }) as u64;
        let (frames, keys, lines) = (self.frames, self.keys, self.lines);
        let content = |ui: &mut egui::Ui| {
            ui.heading("Hello, world");
            ui.label(format!("Frame {frames}, keys pressed {keys}"));
            for i in 0..lines {
                ui.label(format!("{i:>3} {}", "Onko hengenahdistusta levossa, tai onko hengitys niin vaikeaa, ettei pysty puhumaan kokonaisia"));
            }
        };
        if self.spread {
            // One small dot in each 64-pixel square (llvmpipe's tile) of the window.
            let rect = ui.ctx().content_rect();
            let step = 64.0 / ui.ctx().pixels_per_point();
            let painter = ui.painter();
            let mut y = rect.top() + step / 2.0;
            while y < rect.bottom() {
                let mut x = rect.left() + step / 2.0;
                while x < rect.right() {
                    painter.circle_filled(egui::pos2(x, y), 1.5, egui::Color32::GRAY);
                    x += step;
                }
                y += step;
            }
        }
        if self.bare {
            content(ui);
        } else {
            egui::CentralPanel::default().show(ui, content);
        }
        if self.exit_after_first_frame {
            // Make sure the second frame comes even when nothing changes.
            ui.ctx().request_repaint();
        }
    }
}
