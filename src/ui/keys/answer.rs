//! The answer keys, which the key maps read and the views print beside each answer.

use egui::Key;

use crate::text::Language;

/// The yes, no and cannot-say keys of a language: K/E/O in Finnish ("kyllä", "ei", "ei osaa
/// sanoa"), J/N/V in Swedish ("ja", "nej", "vet inte"), Y/N/D in English ("don't know").
pub fn answer_keys(lang: Language) -> [(Key, char); 3] {
    match lang {
        Language::Fi => [(Key::K, 'K'), (Key::E, 'E'), (Key::O, 'O')],
        Language::Sv => [(Key::J, 'J'), (Key::N, 'N'), (Key::V, 'V')],
        Language::En => [(Key::Y, 'Y'), (Key::N, 'N'), (Key::D, 'D')],
    }
}

/// 1–9: the options of a question, and the override form's categories (with Ctrl).
pub const OPTION_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];
