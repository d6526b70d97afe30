//! Training: practice feedback and the session summary.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_training {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // Training: practice feedback and the session summary
            TrainingSession => ("Harjoitusistunto", "Övningspass", "Training session"),
            TrainingAverageScore => ("pisteiden keskiarvo", "medelpoäng", "average score"),
            TrainingTime => ("aika", "tid", "time"),
            TrainingExpected => ("Ohjeen mukaan", "Enligt anvisningen", "Expected"),
            TrainingYours => ("Oma arvio", "Din bedömning", "Yours"),
            TrainingNoDecision => ("ei päätöstä", "inget beslut", "no decision"),
            TrainingDecidedBy => ("Ratkaiseva sääntö", "Avgörande regel", "Decided by"),
            TrainingUnderTriagedEmergency => ("KIIREELLINEN TILANNE ALIARVIOITU", "BRÅDSKANDE LÄGE UNDERSKATTAT", "EMERGENCY UNDER-TRIAGED"),
            TrainingEmergenciesMissed => ("Aliarvioidut kiireelliset tilanteet", "Underskattade brådskande lägen", "Emergencies under-triaged"),
            TrainingUnderTriage => ("liian kiireetön", "för låg brådska", "under-triage"),
            TrainingOverTriage => ("liian kiireellinen", "för hög brådska", "over-triage"),
            TrainingTimeframe => ("Kiireellisyys", "Brådskegrad", "Timeframe"),
            TrainingMode => ("yhteystapa", "kontaktsätt", "contact mode"),
            TrainingProfessional => ("ammattilainen", "yrkesperson", "professional"),
            TrainingRedFlags => ("punaiset liput", "röda flaggor", "red flags"),
            TrainingRedFlagsNotAsked => ("Kysymättä jääneet punaiset liput", "Röda flaggor som inte frågades", "Red flags not screened"),
            TrainingQuestionsSkipped => ("Ohitetut kysymykset, joita ohje tarvitsi", "Överhoppade frågor som anvisningen behövde", "Questions skipped that the guidance needed"),
            TrainingReasonsMissed => ("Löytämättä jääneet yhteydenoton syyt", "Kontaktorsaker som inte hittades", "Reasons for contact not found"),
            TrainingReasonsExtra => ("Ylimääräiset yhteydenoton syyt", "Extra kontaktorsaker", "Extra reasons for contact"),
            TrainingTeachingPoints => ("Opittavaa", "Att lära sig", "Teaching points"),
            MapGlobalRedFlags => ("Lisäksi {0} hälytysmerkkiä kysytään jokaisessa puhelussa (ei piirretty).", "Dessutom frågas {0} varningstecken i varje samtal (inte ritade).", "Also {0} red flags asked on every call (not drawn)."),
            MapBasic => ("Perustieto", "Grunduppgift", "Basic"),
            MapRiskFactor => ("Riskitekijä", "Riskfaktor", "Risk factor"),
            MapShared => ("Yhteinen kysymys", "Gemensam fråga", "Shared question"),
            MapRedFlagOfReason => ("Tämän syyn hälytysmerkki", "Denna orsaks varningstecken", "This reason's red flag"),
            MapRedFlagOnlyWhen => ("Hälytysmerkki, kun ehto täyttyy", "Varningstecken när villkoret gäller", "Red flag, when its condition holds"),
        }
    };
}
