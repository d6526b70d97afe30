//! Scenario, answer and training case files: what their loading and validation say.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_files {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // Scenario and answer files
            ScenarioNotATime => ("`{0}` ei ole RFC 3339 -aika, kuten 2026-11-23T09:00:00+02:00", "`{0}` är inte en RFC 3339-tid som 2026-11-23T09:00:00+02:00", "`{0}` is not an RFC 3339 time such as 2026-11-23T09:00:00+02:00"),
            ScenarioNoTime => ("skenaariossa ei ole arvioinnin aikaa `at`", "scenariot anger ingen bedömningstid `at`", "the scenario gives no assessment time `at`"),
            ScenarioNoExpect => ("skenaariossa ei ole kohtaa `expect`", "scenariot har ingen `expect`", "the scenario has no `expect`"),
            ScenarioNothingProposed => ("skenaariossa ei ole yhteydenoton syytä eikä täyttyvää hälytysmerkkiä, joten ehdotusta ei synny", "scenariot anger ingen kontaktorsak och träffar inget varningstecken, så inget föreslås", "the scenario gives no reason and hits no red flag, so nothing is proposed"),
            UnknownReasonKnown => ("tuntematon yhteydenoton syy `{0}` (tunnetut: {1})", "okänd kontaktorsak `{0}` (kända: {1})", "unknown reason `{0}` (known: {1})"),
            UnknownReasonForContact => ("tuntematon yhteydenoton syy `{0}`", "okänd kontaktorsak `{0}`", "unknown reason for contact `{0}`"),
            AnsweredTwice => ("kysymykseen `{0}` on vastattu kahdesti", "frågan `{0}` besvaras två gånger", "question `{0}` is answered twice"),
            AnswerExpects => ("kysymys `{0}` odottaa vastausta {1}", "frågan `{0}` väntar sig {1}", "question `{0}` expects {1}"),
            ExpectsYesNo => ("Yes, No tai CannotSay", "Yes, No eller CannotSay", "Yes, No or CannotSay"),
            ExpectsChoice => ("Choice(\"vaihtoehto\") tai CannotSay", "Choice(\"alternativ\") eller CannotSay", "Choice(\"option\") or CannotSay"),
            ExpectsChoices => ("Choices([\"vaihtoehto\", …]) tai CannotSay", "Choices([\"alternativ\", …]) eller CannotSay", "Choices([\"option\", …]) or CannotSay"),
            ExpectsNumber => ("Number(x) tai CannotSay", "Number(x) eller CannotSay", "Number(x) or CannotSay"),

            // Training case files
            CaseTitle => ("otsikko", "rubriken", "the title"),
            CaseStory => ("tarina", "berättelsen", "the story"),
            CaseOpening => ("avausrepliikki", "inledningsrepliken", "the opening line"),
            CaseTeachingPoint => ("opetuspiste {0}", "lärpunkt {0}", "teaching point {0}"),
            CaseReasonTwice => ("yhteydenoton syy `{0}` on lueteltu kahdesti", "kontaktorsaken `{0}` anges två gånger", "reason `{0}` is listed twice"),
            CaseRedFlagTwice => ("hälytysmerkki `{0}` on lueteltu kahdesti", "varningstecknet `{0}` anges två gånger", "red flag `{0}` is listed twice"),
            CaseNotARedFlag => ("`{0}` ei ole hälytysmerkki; must_screen luettelee vain hälytysmerkkejä", "`{0}` är inte ett varningstecken; must_screen listar bara varningstecken", "`{0}` is not a red flag; must_screen lists red flags only"),
            CaseUnknownRedFlag => ("tuntematon hälytysmerkki `{0}` (hälytysmerkit: {1})", "okänt varningstecken `{0}` (varningstecken: {1})", "unknown red flag `{0}` (red flags: {1})"),
            CaseNothingProposed => ("tapauksessa ei ole yhteydenoton syytä eikä täyttyvää hälytysmerkkiä, joten ehdotusta ei synny", "fallet anger ingen kontaktorsak och träffar inget varningstecken, så inget föreslås", "the case gives no reason and hits no red flag, so nothing is proposed"),
            CaseGivesTimeframe => ("ohjeen mukaan tämän tapauksen kiireellisyysluokka on `{0}` (ratkaisee `{1}`); tiedostossa odotetaan `{2}`", "anvisningen ger brådskegraden `{0}` för det här fallet (avgörs av `{1}`), inte `{2}`", "the guidance gives timeframe `{0}` for this case (decided by `{1}`), not `{2}`"),
            CaseGives => ("ohjeen mukaan tässä tapauksessa {0} (ratkaisee `{1}`); tiedostossa odotetaan {2}", "anvisningen ger {0} för det här fallet (avgörs av `{1}`), inte {2}", "the guidance gives {0} for this case (decided by `{1}`), not {2}"),
            CaseGivesMode => ("yhteystapa on `{0}`", "kontaktsättet `{0}`", "contact mode `{0}`"),
            CaseGivesNoMode => ("ei ole yhteystapaa", "inget kontaktsätt", "no contact mode"),
            CaseGivesProfessional => ("ammattilainen on `{0}`", "yrkespersonen `{0}`", "professional `{0}`"),
            CaseGivesNoProfessional => ("ei ole ammattilaista", "ingen yrkesperson", "no professional"),
            CaseNone => ("ei mitään", "inget", "none"),
        }
    };
}
