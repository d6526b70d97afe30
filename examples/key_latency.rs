//! Keystroke to presented frame on an X11 display (Xvfb in `scripts/key-latency-bench.sh`): the
//! time from a key press sent through XTEST to the first damage of the program's window, which
//! is when the frame showing the keystroke reached the X server (the renderer's present: Vulkan's
//! or GLX's image put into the window). The key is released after each press, and the next press
//! waits until the window has stayed still for a while, so each press is timed alone.
//!
//! `cargo run --release --example key_latency -- WINDOW KEY [RUNS]`
//!   WINDOW  the window id (decimal or 0x hex; `xdotool search --pid`)
//!   KEY     one ASCII character whose key is pressed (e.g. `1`, `p`)
//!   RUNS    presses timed (default 60)
//!
//! Prints one line per figure (`median_ms=…`, `p10_ms=…`, `p90_ms=…`, `mean_ms=…`, `runs=…`);
//! exits non-zero when the window never settles or a press is never drawn.

use std::time::{Duration, Instant};

use x11rb::connection::{Connection, RequestConnection};
use x11rb::protocol::Event;
use x11rb::protocol::damage::{self, ConnectionExt as _, ReportLevel};
use x11rb::protocol::xproto::{self, ConnectionExt as _};
use x11rb::protocol::xtest::ConnectionExt as _;

/// The window counts as still after this long without damage.
const STILL: Duration = Duration::from_millis(150);
/// A window that never stays still this long, or a press not drawn within it, is a failure.
const GIVE_UP: Duration = Duration::from_secs(10);

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() {
    if let Err(e) = run() {
        eprintln!("key_latency: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [window, key, rest @ ..] = args.as_slice() else {
        return Err("usage: key_latency WINDOW KEY [RUNS]".into());
    };
    let window = parse_window(window)?;
    let key = key
        .chars()
        .next()
        .filter(char::is_ascii)
        .ok_or("KEY: one ASCII character")?;
    let runs: usize = rest.first().map_or(Ok(60), |r| r.parse())?;

    let (conn, screen) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen].root;
    conn.extension_information(damage::X11_EXTENSION_NAME)?
        .ok_or("the X server has no DAMAGE extension")?;
    conn.damage_query_version(1, 1)?.reply()?;
    conn.xtest_get_version(2, 2)?.reply()?;
    let keycode = keycode_of(&conn, key)?;
    let damage = conn.generate_id()?;
    conn.damage_create(damage, window, ReportLevel::NON_EMPTY)?;
    conn.flush()?;

    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        settle(&conn, damage)?;
        conn.xtest_fake_input(
            xproto::KEY_PRESS_EVENT,
            keycode,
            x11rb::CURRENT_TIME,
            root,
            0,
            0,
            0,
        )?;
        conn.flush()?;
        let start = Instant::now();
        wait_for_damage(&conn, start + GIVE_UP)?.ok_or("a key press was never drawn")?;
        times.push(start.elapsed());
        conn.xtest_fake_input(
            xproto::KEY_RELEASE_EVENT,
            keycode,
            x11rb::CURRENT_TIME,
            root,
            0,
            0,
            0,
        )?;
        conn.flush()?;
    }
    report(&mut times);
    Ok(())
}

fn parse_window(s: &str) -> Result<u32> {
    Ok(match s.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16)?,
        None => s.parse()?,
    })
}

/// The keycode whose first keysym is `key` (ASCII keysyms equal the character's code).
fn keycode_of(conn: &impl Connection, key: char) -> Result<u8> {
    let setup = conn.setup();
    let (min, max) = (setup.min_keycode, setup.max_keycode);
    let map = conn.get_keyboard_mapping(min, max - min + 1)?.reply()?;
    let per = usize::from(map.keysyms_per_keycode);
    map.keysyms
        .chunks(per.max(1))
        .position(|syms| syms.first() == Some(&u32::from(key)))
        .map(|i| min + i as u8)
        .ok_or_else(|| format!("no key types {key:?}").into())
}

/// Waits until the window has had no damage for [`STILL`], then clears what it had.
fn settle(conn: &impl Connection, damage: damage::Damage) -> Result<()> {
    let give_up = Instant::now() + GIVE_UP;
    loop {
        conn.damage_subtract(damage, x11rb::NONE, x11rb::NONE)?;
        conn.flush()?;
        match wait_for_damage(conn, (Instant::now() + STILL).min(give_up))? {
            None => return Ok(()),
            Some(()) if Instant::now() >= give_up => {
                return Err("the window never stays still (it keeps repainting)".into());
            }
            Some(()) => {}
        }
    }
}

/// The next damage of the window before `deadline`, polled every 100 µs.
fn wait_for_damage(conn: &impl Connection, deadline: Instant) -> Result<Option<()>> {
    loop {
        while let Some(event) = conn.poll_for_event()? {
            if let Event::DamageNotify(_) = event {
                return Ok(Some(()));
            }
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_micros(100));
    }
}

fn report(times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    println!("median_ms={:.2}", at(0.5));
    println!("p10_ms={:.2}", at(0.1));
    println!("p90_ms={:.2}", at(0.9));
    println!("mean_ms={mean:.2}");
    println!("runs={}", times.len());
}
