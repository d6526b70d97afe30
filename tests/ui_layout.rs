//! Layout (issue 14, point 7): at 1024×768 and 1920×1080, and in presentation mode, the header
//! is one row (or, where even that cannot fit, rows that do not overlap), answered question
//! cards end before the right column, nothing runs off the window, and the example guidance's
//! banner is in body-size type.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::{NodeT, Queryable, by};
use ui_support::*;

const SIZES: [(f32, f32); 2] = [(1024.0, 768.0), (1920.0, 1080.0)];

/// A urinary call on the shipped guidance, with the basics (age 40 years, male) and the first
/// red flags answered, so that answered cards (with their notes) are on screen.
fn call_at(w: f32, h: f32, presentation: bool) -> App {
    let mut app = app_sized(PathBuf::from("rules/default"), egui::vec2(w, h));
    if presentation {
        press(&mut app, Key::F11);
    }
    chord(&mut app, Modifiers::COMMAND, Key::N);
    paste(&mut app, "virtsa");
    press(&mut app, Key::Enter);
    press(&mut app, Key::Tab);
    // Format 2 asks the basics first: the age (digits, then the unit's key), then the sex.
    type_keys(&mut app, "40v");
    type_keys(&mut app, "2");
    for _ in 0..3 {
        press(&mut app, Key::E);
    }
    chord(&mut app, Modifiers::SHIFT, Key::Tab);
    app
}

fn rect_of(h: &App, label: &str) -> Rect {
    h.get_by_label(label).rect()
}

/// The header's items: the modes and the three buttons.
fn header_items(h: &App) -> Vec<Rect> {
    ["Arviointi", "Ohjeen laatija", "Kouluttaja", "Tilastot"]
        .into_iter()
        .map(|l| rect_of(h, l))
        .chain(
            ["Uusi arvio (Ctrl+N)", "Asetukset (Ctrl+,)", "Ohje (F1)"]
                .into_iter()
                .map(|l| rect_of(h, l)),
        )
        .collect()
}

fn check(h: &App, w: f32, height: f32, one_row: bool) {
    let what = format!("{w}×{height}, one row {one_row}");
    // The window in the points the rects are in (the zoom included).
    let w = h.ctx.content_rect().width();
    let items = header_items(h);
    for (i, a) in items.iter().enumerate() {
        assert!(
            a.min.x >= 0.0 && a.max.x <= w,
            "{what}: off the window {a:?}"
        );
        for b in &items[i + 1..] {
            assert!(
                !a.shrink(1.0).intersects(b.shrink(1.0)),
                "{what}: {a:?} over {b:?}"
            );
        }
    }
    let top = items.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
    let bottom = items.iter().map(|r| r.max.y).fold(0.0, f32::max);
    if one_row {
        let row = items[0].height();
        assert!(
            bottom - top < row * 1.5,
            "{what}: the header takes {} for rows of {row}",
            bottom - top
        );
    }
    // The example banner: body-size type, below the header, within the window.
    let banner = h.get(by().label_contains("! Esimerkkiohje")).rect();
    assert!(
        banner.min.y >= bottom,
        "{what}: the banner under the header"
    );
    assert!(banner.max.x <= w, "{what}: {banner:?}");
    let search = h
        .get(
            by().role(egui::accesskit::Role::Label)
                .label("Yhteydenoton syy (hae)")
                .include_labels(),
        )
        .rect();
    assert!(
        banner.height() >= search.height() * 0.9,
        "{what}: the banner's type is smaller than the body's: {banner:?} vs {search:?}"
    );
    // Every text and button left of the right column (between the banner and the status line)
    // ends before it: no card is cut.
    let column = rect_of(h, "Soittaja:").min.x;
    let status = [
        "suomi · Kirjauksen kieli: suomi",
        "Arvioija: Testi Hoitaja, sairaanhoitaja",
    ]
    .into_iter()
    .filter_map(|l| h.query_by_label(l).map(|n| n.rect().min.y))
    .fold(f32::INFINITY, f32::min);
    let left: Vec<(String, Rect)> = h
        .root()
        .children_recursive()
        .filter(|n| {
            use egui::accesskit::Role;
            matches!(n.accesskit_node().role(), Role::Label | Role::Button)
        })
        .map(|n| {
            let a = n.accesskit_node();
            (
                a.label().or_else(|| a.value()).unwrap_or_default(),
                n.rect(),
            )
        })
        .filter(|(_, r)| {
            !r.any_nan() && r.min.x < column && r.min.y > banner.max.y && r.max.y < status
        })
        .collect();
    assert!(left.len() > 3, "{what}: the questions on screen");
    for (text, r) in &left {
        assert!(
            r.max.x <= column + 0.5,
            "{what}: {text:?} {r:?} runs under the column at {column}"
        );
    }
    let decide = rect_of(h, "Muuta (Ctrl+O)");
    assert!(
        decide.max.x <= w,
        "{what}: the right column is cut: {decide:?}"
    );
}

#[test]
fn the_call_fits_at_1024x768_and_1920x1080() {
    for (w, height) in SIZES {
        let h = call_at(w, height, false);
        check(&h, w, height, true);
    }
}

#[test]
fn the_call_fits_in_presentation_mode() {
    // A projector at 1920×1080 keeps the header on one row; 1024×768 at presentation size
    // cannot, so its header wraps, but nothing overlaps or runs off.
    let h = call_at(1920.0, 1080.0, true);
    assert!(h.state().state.presentation);
    check(&h, 1920.0, 1080.0, true);
    let h = call_at(1024.0, 768.0, true);
    check(&h, 1024.0, 768.0, false);
}

/// Presentation mode (F11) mid-call makes everything larger: the card with the keyboard is
/// scrolled into view again, whole, rather than left cut off below the window's edge.
#[test]
fn presentation_mode_keeps_the_focused_card_in_view() {
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1920.0, 1080.0));
    new_call(&mut h);
    for reason in ["kurkku kipeä", "virtsa"] {
        paste(&mut h, reason);
        press(&mut h, Key::Enter);
    }
    press(&mut h, Key::Tab);
    type_keys(&mut h, "34v");
    type_keys(&mut h, "2");
    chord(&mut h, Modifiers::SHIFT, Key::E);
    // The card from its title to its last row (the button for none of them: nothing is
    // ticked).
    let card = |h: &App| {
        let title = h
            .get(
                by().role(egui::accesskit::Role::Label)
                    .label_contains("Koskeeko potilasta jokin näistä"),
            )
            .rect();
        // The first one: other several-of questions further down have theirs.
        let last = h
            .query_all(
                by().role(egui::accesskit::Role::Button)
                    .label("Ei mitään näistä [E]"),
            )
            .next()
            .expect("the none-of-them button")
            .rect();
        title.union(last)
    };
    let screen = |h: &App| h.ctx.content_rect();
    assert!(
        screen(&h).contains_rect(card(&h)),
        "in view before: {:?} {:?}",
        card(&h),
        screen(&h)
    );
    press(&mut h, Key::F11);
    assert!(h.state().state.presentation);
    assert!(
        screen(&h).contains_rect(card(&h)),
        "the focused card {:?} in view in presentation mode, {:?}",
        card(&h),
        screen(&h)
    );
}
