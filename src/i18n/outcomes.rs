//! Format 2 outcomes' words: services, hour windows, the nurse's judgement, and their validation.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_outcomes {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // Format 2 outcomes: services, hour windows, the nurse's judgement (explanation and record).
            Service => ("Palvelu", "Tjänst", "Service"),
            ServiceContact => ("Yhteystiedot", "Kontaktuppgifter", "Contact"),
            ServiceClosedNow => ("suljettu nyt, avautuu {0}", "stängd nu, öppnar {0}", "closed now, opens {0}"),
            ServiceOpensLater => ("palvelu avautuu vasta {0}", "tjänsten öppnar först {0}", "the service opens only {0}"),
            ServiceAfterTimeframe => ("ei aukioloa aikarajan sisällä: ensimmäinen mahdollinen {0}", "inte öppet inom tidsramen: första möjliga {0}", "not open within the timeframe: first possible {0}"),
            WhenClosedApplied => ("{0} on suljettu niin, ettei aikarajaa \"{1}\" saavuteta: ohjeen mukaan sen sijaan", "{0} är stängd så att tidsramen \"{1}\" inte nås: enligt anvisningen i stället", "{0} is closed so that the timeframe \"{1}\" cannot be met: the guidance says instead"),
            NurseJudgement => ("hoitajan arvio", "sjukskötarens bedömning", "nurse's judgement"),
            ContactByTime => ("Yhteys viimeistään {0}", "Kontakt senast {0}", "Contact by {0}"),
            ContactBetween => ("Yhteys {0}–{1}", "Kontakt {0}–{1}", "Contact {0}–{1}"),
            Today => ("tänään", "i dag", "today"),
            AtTime => ("klo {0}", "kl. {0}", "{0}"),

            // Format 2 outcomes: validation of timeframes, services, advice blocks and outcomes.
            DiagScheduledNeedsRange => ("ajoitetulla aikarajalla `{0}` on oltava `days: (min, max)` tai `hours: (min, max)`", "den schemalagda tidsramen `{0}` behöver `days: (min, max)` eller `hours: (min, max)`", "scheduled timeframe `{0}` needs `days: (min, max)` or `hours: (min, max)`"),
            DiagDaysAndHours => ("aikarajalla `{0}` on sekä `days` että `hours`; jätä toinen, esim. `hours: (0, 4)` tarkoittaa 4 tunnin sisällä", "tidsramen `{0}` har både `days` och `hours`; behåll den ena, t.ex. `hours: (0, 4)` för inom 4 timmar", "timeframe `{0}` gives both `days` and `hours`; keep one, e.g. `hours: (0, 4)` for within 4 hours"),
            DiagHoursOrder => ("aikarajan `{0}` tunnit ({1}, {2}): ensimmäinen ei saa olla jälkimmäistä suurempi; kirjoita `hours: ({2}, {1})`", "tidsramen `{0}` har timmar ({1}, {2}): den första får inte vara större än den andra; skriv `hours: ({2}, {1})`", "timeframe `{0}` has hours ({1}, {2}): the first must not exceed the second; write `hours: ({2}, {1})`"),
            DiagHoursTooLong => ("aikaraja `{0}` ulottuu {1} tuntiin; enintään 168 tuntia on sallittu: kirjoita pidemmät aikarajat `days`-kenttään", "tidsramen `{0}` når {1} timmar; högst 168 tillåts: skriv längre tidsramar med `days`", "timeframe `{0}` reaches {1} hours; at most 168 are allowed: write longer timeframes with `days`"),
            DiagHoursNotScheduled => ("aikaraja `{0}` ei ole Scheduled, joten sillä ei ole `hours`-kenttää; tee siitä `kind: Scheduled` tai poista `hours`", "tidsramen `{0}` är inte Scheduled och har därför inga `hours`; gör den till `kind: Scheduled` eller ta bort `hours`", "timeframe `{0}` is not Scheduled and so takes no `hours`; make it `kind: Scheduled` or remove `hours`"),
            DiagUnknownService => ("tuntematon palvelu `{0}` (tunnetut: {1}); määrittele se guidance.ron-tiedoston `services`-listassa", "okänd tjänst `{0}` (kända: {1}); definiera den i `services` i guidance.ron", "unknown service `{0}` (known: {1}); define it in `services` of guidance.ron"),
            DiagSpanSyntax => ("palvelu `{0}`: kirjoita aukioloaika muodossa HH:MM-HH:MM, esim. \"08:00-16:00\", ei `{1}`", "tjänsten `{0}`: skriv öppettiden som HH:MM-HH:MM, t.ex. \"08:00-16:00\", inte `{1}`", "service `{0}`: write a span as HH:MM-HH:MM, e.g. \"08:00-16:00\", not `{1}`"),
            DiagSpanEmpty => ("palvelu `{0}`: aukioloaika `{1}` päättyy ennen kuin alkaa; kirjoita esim. \"08:00-16:00\" (yön yli: \"20:00-24:00\" ja seuraavalle päivälle \"00:00-08:00\")", "tjänsten `{0}`: öppettiden `{1}` slutar innan den börjar; skriv t.ex. \"08:00-16:00\" (över natten: \"20:00-24:00\" och nästa dag \"00:00-08:00\")", "service `{0}`: the span `{1}` ends before it starts; write e.g. \"08:00-16:00\" (overnight: \"20:00-24:00\" and on the next day \"00:00-08:00\")"),
            DiagSpanOutOfDay => ("palvelu `{0}`: `{1}` ei ole kellonaika; ajat ovat 00:00–24:00", "tjänsten `{0}`: `{1}` är ingen tid på dygnet; tiderna går från 00:00 till 24:00", "service `{0}`: `{1}` is not a time of day; times run from 00:00 to 24:00"),
            DiagSpanOverlaps => ("palvelu `{0}`: aukioloaika `{1}` menee päällekkäin saman päivän ajan `{2}` kanssa; yhdistä ne yhdeksi", "tjänsten `{0}`: öppettiden `{1}` överlappar `{2}` samma dag; slå ihop dem till en", "service `{0}`: the span `{1}` overlaps `{2}` of the same day; join them into one"),
            DiagServiceNeverOpen => ("palvelu `{0}` ei ole koskaan auki arkena, lauantaina eikä sunnuntaina; anna sen aukioloajat tai kirjoita `hours: Always`", "tjänsten `{0}` är aldrig öppen på vardagar, lördagar eller söndagar; ange dess öppettider eller skriv `hours: Always`", "service `{0}` is never open on a weekday, Saturday or Sunday; give its hours, or write `hours: Always`"),
            DiagUnknownBlock => ("tuntematon ohjelohko `{0}` (tunnetut: {1}); määrittele se guidance.ron-tiedoston `advice_blocks`-listassa", "okänt rådblock `{0}` (kända: {1}); definiera det i `advice_blocks` i guidance.ron", "unknown advice block `{0}` (known: {1}); define it in `advice_blocks` of guidance.ron"),
            DiagEmptyAdvice => ("{0} on tyhjä lista; kirjoita teksti `(fi: …)` tai ainakin yksi `Block(\"id\")`", "{0} är en tom lista; skriv en text `(fi: …)` eller minst ett `Block(\"id\")`", "{0} is an empty list; write a text `(fi: …)` or at least one `Block(\"id\")`"),
            DiagWhenClosedNoService => ("`when_closed` on voimassa, kun lopputuloksen palvelu on suljettu, mutta tämä lopputulos ei nimeä palvelua; lisää `service: \"…\"` tai poista `when_closed`", "`when_closed` gäller när utfallets tjänst är stängd, men detta utfall anger ingen tjänst; lägg till `service: \"…\"` eller ta bort `when_closed`", "`when_closed` applies when the outcome's service is closed, but this outcome names no `service`; add `service: \"…\"` or remove `when_closed`"),
            DiagWhenClosedNested => ("`when_closed`-lopputuloksella ei voi olla omaa `when_closed`-kenttää (vain yksi taso); poista sisempi `when_closed`", "ett `when_closed`-utfall kan inte ha ett eget `when_closed` (bara en nivå); ta bort det inre `when_closed`", "a `when_closed` outcome cannot have a `when_closed` of its own (one level only); remove the inner `when_closed`"),
            DiagWhenClosedLessUrgent => ("`when_closed`-aikaraja `{0}` on vähemmän kiireellinen kuin lopputuloksen `{1}`; kun palvelu on suljettu, ohjaa vähintään yhtä kiireelliseen aikarajaan, esim. päivystykseen", "`when_closed`-tidsramen `{0}` är mindre brådskande än utfallets `{1}`; när tjänsten är stängd, hänvisa till en minst lika brådskande tidsram, t.ex. jouren", "the `when_closed` timeframe `{0}` is less urgent than the outcome's `{1}`; when the service is closed, send the caller to a timeframe at least as urgent, e.g. on-call care"),
            WordService => ("palvelu", "tjänst", "service"),
            WordAdviceBlock => ("ohjelohko", "rådblock", "advice block"),
            LabelOfService => ("palvelun `{0}` nimi", "namnet på tjänsten `{0}`", "the label of service `{0}`"),
            ContactOfService => ("palvelun `{0}` yhteystiedot", "kontaktuppgifterna för tjänsten `{0}`", "the contact of service `{0}`"),
            TextOfAdviceBlock => ("ohjelohko `{0}`", "rådblocket `{0}`", "advice block `{0}`"),
            DiagNurseJudgementRedFlag => ("hälytysmerkin lopputulos ei voi olla hoitajan arvio; poista `nurse_judgement: true`", "ett varningstecknens utfall kan inte vara sjukskötarens bedömning; ta bort `nurse_judgement: true`", "a red flag's outcome cannot be the nurse's judgement; remove `nurse_judgement: true`"),
        }
    };
}
