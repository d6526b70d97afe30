//! The nurse's call: the keyboard, the right panel, plural forms.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_call {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // Nurse's call (issue 14): the keyboard, the right panel, plural forms.
            ConfirmTicks => ("Vahvista valinnat", "Bekräfta valen", "Confirm the choices"),
            ConfirmTicksFirst => ("Vahvista ensin valinnat (Enter)", "Bekräfta först valen (Enter)", "Confirm the choices first (Enter)"),
            NoneOfThese => ("Ei mitään näistä", "Inget av dessa", "None of these"),
            KeyNoneOfThese => ("ei mitään näistä: lohkon avoimet hälytysmerkit \"ei\"", "inget av dessa: blockets öppna varningstecken \"nej\"", "none of these: the block's open red flags \"no\""),
            KeyZoomReset => ("tavallinen koko", "normal storlek", "normal size"),
            KeyPanel => ("vieritä oikeaa palstaa", "rulla högra spalten", "scroll the right column"),
            Proposed => ("ehdotettu", "föreslaget", "proposed"),
            DecisionTitle => ("Päätös", "Beslut", "Decision"),
            AdviceOfProposal => ("Ehdotuksen ohjeet (ehdotettu {0}) – kerro soittajalle päätöksen mukainen aika.", "Förslagets råd (föreslaget {0}) – ge den som ringer tiden enligt beslutet.", "The proposal's advice (proposed {0}) – tell the caller the time decided."),
            FallbackOf => ("{0}: ei erityistä sääntöä (oletus)", "{0}: ingen särskild regel (standard)", "{0}: no specific rule (default)"),
            NoSpecificRule => ("ei erityistä sääntöä (oletus)", "ingen särskild regel (standard)", "no specific rule (default)"),
            ModeKeys => ("Alt+1–4", "Alt+1–4", "Alt+1–4"),
            QuestionOne => ("kysymys jäljellä", "fråga kvar", "question left"),
            QuestionMany => ("kysymystä jäljellä", "frågor kvar", "questions left"),
            RedFlagOne => ("hälytysmerkki kysymättä", "varningstecken ofrågat", "red flag unanswered"),
            RedFlagMany => ("hälytysmerkkiä kysymättä", "varningstecken ofrågade", "red flags unanswered"),
            ReasonOne => ("syy", "orsak", "reason"),
            ReasonMany => ("syytä", "orsaker", "reasons"),
            DayOne => ("päivä", "dag", "day"),
            DayMany => ("päivää", "dagar", "days"),
            FieldKey => ("Näppäin", "Tangent", "Key"),
            LogDefault => ("oletus", "standard", "default"),
        }
    };
}
