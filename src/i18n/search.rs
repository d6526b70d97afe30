//! The reason search and its red flags, each reason's own route, and the call screen's keys.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_search {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // The reason search (issue 14): red flags among the hits.
            SearchRedFlag => ("Hälytysmerkki – kysy", "Varningstecken – fråga", "Red flag – ask"),
            SearchRedFlagAdds => ("lisää syyn {0}", "lägger till orsaken {0}", "adds {0}"),
            SearchHitsKeys => ("↑/↓ valitse, Enter: syy lisätään tai hälytysmerkki kysytään (ei vastata)", "↑/↓ välj, Enter: orsaken läggs till eller varningstecknet frågas (inget besvaras)", "↑/↓ choose, Enter: adds the reason or goes to the red flag to ask (answers nothing)"),
            RedFlagNotAskedNow => ("Tätä hälytysmerkkiä ei kysytä tälle potilaalle (ikä tai muu perustieto).", "Detta varningstecken frågas inte för denna patient (ålder eller annan grunduppgift).", "This red flag is not asked for this patient (age or another basic)."),
            KeyRemoveReason => ("poista viimeksi lisätty syy (tyhjässä haussa)", "ta bort orsaken som lades till sist (i tom sökruta)", "remove the reason added last (in the empty search)"),
            KeyDiscardRestore => ("hylkää kaatuneen puhelun palautus", "avböj återställning av det kraschade samtalet", "discard the crashed call's restore"),
            // Each reason's own route.
            RoutePerReason => ("Reitti syittäin", "Väg per orsak", "Route per reason"),
            RouteDecidedBy => ("peruste", "grund", "because"),
        }
    };
}
