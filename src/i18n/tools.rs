//! The rule author's tools: lint findings and report, the diff of two versions, the CLI's own lines.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_tools {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // Lint: findings of the analysis
            OneCase => ("1 tapauksessa", "1 fall", "1 case"),
            NCases => ("{0} tapauksessa", "{0} fall", "{0} cases"),
            ListOne => ("{0}", "{0}", "{0}"),
            ListComma => ("{0}, {1}", "{0}, {1}", "{0}, {1}"),
            ListOr => ("{0} tai {1}", "{0} eller {1}", "{0} or {1}"),
            LintSampleNote => (" (deterministisessä {0} tapauksen otoksessa; yhteydenoton syyllä on yli {1} tapausta)", " (i ett deterministiskt urval av {0} fall; kontaktorsaken har fler än {1})", " (in a deterministic sample of {0} cases; the reason has more than {1})"),
            LintSampled => (" (otos)", " (urval)", " (sampled)"),
            LintRuleUnreachable => ("säännön `{0}` ehto ei ole tosi yhdessäkään yhteydenoton syyn `{2}` {1} tapauksesta{3}", "villkoret i regeln `{0}` är sant i inget av de {1} fallen för kontaktorsaken `{2}`{3}", "the condition of rule `{0}` is true in none of the {1} cases of reason `{2}`{3}"),
            LintOneDecides => ("{0} ratkaisee", "{0} avgör", "{0} decides"),
            LintEitherDecides => ("{0} ratkaisee", "{0} avgör", "{0} decide"),
            LintRuleShadowed => ("sääntö `{0}` ({1}) täyttyy {2}, mutta ei ratkaise yhtäkään: {3} aina, kun se täyttyy{4}", "regeln `{0}` ({1}) uppfylls i {2} men avgör inget: {3} varje gång den uppfylls{4}", "rule `{0}` ({1}) matches in {2} but decides none: {3} whenever it matches{4}"),
            LintQuestionUnreachable => ("kysymystä `{0}` ei koskaan kysytä: sen ask_if ei ole tosi yhdessäkään yhteydenoton syyn `{2}` {1} tapauksesta{3}", "frågan `{0}` ställs aldrig: dess ask_if är sant i inget av de {1} fallen för kontaktorsaken `{2}`{3}", "question `{0}` is never asked: its ask_if is true in none of the {1} cases of reason `{2}`{3}"),
            LintGap => ("yhteydenoton syyn `{2}` {1} tapauksesta {0} ei täytä yhtään sääntöä, joten oletustulos ratkaisee ({3}){4}", "{0} av de {1} fallen för kontaktorsaken `{2}` uppfyller ingen regel, så standardutfallet avgör ({3}){4}", "{0} of the {1} cases of reason `{2}` match no rule, so the fallback decides ({3}){4}"),
            LintDiffersMode => ("yhteystapa {0} vs. {1}", "kontaktsätt {0} mot {1}", "contact mode {0} vs {1}"),
            LintDiffersProfessional => ("ammattilainen {0} vs. {1}", "yrkesperson {0} mot {1}", "professional {0} vs {1}"),
            LintDiffersCareGuarantee => ("hoitotakuun ulkopuolinen tai ei", "utanför vårdgarantin eller inte", "outside the care guarantee or not"),
            LintOverlap => ("säännöt `{0}` ja `{1}` täyttyvät molemmat {2}, yhtä kiireellisinä ({3}) mutta eri tuloksin ({4}): `{0}` on ensin ja ratkaisee{5}", "reglerna `{0}` och `{1}` uppfylls båda i {2}, lika brådskande ({3}) med olika utfall ({4}): `{0}` står först och avgör{5}", "rules `{0}` and `{1}` both match in {2}, equally urgent ({3}) with different outcomes ({4}): `{0}` stands first and decides{5}"),
            LintRiskFactorUnreachable => ("riskitekijää `{0}` ei koskaan kysytä: sen ask_if ei ole tosi yhdessäkään niiden vastausten {1} yhdistelmästä, joista se riippuu{2}", "riskfaktorn `{0}` ställs aldrig: dess ask_if är sant i ingen av de {1} kombinationerna av svaren den beror på{2}", "risk factor `{0}` is never asked: its ask_if is true in none of the {1} combinations of the answers it depends on{2}"),
            LintCannotSayLessUrgent => ("vastaus “ei osaa sanoa” kysymykseen `{0}` antaa ratkaisun `{1}` ({2}), joka on vähemmän kiireellinen kuin silloin, kun `{0}` on vastaamatta ({3}, {4}): “ei osaa sanoa” ei saa rauhoittaa; {5}{6}", "”kan inte säga” på `{0}` låter `{1}` avgöra ({2}), mindre brådskande än när `{0}` saknar svar ({3}, {4}): ”kan inte säga” får inte lugna; {5}{6}", "“cannot say” on `{0}` lets `{1}` decide ({2}), less urgent than when `{0}` has no answer ({3}, {4}): “cannot say” must not reassure; {5}{6}"),
            LintCannotSaySkips => ("vastaus “ei osaa sanoa” kysymykseen `{0}` ohittaa jatkokysymyksen {1}, jolla `{2}` ohjaa luokkaan {3}, kun siihenkään ei osata vastata (kuten vastauksen {6} jälkeen); soittaja, joka ei osaa vastata kysymykseen `{0}`, saa vähemmän kiireellisen tuloksen {4}{5}", "”kan inte säga” på `{0}` hoppar över följdfrågan {1}, som `{2}` skickar till {3} när inte heller den kan besvaras (som efter {6}); den som ringer och inte kan svara på `{0}` får ett mindre brådskande utfall i {4}{5}", "“cannot say” on `{0}` skips the follow-up {1}, which `{2}` sends to {3} when it cannot be said either (as after {6}); a caller who cannot say `{0}` gets a less urgent outcome in {4}{5}"),
            LintNoScenarios => ("ohjeella ei ole ajettavia skenaarioita, joten kattavuutta ei mitata", "anvisningen har inga scenarier som kan köras, så täckningen mäts inte", "the guidance has no scenarios that run, so coverage is not measured"),
            LintRedFlagNeverWon => ("hälytysmerkki `{0}` ei ratkaise yhtäkään {1} skenaariosta", "varningstecknet `{0}` avgör inget av de {1} scenarierna", "red flag `{0}` decides none of the {1} scenarios"),
            LintRuleNeverWon => ("sääntö `{0}` ei ratkaise yhtäkään {1} skenaariosta", "regeln `{0}` avgör inget av de {1} scenarierna", "rule `{0}` decides none of the {1} scenarios"),
            LintFallbackNeverWon => ("yhteydenoton syyn `{0}` oletustulos ei ratkaise yhtäkään {1} skenaariosta", "standardutfallet för kontaktorsaken `{0}` avgör inget av de {1} scenarierna", "the fallback of reason `{0}` decides none of the {1} scenarios"),
            LintQuestionNeverAsked => ("kysymystä `{0}` ei kysytä yhdessäkään {1} skenaariosta", "frågan `{0}` ställs i inget av de {1} scenarierna", "question `{0}` is asked in none of the {1} scenarios"),

            // Lint: the report as text
            LintAllowedLine => ("{0}: sallittu: {1}: {2} (sallinut {3})", "{0}: tillåtet: {1}: {2} (tillåtet av {3})", "{0}: allowed: {1}: {2} (by {3})"),
            SeverityError => ("virhe", "fel", "error"),
            SeverityWarning => ("varoitus", "varning", "warning"),
            LintCaseLine => ("tapaus: {0} → {1}", "fall: {0} → {1}", "case: {0} → {1}"),
            AndMore => ("… ja {0} muuta", "… och {0} till", "… and {0} more"),
            LintSummary => ("yhteenveto {0}: {1} tapausta{2}: {3}; yhteystavat: {4}; etä {5} %; oletustulos {6}", "sammanfattning {0}: {1} fall{2}: {3}; kontaktsätt: {4}; distans {5} %; standardutfall {6}", "summary {0}: {1} cases{2}: {3}; modes: {4}; remote {5}%; fallback {6}"),
            OneError => ("1 virhe", "1 fel", "1 error"),
            NErrors => ("{0} virhettä", "{0} fel", "{0} errors"),
            OneWarning => ("1 varoitus", "1 varning", "1 warning"),
            NWarnings => ("{0} varoitusta", "{0} varningar", "{0} warnings"),
            LintTotals => ("lint: {0}, {1}, {2} sallittu", "lint: {0}, {1}, {2} tillåtna", "lint: {0}, {1}, {2} allowed"),

            // Diff: two guidance versions compared, as text
            WordGuidance => ("ohje", "anvisning", "guidance"),
            WordRedFlag => ("hälytysmerkki", "varningstecken", "red flag"),
            DiffAdded => ("lisätty {0} `{1}`{2}", "tillagd {0} `{1}`{2}", "added {0} `{1}`{2}"),
            DiffRemoved => ("poistettu {0} `{1}`{2}", "borttagen {0} `{1}`{2}", "removed {0} `{1}`{2}"),
            DiffChanged => ("muutettu {0} `{1}`{2}", "ändrad {0} `{1}`{2}", "changed {0} `{1}`{2}"),
            DiffNone => ("(ei mitään)", "(inget)", "(none)"),
            DiffOneCase => ("1 tapaus", "1 fall", "1 case"),
            DiffNCases => ("{0} tapausta", "{0} fall", "{0} cases"),
            DiffOneItem => ("1 kohta muuttunut", "1 post ändrad", "1 item changed"),
            DiffNItems => ("{0} kohtaa muuttunut", "{0} poster ändrade", "{0} items changed"),
            DiffSampled => ("; otos: {0}", "; urval: {0}", "; sampled: {0}"),
            DiffSampledMany => ("; otos: {0}, … ({1} yhteydenoton syytä)", "; urval: {0}, … ({1} kontaktorsaker)", "; sampled: {0}, … ({1} reasons)"),
            DiffTotals => ("diff: {0}, {1} muuttuu (vertailtu {2}; {3} ei voitu verrata{4})", "diff: {0}, {1} ändras (av {2} jämförda; {3} kunde inte jämföras{4})", "diff: {0}, {1} change (of {2} compared; {3} could not be compared{4})"),

            // The CLI's own lines
            CliTrainingErrors => ("{0} harjoitustapauksissa", "{0} i övningsfallen", "{0} in training cases"),
            CliOneTrainingCase => (", 1 harjoitustapaus", ", 1 övningsfall", ", 1 training case"),
            CliTrainingCases => (", {0} harjoitustapausta", ", {0} övningsfall", ", {0} training cases"),
            CliCheckOk => ("ok: {0} {1} ({2}): {3} hälytysmerkkiä, {4} yhteydenoton syytä, {5} kysymystä, {6} sääntöä, {7} skenaariota{8}", "ok: {0} {1} ({2}): {3} varningstecken, {4} kontaktorsaker, {5} frågor, {6} regler, {7} scenarier{8}", "ok: {0} {1} ({2}): {3} red flags, {4} reasons, {5} questions, {6} rules, {7} scenarios{8}"),
            CliNoScenarios => ("ei skenaarioita kansiossa {0}", "inga scenarier i {0}", "no scenarios in {0}"),
            CliMismatch => ("EPÄONNISTUI {0}: {1}: {2}: odotettiin {3}, saatiin {4}", "MISSLYCKAT {0}: {1}: {2}: väntat {3}, fick {4}", "FAIL {0}: {1}: {2} expected {3}, got {4}"),
            CliTestTotals => ("{0} läpi, {1} epäonnistui", "{0} godkända, {1} misslyckade", "{0} passed, {1} failed"),
            CliNothingToPropose => ("ei ehdotettavaa: tiedostossa ei ole yhteydenoton syytä eikä täyttyvää hälytysmerkkiä", "inget att föreslå: filen nämner ingen kontaktorsak och träffar inget varningstecken", "nothing to propose: the file names no reason for contact and hits no red flag"),
        }
    };
}
