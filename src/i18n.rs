//! The application's own words in Finnish, Swedish and English.
//!
//! Guidance texts come from the guidance files; everything else the app says is here, as one
//! enum, so that a missing translation is a compile error rather than an English word in a
//! Finnish record.

use crate::text::Language;

macro_rules! messages {
    ($($name:ident => ($fi:expr, $sv:expr, $en:expr)),* $(,)?) => {
        /// A word or phrase of the app.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn get(self, lang: Language) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Language::Fi) => $fi,
                      (Msg::$name, Language::Sv) => $sv,
                      (Msg::$name, Language::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    Yes => ("Kyllä", "Ja", "Yes"),
    No => ("Ei", "Nej", "No"),
    CannotSay => ("Ei osaa sanoa", "Kan inte säga", "Cannot say"),
    Remote => ("etä", "distans", "remote"),
    InPerson => ("lähi", "närkontakt", "in person"),
    ContactBy => ("Yhteys viimeistään", "Kontakt senast", "Contact by"),
    ContactOn => ("Yhteys", "Kontakt", "Contact on"),
    Earliest => ("aikaisintaan", "tidigast", "earliest"),
    Timeframe => ("Kiireellisyys", "Brådskandegrad", "Timeframe"),
    ContactMode => ("Yhteystapa", "Kontaktsätt", "Contact mode"),
    Professional => ("Ammattilainen", "Yrkesperson", "Professional"),
    Advice => ("Ohjeet soittajalle", "Råd till den som ringer", "Advice to the caller"),
    Worsening => ("Jos oireet pahenevat", "Om symtomen förvärras", "If symptoms worsen"),
    Why => ("Perustelu", "Motivering", "Why"),
    DecidedBy => ("Ratkaiseva sääntö", "Avgörande regel", "Deciding rule"),
    Because => ("Vastaukset", "Svar", "Answers"),
    AlsoMatched => ("Myös täyttyneet", "Även uppfyllda", "Also matched"),
    NoRuleMatched => ("Mikään sääntö ei täyttynyt: oletusohje", "Ingen regel uppfylldes: standardanvisning", "No rule matched: fallback"),
    Guidance => ("HTA-ohje", "VBB-anvisning", "Guidance"),
    Version => ("versio", "version", "version"),
    Alternatives => ("vaihtoehdot", "alternativ", "alternatives"),
    QuestionsLeft => ("kysymystä jäljellä", "frågor kvar", "questions left"),
    RedFlagsUnanswered => ("hälytysmerkkiä kysymättä", "varningstecken ofrågade", "red flags unanswered"),
    RecordTitle => ("Hoidon tarpeen arviointi (HTA)", "Vårdbehovsbedömning", "Assessment of care need (HTA)"),
    RecordTime => ("Aika", "Tid", "Time"),
    RecordCallLength => ("puhelun kesto", "samtalets längd", "call length"),
    RecordAssessor => ("Arvioija", "Bedömare", "Assessed by"),
    RecordContact => ("Yhteydenotto", "Kontakt", "Contact"),
    RecordReasons => ("Yhteydenoton syy", "Kontaktorsak", "Reason for contact"),
    RecordRedFlags => ("Hälytysmerkit", "Varningstecken", "Red-flag screen"),
    RecordRedFlagsNegative => ("ei hälytysmerkkejä", "inga varningstecken", "negative"),
    RecordRedFlagsPositive => ("POSITIIVINEN", "POSITIV", "POSITIVE"),
    RecordRedFlagsIncomplete => ("kesken, kysymättä", "ofullständig, ofrågade", "incomplete, not asked"),
    RecordFindings => ("Löydökset ja esitiedot", "Fynd och anamnes", "Findings"),
    RecordNegatives => ("Olennaiset kielteiset", "Relevanta negativa", "Relevant negatives"),
    RecordProposal => ("Ehdotus", "Förslag", "Proposal"),
    RecordDecision => ("Päätös", "Beslut", "Decision"),
    RecordAccepted => ("ehdotuksen mukaan", "enligt förslaget", "as proposed"),
    RecordOverridden => ("POIKKEAA EHDOTUKSESTA", "AVVIKER FRÅN FÖRSLAGET", "OVERRIDDEN"),
    RecordLowersUrgency => ("kiireellisyys alempi kuin ehdotus", "lägre brådska än förslaget", "lowers urgency"),
    RecordOverrideReason => ("Perustelu", "Motivering", "Reason"),
    RecordAdviceGiven => ("Annetut ohjeet", "Givna råd", "Advice given"),
    RecordNotes => ("Lisätiedot", "Anteckningar", "Notes"),
    RecordNoDecision => ("ei vielä tehty", "inte ännu fattat", "not yet made"),
    CallerClient => ("asiakas itse", "klienten själv", "the client"),
    CallerOnBehalf => ("omainen tai muu asiakkaan puolesta", "anhörig eller annan för klientens räkning", "someone on the client's behalf"),
    CallerNotChosen => ("ei valittu", "inte vald", "not chosen"),
    CallerParent => ("vanhempi", "förälder", "a parent"),
    CallerRelative => ("omainen", "anhörig", "a relative"),
    CallerProfessional => ("ammattilainen", "yrkesperson", "a professional"),
    ChooseCallerFirst => ("Valitse ensin soittaja (F2)", "Välj först vem som ringer (F2)", "Choose who called first (F2)"),
    ActionTold112 => ("ohjattu soittamaan 112", "uppmanad att ringa 112", "told the caller to call 112"),
    ActionTransferred => ("puhelu siirretty hätäkeskukseen", "samtalet kopplat till nödcentralen", "call transferred to the emergency centre"),
    ActionAmbulance => ("ambulanssi tilattu", "ambulans beställd", "ambulance ordered"),
    RecordActionTaken => ("Toimenpide", "Åtgärd", "Action taken"),
    ChooseActionFirst => ("Valitse ensin tehty toimenpide (F5/F6/F7)", "Välj först åtgärden (F5/F6/F7)", "Choose the action taken first (F5/F6/F7)"),
    TypeUnitKey => ("Kirjoita luku ja yksikön kirjain: {0}", "Skriv talet och enhetens bokstav: {0}", "Type the number and the unit's key: {0}"),
    TypedWhole => ("{0}: kirjoita kokonaisluku", "{0}: skriv ett heltal", "{0}: type a whole number"),
    QuantityKeysHint => ("luku + {0}", "tal + {0}", "number + {0}"),
    FreeTextHint => ("kirjoita · Enter valmis", "skriv · Enter klar", "type · Enter done"),
    RecordOnset => ("alkanut", "började", "since"),
    RecordSymptoms => ("Oireet", "Symtom", "Symptoms"),
    RecordRiskFactors => ("Riskitekijät", "Riskfaktorer", "Risk factors"),
    RecordRoute => ("Kiireellisyys ja ohjaus", "Brådska och hänvisning", "Urgency and route"),
    RecordBasics => ("Perustiedot", "Grunduppgifter", "Patient"),
    CliStillToAsk => ("Vielä kysyttävät", "Att fråga ännu", "Still to ask"),
    CliRedFlagsNotAsked => ("{0} hälytysmerkkiä kysymättä: ehdotusta ei tehdä ennen kuin ne on kysytty (kysymätön ei ole \"ei\")", "{0} varningstecken ofrågade: inget förslag innan de har frågats (ofrågat är inte \"nej\")", "{0} red flags not asked: no proposal until they are asked (not asked is not \"no\")"),
    ChannelPhone => ("puhelimitse", "per telefon", "by phone"),
    ChannelCallback => ("takaisinsoittona", "som återuppringning", "by callback"),
    ChannelChat => ("chatissa", "i chatten", "by chat"),
    ChannelWalkIn => ("paikan päällä", "på plats", "in person at the station"),
    Minutes => ("min", "min", "min"),
    // The calendar: holidays and weekdays.
    HolidayNewYearsDay => ("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day"),
    HolidayEpiphany => ("Loppiainen", "Trettondagen", "Epiphany"),
    HolidayGoodFriday => ("Pitkäperjantai", "Långfredagen", "Good Friday"),
    HolidayEasterSunday => ("Pääsiäispäivä", "Påskdagen", "Easter Sunday"),
    HolidayEasterMonday => ("2. pääsiäispäivä", "Annandag påsk", "Easter Monday"),
    HolidayMayDay => ("Vappu", "Första maj", "May Day"),
    HolidayAscensionDay => ("Helatorstai", "Kristi himmelsfärdsdag", "Ascension Day"),
    HolidayPentecost => ("Helluntaipäivä", "Pingstdagen", "Pentecost"),
    HolidayMidsummerEve => ("Juhannusaatto", "Midsommarafton", "Midsummer Eve"),
    HolidayMidsummerDay => ("Juhannuspäivä", "Midsommardagen", "Midsummer Day"),
    HolidayAllSaintsDay => ("Pyhäinpäivä", "Alla helgons dag", "All Saints' Day"),
    HolidayIndependenceDay => ("Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day"),
    HolidayChristmasEve => ("Jouluaatto", "Julafton", "Christmas Eve"),
    HolidayChristmasDay => ("Joulupäivä", "Juldagen", "Christmas Day"),
    HolidayBoxingDay => ("Tapaninpäivä", "Annandag jul", "Boxing Day"),
    WeekdayMon => ("ma", "mån", "Mon"),
    WeekdayTue => ("ti", "tis", "Tue"),
    WeekdayWed => ("ke", "ons", "Wed"),
    WeekdayThu => ("to", "tor", "Thu"),
    WeekdayFri => ("pe", "fre", "Fri"),
    WeekdaySat => ("la", "lör", "Sat"),
    WeekdaySun => ("su", "sön", "Sun"),
    AppName => ("Arvio – hoidon tarpeen arviointi", "Arvio – vårdbehovsbedömning", "Arvio – assessment of care need"),
    NewCall => ("Uusi arvio", "Ny bedömning", "New assessment"),
    StartHint => ("Aloita uusi arvio painamalla Ctrl+N.", "Börja en ny bedömning med Ctrl+N.", "Press Ctrl+N to start a new assessment."),
    Help => ("Ohje", "Hjälp", "Help"),
    SettingsTitle => ("Asetukset", "Inställningar", "Settings"),
    Close => ("Sulje", "Stäng", "Close"),
    CallTime => ("Puhelu", "Samtal", "Call"),
    Assessor => ("Arvioija", "Bedömare", "Assessor"),
    NotSet => ("ei asetettu", "inte angiven", "not set"),
    CallerLabel => ("Soittaja", "Uppringare", "Caller"),
    ChannelLabel => ("Kanava", "Kanal", "Channel"),
    SearchReason => ("Yhteydenoton syy (hae)", "Kontaktorsak (sök)", "Reason for contact (search)"),
    SearchHint => ("kirjoita oire tai asia · Enter lisää · ↑↓ valitsee · Tab kysymyksiin", "skriv symtom eller ärende · Enter lägger till · ↑↓ väljer · Tab till frågorna", "type a symptom or matter · Enter adds · ↑↓ choose · Tab to the questions"),
    NoMatch => ("Ei osumia", "Inga träffar", "No match"),
    RemoveReason => ("Poista", "Ta bort", "Remove"),
    BasicsTitle => ("Potilaan perustiedot", "Patientens grunduppgifter", "Patient basics"),
    RedFlagsTitle => ("1. Hälytysmerkit – kysy ensin", "1. Varningstecken – fråga först", "1. Red flags – ask first"),
    RiskFactorsTitle => ("2. Riskitekijät", "2. Riskfaktorer", "2. Risk factors"),
    QuestionsTitle => ("3. Kysymykset", "3. Frågor", "3. Questions"),
    NoReasonYet => ("Lisää yhteydenoton syy hakukentästä (Ctrl+F).", "Lägg till en kontaktorsak i sökfältet (Ctrl+F).", "Add a reason for contact in the search box (Ctrl+F)."),
    ProposalTitle => ("Ehdotus", "Förslag", "Proposal"),
    Provisional => ("ALUSTAVA", "PRELIMINÄR", "PROVISIONAL"),
    Ready => ("valmis päätettäväksi", "klar att besluta", "ready to decide"),
    Accept => ("Hyväksy", "Godkänn", "Accept"),
    Override => ("Muuta", "Ändra", "Override"),
    OverrideTitle => ("Poikkea ehdotuksesta", "Avvik från förslaget", "Override the proposal"),
    OverrideCategory => ("Syy", "Orsak", "Reason"),
    OverrideText => ("Perustelu (pakollinen)", "Motivering (obligatorisk)", "Explanation (required)"),
    Save => ("Tallenna", "Spara", "Save"),
    Cancel => ("Peruuta", "Avbryt", "Cancel"),
    LowersUrgencyWarning => ("! Muutos laskee kiireellisyyttä", "! Ändringen sänker brådskan", "! This lowers the urgency"),
    Decided => ("Päätetty", "Beslutat", "Decided"),
    RecordUi => ("Kirjaus potilaskertomukseen", "Anteckning i journalen", "Record text"),
    CopyRecord => ("Kopioi kirjaus", "Kopiera anteckningen", "Copy record"),
    Copied => ("Kirjaus kopioitu leikepöydälle", "Anteckningen kopierad", "Record copied to the clipboard"),
    Finish => ("Päätä puhelu", "Avsluta samtalet", "Finish call"),
    DecideFirst => ("Hyväksy tai muuta ehdotus ennen puhelun päättämistä.", "Godkänn eller ändra förslaget innan samtalet avslutas.", "Accept or override the proposal before finishing the call."),
    CallFinished => ("Puhelu päätetty. Ctrl+N aloittaa uuden.", "Samtalet avslutat. Ctrl+N börjar ett nytt.", "Call finished. Ctrl+N starts a new one."),
    Notes => ("Omat muistiinpanot (kirjaukseen)", "Egna anteckningar (till journalen)", "Notes (go into the record)"),
    EmergencyTitle => ("HÄTÄTILANNE", "NÖDSITUATION", "EMERGENCY"),
    OnCallTitle => ("PÄIVYSTYKSEEN NYT", "TILL JOUREN NU", "ON-CALL CARE NOW"),
    GiveInstruction => ("Anna soittajalle ohje:", "Ge den som ringer anvisningen:", "Give the caller this instruction:"),
    UndoAnswer => ("Vastaus oli virhe – takaisin (Alt+←)", "Svaret var fel – tillbaka (Alt+←)", "Answered by mistake – back (Alt+←)"),
    NoGuidance => ("HTA-ohjetta ei voi käyttää: arviointi estetty, kunnes virheet on korjattu.", "VBB-anvisningen kan inte användas: bedömning spärrad tills felen är rättade.", "The guidance cannot be used: triage is blocked until its errors are fixed."),
    LastGoodInUse => ("Ohjeen muutos on virheellinen – käytössä edelleen viimeisin toimiva versio.", "Ändringen av anvisningen är felaktig – den senaste fungerande versionen används.", "The changed guidance has errors – the last good version stays in use."),
    RestoreOffer => ("Keskeneräinen arvio löytyi, aloitettu", "En oavslutad bedömning hittades, påbörjad", "An unfinished assessment was found, started"),
    Restore => ("Palauta", "Återställ", "Restore"),
    Discard => ("Hylkää", "Kasta", "Discard"),
    RestoredOtherGuidance => ("Palautettu toisen ohjeversion arvio; tarkista vastaukset. Pois jätetty:", "Återställd från en annan version av anvisningen; kontrollera svaren. Utelämnat:", "Restored from another guidance version; check the answers. Left out:"),
    AutosaveFreeText => ("Tallenna myös vapaa teksti keskeneräiseen arvioon", "Spara även fritext i den pågående bedömningen", "Also keep free text in the autosaved call"),
    AutosaveFreeTextHelp => ("Pois päältä (oletus): muistiinpanot, poikkeaman perustelu ja vapaat vastaukset ovat vain muistissa, eivät levyllä – kaatuminen hävittää ne. Päällä: ne tallentuvat yksityiseen tiedostoon (0600), joka poistetaan puhelun päättyessä.", "Av (standard): anteckningar, motivering till avvikelse och fria svar finns bara i minnet, inte på disken – en krasch förlorar dem. På: de sparas i en privat fil (0600) som tas bort när samtalet avslutas.", "Off (the default): the notes, the override explanation and free-text answers stay in memory only, never on disk – a crash loses them. On: they are written to a private file (0600) that is removed when the call ends."),
    AutosaveFailed => ("Automaattinen tallennus epäonnistui", "Automatisk sparning misslyckades", "Autosave failed"),
    NumberRange => ("Anna luku väliltä", "Ange ett tal mellan", "Enter a number between"),
    OverrideNeedsReason => ("Muutos vaatii syyn ja perustelun.", "Ändringen kräver orsak och motivering.", "An override needs a reason and an explanation."),
    OverrideNothingChanged => ("Muuta kiireellisyyttä, yhteystapaa tai ammattilaista.", "Ändra brådska, kontaktsätt eller yrkesperson.", "Change the timeframe, contact mode or professional."),
    NoProposalYet => ("Ehdotusta ei vielä ole.", "Inget förslag ännu.", "There is no proposal yet."),
    AnswerRedFlagsFirst => ("Vastaa ensin kaikkiin hälytysmerkkeihin.", "Svara först på alla varningstecken.", "Answer every red flag first."),
    AnswerAllFirst => ("Vastaa ensin kaikkiin kysymyksiin (myös \"ei osaa sanoa\" käy).", "Svara först på alla frågor (även \"kan inte säga\" går).", "Answer every question first (\"cannot say\" counts)."),
    ConfirmDiscard => ("Keskeneräinen arvio hylätään, jos aloitat uuden.", "Den pågående bedömningen kastas om du börjar en ny.", "Starting a new assessment discards the one in progress."),
    KeepCall => ("Jatka nykyistä", "Fortsätt med den nuvarande", "Keep the current one"),
    CallOnVersion => ("Tämä puhelu käyttää ohjeversiota", "Detta samtal använder versionen", "This call uses guidance version"),
    ModeNurse => ("Arviointi", "Bedömning", "Triage"),
    ModeAuthor => ("Ohjeen laatija", "Anvisningsförfattare", "Author"),
    AuthorTitle => ("Ohjeen työpöytä", "Anvisningens arbetsbord", "Guidance workbench"),
    GuidanceFolder => ("Ohjekansio", "Anvisningsmapp", "Guidance folder"),
    OpenFolder => ("Avaa kansio", "Öppna mapp", "Open folder"),
    Recent => ("Viimeksi avatut:", "Senast öppnade:", "Recent:"),
    InUse => ("Käytössä", "I bruk", "In use"),
    ReasonsCount => ("syytä", "orsaker", "reasons"),
    NoErrors => ("Ohjeessa ei virheitä", "Inga fel i anvisningen", "No errors in the guidance"),
    Scenarios => ("Skenaariot", "Scenarier", "Scenarios"),
    Passed => ("läpi", "godkända", "passed"),
    Failed => ("epäonnistui", "misslyckade", "failed"),
    Status => ("Tila", "Status", "Status"),
    ScenarioName => ("Nimi", "Namn", "Name"),
    ExpectedActual => ("Odotettu → todellinen", "Förväntat → faktiskt", "Expected → actual"),
    OpenInFlow => ("Avaa", "Öppna", "Open"),
    SaveAsScenario => ("Tallenna arvio skenaarioksi", "Spara bedömningen som scenario", "Save the assessment as a scenario"),
    SaveAsScenarioHint => ("Tee arvio (Alt+1), niin voit tallentaa sen tuloksen odotetuksi.", "Gör en bedömning (Alt+1) för att spara dess resultat som förväntat.", "Make an assessment (Alt+1) to save its outcome as the expected one."),
    SavedTo => ("Tallennettu:", "Sparat:", "Saved:"),
    ModeTrainer => ("Kouluttaja", "Utbildare", "Trainer"),
    TrainerCases => ("Harjoitustapaukset", "Övningsfall", "Practice cases"),
    TrainerMap => ("Ohjekartta", "Anvisningskarta", "Guidance map"),
    TrainerReplay => ("Vaiheittainen toisto", "Steg för steg", "Step replay"),
    Presentation => ("Esitystila", "Presentationsläge", "Presentation mode"),
    TrainerHint => ("Valitse tapaus (↑↓) ja aloita harjoitus (Enter). Vastaukset paljastuvat vasta kun kysyt.", "Välj fall (↑↓) och börja öva (Enter). Svaren syns först när du frågar.", "Pick a case (↑↓) and start practising (Enter). Answers appear only when you ask."),
    StartPractice => ("Aloita harjoitus", "Börja öva", "Start practice"),
    Session => ("Harjoituskerta", "Övningspass", "Session"),
    Average => ("keskiarvo", "medelvärde", "average"),
    SaveSummary => ("Tallenna yhteenveto", "Spara sammanfattningen", "Save the summary"),
    Feedback => ("Palaute", "Återkoppling", "Feedback"),
    UnderTriaged => ("HÄTÄTILANNE ALITRIAGOITU", "NÖDSITUATION UNDERTRIAGERAD", "EMERGENCY UNDER-TRIAGED"),
    YourOutcome => ("Sinun päätöksesi", "Ditt beslut", "Your decision"),
    ExpectedOutcome => ("Ohjeen mukainen", "Enligt anvisningen", "Expected"),
    RedFlagsNotScreened => ("Kysymättä jääneet hälytysmerkit", "Ofrågade varningstecken", "Red flags not screened"),
    QuestionsSkipped => ("Ohitetut tarpeelliset kysymykset", "Överhoppade nödvändiga frågor", "Questions skipped that the guidance needed"),
    ReasonsMissed => ("Löytämättä jääneet syyt", "Orsaker som inte hittades", "Reasons missed"),
    TimeUsed => ("Aikaa käytetty", "Tid använd", "Time used"),
    Seconds => ("s", "s", "s"),
    TeachingPoints => ("Opetuspisteet", "Lärpunkter", "Teaching points"),
    MapOf => ("Kartta:", "Karta:", "Map of:"),
    MapLegend => ("Kysymykset → säännöt → tulos. ▶ = nykyinen polku, + = täyttynyt sääntö.", "Frågor → regler → utfall. ▶ = aktuell väg, + = uppfylld regel.", "Questions → rules → outcome. ▶ = current path, + = matched rule."),
    ReplayHint => ("Valitse tapaus harjoitustapauksista ja paina R.", "Välj ett fall bland övningsfallen och tryck R.", "Pick a case under practice cases and press R."),
    StepBack => ("Edellinen", "Föregående", "Back"),
    StepForward => ("Seuraava", "Nästa", "Next"),
    LastAnswer => ("Viimeisin vastaus", "Senaste svaret", "Last answer"),
    ProposalChanged => ("Ehdotus muuttui", "Förslaget ändrades", "The proposal changed"),
    ProposalUnchanged => ("Ehdotus ennallaan", "Förslaget oförändrat", "The proposal stays"),
    Practice => ("HARJOITUS", "ÖVNING", "PRACTICE"),
    CallerSays => ("Soittaja", "Den som ringer", "Caller"),
    PracticeHint => ("Kysy jokainen kysymys (välilyönti tai vastausnäppäin) – soittajan vastaus näkyy vasta silloin.", "Ställ varje fråga (mellanslag eller svarstangent) – svaret syns först då.", "Ask each question (Space or an answer key) – the caller's answer appears only then."),
    AskCaller => ("Kysy soittajalta", "Fråga den som ringer", "Ask the caller"),
    SpaceKey => ("välilyönti", "mellanslag", "Space"),
    ModeStatistics => ("Tilastot", "Statistik", "Statistics"),
    StatisticsTitle => ("Arviointien tilastot (anonyymi loki)", "Statistik över bedömningar (anonym logg)", "Assessment statistics (anonymous log)"),
    From => ("Alkaen", "Från", "From"),
    To => ("Päättyen", "Till", "To"),
    Refresh => ("Päivitä", "Uppdatera", "Refresh"),
    ExportCsv => ("Vie CSV", "Exportera CSV", "Export CSV"),
    LogFolder => ("Lokikansio", "Loggmapp", "Log folder"),
    NoLog => ("Lokia ei ole käytössä.", "Loggen används inte.", "The log is off."),
    LogFailed => ("Arviota ei voitu kirjata lokiin, puhelu jää auki", "Bedömningen kunde inte loggas, samtalet förblir öppet", "The assessment could not be logged; the call stays open"),
    Assessments => ("Arvioita", "Bedömningar", "Assessments"),
    Target => ("tavoite", "mål", "target"),
    RemoteProposed => ("Etäyhteys ehdotettu", "Distanskontakt föreslagen", "Remote proposed"),
    RemoteChosen => ("Etäyhteys valittu", "Distanskontakt vald", "Remote chosen"),
    Within3 => ("Hoidettu 1–3 vrk:n sisällä", "Inom 1–3 dygn", "Handled within 1–3 days"),
    Within7 => ("Hoidettu 1–7 vrk:n sisällä", "Inom 1–7 dygn", "Handled within 1–7 days"),
    Overridden => ("Ehdotuksesta poikettu", "Avvikit från förslaget", "Overridden"),
    OverridesByRule => ("Poikkeamat säännöittäin (useimmin ensin)", "Avvikelser per regel (flest först)", "Overrides per rule (most first)"),
    LogLocation => ("Lokikansio (tyhjä = oletuskansio)", "Loggmapp (tom = standardmappen)", "Log folder (empty = the default folder)"),
    FinishCallFirst => ("Päätä tai hylkää käynnissä oleva arvio ennen harjoitusta.", "Avsluta eller kasta den pågående bedömningen före övningen.", "Finish or discard the assessment in progress before practising."),
    Analysis => ("Analyysi", "Analys", "Analysis"),
    RunAnalysis => ("Analysoi", "Analysera", "Analyse"),
    AnalysisHint => ("Kattavuus, varjostetut ja saavuttamattomat säännöt, aukot ja päällekkäisyydet.", "Täckning, skuggade och onåbara regler, luckor och överlapp.", "Coverage, shadowed and unreachable rules, gaps and overlaps."),
    Errors => ("virhettä", "fel", "errors"),
    Warnings => ("varoitusta", "varningar", "warnings"),
    Allowed => ("hyväksytty", "godkända", "allowed"),
    Cases => ("Tapauksia", "Fall", "Cases"),
    RemoteShare => ("Etäosuus", "Distansandel", "Remote share"),
    CompareVersions => ("Vertaa versioita", "Jämför versioner", "Compare versions"),
    Baseline => ("Vertailukohta (kansio)", "Jämförelse (mapp)", "Baseline (folder)"),
    PickBaseline => ("Valitse vertailukansio", "Välj jämförelsemapp", "Pick a baseline folder"),
    ShowAll => ("Näytä kaikki (Shift+Tab)", "Visa alla (Shift+Tab)", "Show all (Shift+Tab)"),
    Language => ("Käyttökieli", "Språk", "Interface language"),
    RecordLanguage => ("Kirjauksen kieli", "Journalens språk", "Record language"),
    AssessorName => ("Nimi", "Namn", "Name"),
    AssessorTitle => ("Ammattinimike", "Yrkesbeteckning", "Title"),
    Dark => ("Tumma teema", "Mörkt tema", "Dark theme"),
    GuidanceErrorsTitle => ("Ohjeen virheet", "Fel i anvisningen", "Guidance errors"),
    Shortcuts => ("Pikanäppäimet", "Kortkommandon", "Keyboard shortcuts"),
    KeyAnswer => ("vastaa kyllä / ei / ei osaa sanoa", "svara ja / nej / kan inte säga", "answer yes / no / cannot say"),
    KeyOptions => ("valitse vaihtoehto", "välj alternativ", "pick an option"),
    KeyNext => ("seuraava kysymys", "nästa fråga", "next question"),
    KeyBack => ("edellinen kysymys", "föregående fråga", "previous question"),
    KeySearch => ("hae syytä", "sök orsak", "search a reason"),
    KeyCaller => ("vaihda soittaja / kanava", "byt uppringare / kanal", "change caller / channel"),
    KeyZoom => ("suurenna / pienennä", "förstora / förminska", "zoom in / out"),
    NoteLabel => ("Ohje hoitajalle", "Anvisning", "Note"),
    Unanswered => ("vastaamatta", "obesvarad", "unanswered"),
    OutsideCareGuarantee => ("hoitotakuun ulkopuolinen", "utanför vårdgarantin", "outside the care guarantee"),

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
    // Loading a guidance: the folder, the files, RON syntax
    LoadCannotReadFolder => ("ohjekansiota ei voi lukea: {0}", "anvisningsmappen kan inte läsas: {0}", "cannot read the guidance folder: {0}"),
    LoadNotPartOfGuidance => ("`{0}` ei kuulu ohjeeseen: asetukset kuuluvat tiedostoon {1}, yhteiset kysymykset kansioon {3}/, yhteydenoton syyt kansioon {2}/", "`{0}` hör inte till anvisningen: inställningarna hör hemma i {1}, gemensamma frågor i {3}/, kontaktorsakerna i {2}/", "`{0}` is not part of the guidance: settings go in {1}, shared questions in {3}/, reasons in {2}/"),
    LoadNeedsSettings => ("ohjekansiossa on oltava {0}", "en anvisningsmapp behöver en {0}", "a guidance folder needs a {0}"),
    LoadTooLarge => ("tiedosto on {0} tavua; ohjetiedosto saa olla enintään {1}", "filen är {0} byte; anvisningsfiler får vara högst {1}", "the file is {0} bytes; guidance files may be at most {1}"),
    LoadNotRegular => ("ei tavallinen tiedosto (kansiota, putkea, laitetta tai sokettia ei koskaan lueta)", "inte en vanlig fil (en mapp, pipe, enhet eller socket läses aldrig)", "not a regular file (a folder, pipe, device or socket is never read)"),
    LoadCannotReadFile => ("tiedostoa ei voi lukea: {0}", "filen kan inte läsas: {0}", "cannot read the file: {0}"),
    LoadCannotListFolder => ("kansion sisältöä ei voi lukea: {0}", "mappens innehåll kan inte läsas: {0}", "cannot list the folder: {0}"),
    LoadLinkOutside => ("symbolinen linkki ohjekansion ulkopuolelle: vain kansion sisällä oleviin tavallisiin tiedostoihin vieviä linkkejä seurataan (kohdetta ei lueta)", "en symbolisk länk till något utanför anvisningsmappen: bara länkar till vanliga filer i mappen följs (målet läses inte)", "a symbolic link to somewhere outside the guidance folder: only links to regular files inside it are followed (the target is not read)"),
    LoadChangedWhileLoading => ("ohje muuttui latauksen aikana ({0} yritystä); lataa se uudelleen, kun kopiointi on valmis", "anvisningen ändrades medan den lästes in ({0} försök); läs in den igen när kopieringen är klar", "the guidance changed while loading ({0} tries); load it again when the copying has finished"),
    LoadNotUtf8 => ("tiedosto ei ole UTF-8-tekstiä", "filen är inte UTF-8-text", "the file is not UTF-8 text"),
    RonUnknownField => ("tuntematon kenttä `{0}`; odotettiin jotakin näistä: {1}", "okänt fält `{0}`; väntade ett av: {1}", "unknown field `{0}`; expected one of: {1}"),
    RonMissingFieldOf => ("kohdasta `{0}` puuttuu kenttä `{1}`", "`{0}` saknar fältet `{1}`", "`{0}` is missing its field `{1}`"),
    RonMissingField => ("kenttä `{0}` puuttuu", "fältet `{0}` saknas", "missing field `{0}`"),
    RonDuplicateField => ("kenttä `{0}` on annettu kahdesti", "fältet `{0}` anges två gånger", "field `{0}` is given twice"),
    RonUnknownVariant => ("tuntematon vaihtoehto `{0}`; odotettiin jotakin näistä: {1}", "okänd variant `{0}`; väntade en av: {1}", "unknown variant `{0}`; expected one of: {1}"),
    RonTooDeep => ("tiedosto on sisäkkäinen syvemmälle kuin ohjeen sallitut {0} tasoa (jokainen ehto kuten `Not(…)` vie kaksi)", "filen är nästlad djupare än de {0} nivåer en anvisning får använda (varje villkor som `Not(…)` tar två)", "the file nests deeper than the {0} levels a guidance may use (each condition such as `Not(…)` takes two)"),
    RonWrongStructName => ("tässä odotettiin `{0}(...)`, löytyi `{1}(...)`", "här väntades `{0}(...)`, hittade `{1}(...)`", "expected a `{0}(...)` here, found `{1}(...)`"),
    RonSyntax => ("RON-syntaksi: {0}", "RON-syntax: {0}", "{0}"),

    // Guidance validation: what ids name
    WordTimeframe => ("kiireellisyysluokka", "brådskegrad", "timeframe"),
    WordContactMode => ("yhteystapa", "kontaktsätt", "contact mode"),
    WordProfessional => ("ammattilainen", "yrkesperson", "professional"),
    WordOverrideReason => ("poikkeamisen syy", "avvikelseorsak", "override reason"),
    WordOption => ("vaihtoehto", "alternativ", "option"),
    WordReason => ("yhteydenoton syy", "kontaktorsak", "reason"),
    WordQuestion => ("kysymys", "fråga", "question"),
    WordRule => ("sääntö", "regel", "rule"),
    LabelOfTimeframe => ("kiireellisyysluokan `{0}` nimi", "namnet på brådskegraden `{0}`", "the label of timeframe `{0}`"),
    LabelOfContactMode => ("yhteystavan `{0}` nimi", "namnet på kontaktsättet `{0}`", "the label of contact mode `{0}`"),
    LabelOfProfessional => ("ammattilaisen `{0}` nimi", "namnet på yrkespersonen `{0}`", "the label of professional `{0}`"),
    LabelOfOverrideReason => ("poikkeamisen syyn `{0}` nimi", "namnet på avvikelseorsaken `{0}`", "the label of override reason `{0}`"),
    LabelOfOption => ("vaihtoehdon `{0}` nimi", "namnet på alternativet `{0}`", "the label of option `{0}`"),
    LabelOfReason => ("yhteydenoton syyn `{0}` nimi", "namnet på kontaktorsaken `{0}`", "the label of reason `{0}`"),
    TextOfQuestion => ("kysymyksen `{0}` teksti", "texten till frågan `{0}`", "the text of question `{0}`"),
    NoteOfQuestion => ("kysymyksen `{0}` huomautus", "anmärkningen till frågan `{0}`", "the note of question `{0}`"),
    UnitOfQuestion => ("kysymyksen `{0}` yksikkö", "enheten för frågan `{0}`", "the unit of question `{0}`"),
    DescriptionOfRule => ("säännön `{0}` kuvaus", "beskrivningen av regeln `{0}`", "the description of rule `{0}`"),
    TheGuidanceName => ("ohjeen nimi", "anvisningens namn", "the guidance name"),
    TheDisclaimer => ("vastuuvapauslauseke", "ansvarsfriskrivningen", "the disclaimer"),
    TheAdvice => ("ohjeet soittajalle", "råden till den som ringer", "the advice"),
    TheWorseningAdvice => ("ohjeet oireiden pahentuessa", "råden om symtomen förvärras", "the worsening advice"),
    // Guidance validation
    ValidateInvalidId => ("tunnisteen `{1}` ({0}) on alettava kirjaimella, ja siinä saa olla vain a–z, 0–9 ja _ (enintään 64 merkkiä)", "id `{1}` ({0}) måste börja med en bokstav och får bara innehålla a–z, 0–9 och _ (högst 64 tecken)", "{0} id `{1}` must start with a letter and use only a–z, 0–9 and _ (at most 64)"),
    ValidateDuplicateId => ("tunniste `{1}` ({0}) on jo käytössä (määritelty ensin kohdassa {2})", "id `{1}` ({0}) finns redan (först definierat vid {2})", "duplicate {0} id `{1}` (first defined at {2})"),
    ValidateRemoteTarget => ("remote_target_percent {0} ei ole välillä 0–100", "remote_target_percent {0} ligger inte mellan 0 och 100", "remote_target_percent {0} is not between 0 and 100"),
    ValidateEmptyVersion => ("ohjeen versio on tyhjä", "anvisningens version är tom", "the guidance version is empty"),
    ValidateLanguageTwice => ("kieli `{0}` on ilmoitettu kahdesti", "språket `{0}` anges två gånger", "language `{0}` is declared twice"),
    ValidateNoLanguages => ("ohjeessa ei ole ilmoitettu yhtään kieltä (esim. `languages: [fi, sv, en]`)", "anvisningen anger inga språk (t.ex. `languages: [fi, sv, en]`)", "the guidance declares no languages (expected e.g. `languages: [fi, sv, en]`)"),
    ValidateNotADate => ("`{0}` ei ole päivämäärä muodossa VVVV-KK-PP (YYYY-MM-DD)", "`{0}` är inte ett datum av formen ÅÅÅÅ-MM-DD (YYYY-MM-DD)", "`{0}` is not a date of the form YYYY-MM-DD"),
    TextEmptyIn => ("{0} on tyhjä kielellä `{1}`", "{0} är tom på `{1}`", "{0} is empty in `{1}`"),
    TextNoTranslation => ("{0}: käännös kielelle `{1}` puuttuu", "{0}: översättning till `{1}` saknas", "{0} has no `{1}` translation"),
    ValidateNoKeywordList => ("yhteydenoton syyn `{0}` hakusanoista puuttuu kielen `{1}` luettelo", "sökorden för kontaktorsaken `{0}` saknar en lista på `{1}`", "the keywords of reason `{0}` have no `{1}` list"),
    ValidateScheduledNeedsDays => ("ajanvarauksellinen kiireellisyysluokka `{0}` tarvitsee kentän `days: Some((min, max))`", "den schemalagda brådskegraden `{0}` behöver `days: Some((min, max))`", "scheduled timeframe `{0}` needs `days: Some((min, max))`"),
    ValidateDaysOrder => ("kiireellisyysluokan `{0}` päivät ovat ({1}, {2}): ensimmäinen ei saa olla suurempi kuin toinen", "brådskegraden `{0}` har dagarna ({1}, {2}): den första får inte vara större än den andra", "timeframe `{0}` has days ({1}, {2}): the first must not exceed the second"),
    ValidateDaysTooMany => ("kiireellisyysluokka `{0}` ulottuu {1} päivään; enintään 366 on sallittu", "brådskegraden `{0}` sträcker sig till {1} dagar; högst 366 är tillåtna", "timeframe `{0}` reaches {1} days; at most 366 are allowed"),
    ValidateDaysNotScheduled => ("kiireellisyysluokka `{0}` ei ole Scheduled, joten sille ei anneta kenttää `days`", "brådskegraden `{0}` är inte Scheduled och tar därför inga `days`", "timeframe `{0}` is not Scheduled and so takes no `days`"),
    ValidateNoTimeframes => ("ohjeessa ei ole yhtään kiireellisyysluokkaa", "anvisningen anger inga brådskegrader", "the guidance declares no timeframes"),
    ValidateTimeframeOrder => ("kiireellisyysluokka `{0}` on kiireellisempi kuin sitä edeltävä `{1}`; luettele kiireellisyysluokat kiireellisimmästä vähiten kiireelliseen (hätä, päivystys, ajanvaraus viimeisen päivän mukaan, omahoito)", "brådskegraden `{0}` är mer brådskande än `{1}` före den; lista brådskegraderna från den mest till den minst brådskande (nödfall, jour, tidsbokning efter sista dagen, egenvård)", "timeframe `{0}` is more urgent than `{1}` before it; list timeframes from most to least urgent (emergency, on-call, scheduled by their last day, self-care)"),
    UnknownTimeframe => ("tuntematon kiireellisyysluokka `{0}` (tunnetut: {1})", "okänd brådskegrad `{0}` (kända: {1})", "unknown timeframe `{0}` (known: {1})"),
    UnknownContactMode => ("tuntematon yhteystapa `{0}` (tunnetut: {1})", "okänt kontaktsätt `{0}` (kända: {1})", "unknown contact mode `{0}` (known: {1})"),
    UnknownProfessional => ("tuntematon ammattilainen `{0}` (tunnetut: {1})", "okänd yrkesperson `{0}` (kända: {1})", "unknown professional `{0}` (known: {1})"),
    ValidateScheduledNeedsModeAndProfessional => ("tuloksella, jonka kiireellisyysluokka on ajanvarauksellinen `{0}`, on oltava vähintään yksi yhteystapa ja ammattilainen", "ett utfall med den schemalagda brådskegraden `{0}` behöver minst ett kontaktsätt och en yrkesperson", "an outcome with scheduled timeframe `{0}` needs at least one contact mode and a professional"),
    ValidateRedFlagNotUrgent => ("hälytysmerkin on johdettava hätä-, päivystys- tai saman päivän kiireellisyysluokkaan, ei luokkaan `{0}`", "ett varningstecken måste leda till en brådskegrad för nödfall, jour eller samma dag, inte `{0}`", "a red flag must lead to an emergency, on-call or same-day timeframe, not `{0}`"),
    ValidateNoFallback => ("yhteydenoton syyltä `{0}` puuttuu oletustulos (fallback) sitä varten, ettei mikään sääntö täyty", "kontaktorsaken `{0}` saknar ett standardutfall (fallback) för när ingen regel uppfylls", "reason `{0}` has no fallback outcome for when no rule matches"),
    ValidateNoQuestions => ("yhteydenoton syyllä `{0}` ei ole kysymyksiä", "kontaktorsaken `{0}` har inga frågor", "reason `{0}` has no questions"),
    ValidateNumberRange => ("kysymys `{0}` tarvitsee äärellisen välin, jonka minimi on maksimia pienempi (annettu {1}–{2})", "frågan `{0}` behöver ett ändligt intervall med min under max (angivet {1} till {2})", "question `{0}` needs a finite range with min below max (got {1} to {2})"),
    ValidateTooManyDecimals => ("kysymys `{0}` sallii {1} desimaalia; enintään 6", "frågan `{0}` tillåter {1} decimaler; högst 6", "question `{0}` allows {1} decimals; at most 6"),
    ValidateTooFewOptions => ("kysymyksellä `{0}` on oltava vähintään kaksi vaihtoehtoa", "frågan `{0}` behöver minst två alternativ", "question `{0}` needs at least two options"),
    ValidateTooManyOptions => ("kysymyksellä `{0}` on {1} vaihtoehtoa; enintään {2}", "frågan `{0}` har {1} alternativ; högst {2}", "question `{0}` has {1} options; at most {2}"),
    ValidateAskIfCycle => ("ask_if-ehdot muodostavat kehän: {0}", "ask_if-villkoren bildar en cykel: {0}", "the ask_if conditions form a cycle: {0}"),
    ValidateEmptyList => ("`{0}([])`: ei yhtään ehtoa", "`{0}([])` har inga villkor", "`{0}([])` has no conditions"),
    UnknownQuestion => ("tuntematon kysymys `{0}`", "okänd fråga `{0}`", "unknown question `{0}`"),
    ValidateQuestionOutOfScope => ("kysymys `{0}` kuuluu toiseen yhteydenoton syyhyn; ehto voi viitata vain oman syynsä kysymyksiin, perustietoihin, riskitekijöihin, yhteisiin kysymyksiin ja hälytysmerkkeihin", "frågan `{0}` hör till en annan kontaktorsak; ett villkor får bara nämna den egna orsakens frågor, grunduppgifterna, riskfaktorerna, de gemensamma frågorna och varningstecknen", "question `{0}` belongs to another reason; a condition may name only its own reason's questions, the basics, the risk factors, the shared pool and the red flags"),
    KindYesNoQuestion => ("kyllä/ei-kysymys", "en ja/nej-fråga", "a yes/no question"),
    KindOneOfQuestion => ("yksivalintakysymys", "en fråga med ett val", "a one-of question"),
    KindSeveralOfQuestion => ("monivalintakysymys", "en fråga med flera val", "a several-of question"),
    KindNumberQuestion => ("numerokysymys", "en sifferfråga", "a number question"),
    KindYesNoAnswer => ("kyllä/ei-vastaukseen", "ett ja/nej-svar", "a yes/no answer"),
    KindAnOption => ("vaihtoehtoon", "ett alternativ", "an option"),
    KindANumber => ("lukuun", "ett tal", "a number"),
    KindAnAnswer => ("vastaukseen", "ett svar", "an answer"),
    ValidateWrongKind => ("kysymys `{0}` on {1}, eikä sitä voi verrata {2}", "frågan `{0}` är {1} och kan inte jämföras med {2}", "question `{0}` is {1} and cannot be compared with {2}"),
    UnknownOption => ("kysymyksellä `{0}` ei ole vaihtoehtoa `{1}` (vaihtoehdot: {2})", "frågan `{0}` har inget alternativ `{1}` (alternativ: {2})", "question `{0}` has no option `{1}` (options: {2})"),
    ValidateAnyOfEmpty => ("`AnyOf(\"{0}\", [])` ei nimeä yhtään vaihtoehtoa", "`AnyOf(\"{0}\", [])` nämner inga alternativ", "`AnyOf(\"{0}\", [])` names no options"),
    OutsideRange => ("{0} on kysymyksen `{3}` välin {1}–{2} ulkopuolella", "{0} ligger utanför intervallet {1}–{2} för frågan `{3}`", "{0} is outside the range {1}–{2} of question `{3}`"),
    ValidateBetweenOrder => ("`Between(\"{0}\", {1}, {2})`: alaraja on ylärajaa suurempi", "`Between(\"{0}\", {1}, {2})`: den nedre gränsen ligger över den övre", "`Between(\"{0}\", {1}, {2})`: the lower bound is above the upper"),
    // Guidance validation: `allow` entries
    AllowUnknownKind => ("allow-merkintä `{0}`: tuntematon löydöksen laji `{1}` (tunnetut: {2})", "allow-posten `{0}`: okänd typ av fynd `{1}` (kända: {2})", "allow entry `{0}`: unknown kind of finding `{1}` (known: {2})"),
    AllowFormOverlap => ("`overlap` tai `overlap:<ensimmäinen sääntö>:<toinen sääntö>`", "`overlap` eller `overlap:<första regeln>:<andra regeln>`", "`overlap` or `overlap:<first rule>:<second rule>`"),
    AllowFormOne => ("`{0}` tai `{0}:<tunniste>`", "`{0}` eller `{0}:<id>`", "`{0}` or `{0}:<id>`"),
    AllowWrongForm => ("allow-merkinnän `{0}` muoto on {1}", "allow-posten `{0}` ska vara {1}", "allow entry `{0}` should be {1}"),
    AllowEmptyId => ("allow-merkinnässä `{0}` on tyhjä tunniste", "allow-posten `{0}` har ett tomt id", "allow entry `{0}` has an empty id"),
    AllowRuleOrFallback => ("sääntö (tai oletustulos)", "regel (eller standardutfall)", "rule (or fallback)"),
    AllowRuleOrQuestion => ("sääntö tai kysymys", "regel eller fråga", "rule or question"),
    AllowAnyQuestion => ("kysymys (tai riskitekijä tai hälytysmerkki)", "fråga (eller riskfaktor eller varningstecken)", "question (or risk factor or red flag)"),
    AllowUnknownId => ("allow-merkintä `{0}`: yhteydenoton syyllä `{1}` ei ole kohdetta `{3}` ({2})", "allow-posten `{0}`: kontaktorsaken `{1}` har ingen {2} `{3}`", "allow entry `{0}`: reason `{1}` has no {2} `{3}`"),

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

    // Nurse's call (issue 14): the keyboard, the right panel, plural forms.
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

    // Guidance format 2: questions, red flags and conditions (validation and answers)
    FormatMissing => ("ohje on muotoa 1 (siitä puuttuu `format: 2`); kirjoita `format: 2` ja katso docs/guidance-format.md §Migration", "anvisningen är i format 1 (`format: 2` saknas); skriv `format: 2` och se docs/guidance-format.md §Migration", "this guidance is in format 1 (it has no `format: 2`); write `format: 2` and see docs/guidance-format.md §Migration"),
    FormatOther => ("`format: {0}` ei ole Arvion lukema muoto; kirjoita `format: 2` (katso docs/guidance-format.md §Migration)", "`format: {0}` är inget format Arvio läser; skriv `format: 2` (se docs/guidance-format.md §Migration)", "`format: {0}` is not a format Arvio reads; write `format: 2` (see docs/guidance-format.md §Migration)"),
    AlwaysNotBasic => ("`always` kuuluu vain perustietoihin (basics); kysymys `{0}` kysytään, kun sääntö tai ask_if lukee sitä: poista `always`", "`always` gäller bara grunduppgifter (basics); frågan `{0}` ställs när en regel eller ask_if läser den: ta bort `always`", "`always` is for basics only; question `{0}` is asked when a rule or ask_if reads it: remove `always`"),
    ScopeBasics => ("kysymystä `{0}` ei voi lukea tässä: perustiedon ask_if voi nimetä vain perustietoja", "frågan `{0}` kan inte läsas här: en grunduppgifts ask_if får bara nämna grunduppgifter", "question `{0}` cannot be read here: a basic's ask_if may name only basics"),
    ScopeShared => ("kysymystä `{0}` ei voi lukea tässä: riskitekijän tai punaisen lipun ask_if voi nimetä vain perustietoja ja riskitekijöitä", "frågan `{0}` kan inte läsas här: en riskfaktors eller röd flaggas ask_if får bara nämna grunduppgifter och riskfaktorer", "question `{0}` cannot be read here: a risk factor's or a red flag's ask_if may name only basics and risk factors"),
    ScopePool => ("kysymystä `{0}` ei voi lukea tässä: yhteisen kysymyksen ask_if voi nimetä vain perustietoja, riskitekijöitä ja yhteisiä kysymyksiä", "frågan `{0}` kan inte läsas här: en gemensam frågas ask_if får bara nämna grunduppgifter, riskfaktorer och gemensamma frågor", "question `{0}` cannot be read here: a pool question's ask_if may name only basics, risk factors and pool questions"),
    RedFlagOtherReason => ("punainen lippu `{0}` kysytään vain muiden syiden kohdalla; ehto voi nimetä yleiset punaiset liput ja oman syynsä liput", "röda flaggan `{0}` ställs bara för andra orsaker; ett villkor får nämna de allmänna röda flaggorna och den egna orsakens", "red flag `{0}` is asked only for other reasons; a condition may name the global red flags and those of its own reason"),
    ReasonsInReasonFile => ("`reasons` kuuluu guidance.ron-tiedoston punaisiin lippuihin; syytiedoston punainen lippu koskee aina omaa syytään: poista `reasons` lipusta `{0}`", "`reasons` hör till röda flaggor i guidance.ron; en röd flagga i en orsaksfil gäller alltid sin orsak: ta bort `reasons` från `{0}`", "`reasons` is for red flags in guidance.ron; a red flag in a reason file is always scoped to its reason: remove `reasons` from `{0}`"),
    UnknownReasonRef => ("tuntematon yhteydenoton syy `{0}` (tunnetut: {1})", "okänd kontaktorsak `{0}` (kända: {1})", "unknown reason for contact `{0}` (known: {1})"),
    AtLeastCount => ("`AtLeast({0}, […])` ja {1} ehtoa: lukumäärän on oltava 1–{1}", "`AtLeast({0}, […])` med {1} villkor: antalet måste vara 1–{1}", "`AtLeast({0}, […])` with {1} conditions: the count must be from 1 to {1}"),
    FreeTextInCondition => ("kysymys `{0}` on vapaa teksti, eikä vapaata tekstiä voi käyttää ehdossa; kysy säännön tarvitsema asia kyllä/ei- tai valintakysymyksenä", "frågan `{0}` är fritext, och fritext kan inte användas i ett villkor; ställ det regeln behöver som en ja/nej- eller valfråga", "question `{0}` is free text, and free text cannot be used in a condition; ask what the rule needs as a yes/no or one-of question"),
    QuantityOnNumber => ("kysymys `{0}` on lukukysymys: kirjoita pelkkä luku, esim. {1}, eikä {2}", "frågan `{0}` är en talfråga: skriv ett tal, t.ex. {1}, inte {2}", "question `{0}` is a number question: write a plain number such as {1} instead of {2}"),
    PlainOnQuantity => ("kysymys `{0}` on {1}: kirjoita määrä yksikköineen, esim. {2}, eikä pelkkää lukua {3}", "frågan `{0}` är {1}: skriv en mängd med enhet, t.ex. {2}, inte bara talet {3}", "question `{0}` is {1}: write a quantity with its unit such as {2} instead of the plain number {3}"),
    AnAge => ("ikä", "en ålder", "an age"),
    ADuration => ("kesto", "en varaktighet", "a duration"),
    UnitNotOfKind => ("{0} ei voi olla yksikkö kysymyksessä `{1}` ({2}); kirjoita jokin näistä: {3}", "{0} kan inte vara enhet för frågan `{1}` ({2}); skriv en av: {3}", "{0} cannot be a unit of question `{1}` ({2}); write one of: {3}"),
    ThresholdFraction => ("{0} ei ole kokonaisluku kysymyksessä `{1}`, joka annetaan kokonaislukuina: kirjoita {2}", "{0} är inget heltal för frågan `{1}`, som anges i heltal: skriv {2}", "{0} is not a whole number on question `{1}`, which is entered in whole numbers: write {2} instead"),
    ThresholdDecimals => ("{0}:ssa on enemmän desimaaleja kuin kysymys `{1}` sallii ({2}); kirjoita {3}", "{0} har fler decimaler än frågan `{1}` tillåter ({2}); skriv {3}", "{0} has more decimals than question `{1}` allows ({2}); write {3} instead"),
    QuantityOutOfRange => ("{0} on kysymyksen `{1}` alueen {2}–{3} ulkopuolella; kirjoita raja sen sisältä", "{0} ligger utanför intervallet {2}–{3} för frågan `{1}`; skriv en gräns inom det", "{0} is outside the range {2}–{3} of question `{1}`; write a threshold within it"),
    QuantityNoUnits => ("kysymykselle `{0}` tarvitaan ainakin yksi yksikkö, esim. `units: [{1}]`", "frågan `{0}` behöver minst en enhet, t.ex. `units: [{1}]`", "question `{0}` needs at least one unit, e.g. `units: [{1}]`"),
    QuantityRange => ("kysymyksen `{0}` alaraja on oltava ylärajaa pienempi (nyt {1}–{2})", "frågan `{0}` måste ha en nedre gräns under den övre (nu {1}–{2})", "question `{0}` needs min below max (got {1} to {2})"),
    AgeDecimals => ("ikä annetaan kokonaislukuina; poista `decimals` kysymyksestä `{0}`", "en ålder anges i heltal; ta bort `decimals` från frågan `{0}`", "an age is entered in whole numbers; remove `decimals` from question `{0}`"),
    TypedDecimals => ("{0}: enintään {1} desimaalia", "{0}: högst {1} decimaler", "{0}: at most {1} decimals"),
    TypedOutOfRange => ("{0}: sallittu alue {1}–{2}", "{0}: tillåtet intervall {1}–{2}", "{0}: allowed range {1}–{2}"),
    TypedNotNumber => ("ei luku", "inget tal", "not a number"),
    UnitYears => ("v", "år", "years"),
    UnitMonths => ("kk", "mån", "months"),
    UnitWeeks => ("vk", "veckor", "weeks"),
    UnitDays => ("vrk", "dygn", "days"),
    UnitHours => ("h", "h", "hours"),
    FreeTextAnswer => ("vapaa teksti", "fritext", "free text"),
    ShortOfQuestion => ("kysymyksen `{0}` lyhyt nimi", "den korta benämningen av frågan `{0}`", "the short label of question `{0}`"),
    KeywordsOfRedFlag => ("punaisen lipun `{0}` hakusanoissa ei ole kieltä `{1}`", "sökorden för röda flaggan `{0}` saknar språket `{1}`", "the keywords of red flag `{0}` have no `{1}` list"),
    KindAgeQuestion => ("ikäkysymys", "en åldersfråga", "an age question"),
    KindDurationQuestion => ("kestokysymys", "en fråga om varaktighet", "a duration question"),
    KindFreeTextQuestion => ("vapaan tekstin kysymys", "en fritextfråga", "a free-text question"),
    ExpectsAge => ("Age(Years(n)), Age(Months(n)), … tai CannotSay", "Age(Years(n)), Age(Months(n)), … eller CannotSay", "Age(Years(n)), Age(Months(n)), … or CannotSay"),
    ExpectsDuration => ("Duration(Hours(n)), Duration(Days(n)), … tai CannotSay", "Duration(Hours(n)), Duration(Days(n)), … eller CannotSay", "Duration(Hours(n)), Duration(Days(n)), … or CannotSay"),
    ExpectsText => ("Text(\"…\") tai CannotSay", "Text(\"…\") eller CannotSay", "Text(\"…\") or CannotSay"),
    AnswerTooManyDecimals => ("{0}:ssa on enemmän desimaaleja kuin kysymys `{1}` sallii ({2})", "{0} har fler decimaler än frågan `{1}` tillåter ({2})", "{0} has more decimals than question `{1}` allows ({2})"),
    AnswerWrongUnit => ("kysymys `{0}` annetaan yksikössä {1}; kirjoita jokin niistä eikä {2}", "frågan `{0}` anges i {1}; skriv en av dem i stället för {2}", "question `{0}` is entered in {1}; write one of them instead of {2}"),
    LintBasicUnreachable => ("perustietoa `{0}` ei koskaan kysytä: sen ask_if ei ole tosi yhdessäkään niiden vastausten {1} yhdistelmästä, joista se riippuu{2}", "grunduppgiften `{0}` ställs aldrig: dess ask_if är sant i ingen av de {1} kombinationerna av svaren den beror på{2}", "basic `{0}` is never asked: its ask_if is true in none of the {1} combinations of the answers it depends on{2}"),
    LintPoolUnreachable => ("yhteistä kysymystä `{0}` ei koskaan kysytä: sen ask_if ei ole tosi yhdessäkään niiden vastausten {1} yhdistelmästä, joista se riippuu{2}", "den gemensamma frågan `{0}` ställs aldrig: dess ask_if är sant i ingen av de {1} kombinationerna av svaren den beror på{2}", "pool question `{0}` is never asked: its ask_if is true in none of the {1} combinations of the answers it depends on{2}"),
}

/// `n` and the word in its form for `n`: "1 päivä" / "2 päivää", "1 dag" / "2 dagar", "1 day" /
/// "2 days". Finnish, Swedish and English all take the singular for one and the plural (in
/// Finnish the partitive) for every other count, zero included.
pub fn plural(lang: Language, n: u64, one: Msg, many: Msg) -> String {
    let word = if n == 1 { one } else { many };
    format!("{n} {}", word.get(lang))
}

/// `n` days: "1 päivä", "3 dagar", "2 days".
pub fn days(lang: Language, n: u64) -> String {
    plural(lang, n, Msg::DayOne, Msg::DayMany)
}

/// A number as the language writes it, with `decimals` decimals: "1234,5" and "12 345,0" in
/// Finnish and Swedish (decimal comma, thousands apart by a no-break space from 10 000), "1234.5"
/// and "12,345.0" in English.
pub fn format_number(lang: Language, x: f64, decimals: usize) -> String {
    let (point, group) = match lang {
        Language::Fi | Language::Sv => (',', '\u{a0}'),
        Language::En => ('.', ','),
    };
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    if int.len() > 4 {
        for (i, digit) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A percentage as the language writes it: "100,0 %" in Finnish and Swedish (a no-break space
/// before the sign), "100.0%" in English.
pub fn format_percent(lang: Language, x: f64, decimals: usize) -> String {
    let number = format_number(lang, x, decimals);
    match lang {
        Language::Fi | Language::Sv => format!("{number}\u{a0}%"),
        Language::En => format!("{number}%"),
    }
}

/// "Yes", "Kyllä", …
pub fn tr(lang: Language, msg: Msg) -> &'static str {
    msg.get(lang)
}

impl Msg {
    /// The text with its placeholders `{0}`, `{1}`, … replaced by `args` in order of number (a
    /// translation may put them in another order). A placeholder without an argument stays as it
    /// is, so a missing argument shows instead of vanishing.
    pub fn fill(self, lang: Language, args: &[String]) -> String {
        fill(self.get(lang), args)
    }
}

/// `template` with `{0}`, `{1}`, … replaced by `args`; see [`Msg::fill`].
pub fn fill(template: &str, args: &[String]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(String::len).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(|i| args.get(i))) {
            (Some(c), Some(arg)) => {
                out.push_str(arg);
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_number_in_any_order() {
        let args = ["a".to_owned(), "b".to_owned()];
        assert_eq!(fill("{1} then {0}", &args), "b then a");
        assert_eq!(fill("{2} {x} {", &args), "{2} {x} {");
    }

    /// A translation that drops or invents a placeholder would lose or garble an argument.
    #[test]
    fn every_language_has_the_same_placeholders() {
        let placeholders = |text: &str| {
            let mut found: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}'))
                .map(|(inside, _)| inside.to_owned())
                .filter(|inside| inside.parse::<usize>().is_ok())
                .collect();
            found.sort();
            found
        };
        for &m in Msg::ALL {
            let fi = placeholders(m.get(Language::Fi));
            for lang in Language::ALL {
                assert_eq!(placeholders(m.get(lang)), fi, "{m:?} in {lang}");
            }
        }
    }

    #[test]
    fn plural_forms_follow_the_count() {
        assert_eq!(days(Language::En, 1), "1 day");
        assert_eq!(days(Language::En, 2), "2 days");
        assert_eq!(days(Language::En, 0), "0 days");
        assert_eq!(days(Language::Fi, 1), "1 päivä");
        assert_eq!(days(Language::Fi, 3), "3 päivää");
        assert_eq!(days(Language::Sv, 1), "1 dag");
        assert_eq!(days(Language::Sv, 7), "7 dagar");
        assert_eq!(
            plural(Language::Fi, 1, Msg::QuestionOne, Msg::QuestionMany),
            "1 kysymys jäljellä"
        );
        assert_eq!(
            plural(Language::Sv, 2, Msg::RedFlagOne, Msg::RedFlagMany),
            "2 varningstecken ofrågade"
        );
    }

    #[test]
    fn numbers_and_percentages_are_written_as_each_language_writes_them() {
        assert_eq!(format_percent(Language::Fi, 100.0, 1), "100,0\u{a0}%");
        assert_eq!(format_percent(Language::Sv, 12.345, 1), "12,3\u{a0}%");
        assert_eq!(format_percent(Language::En, 100.0, 1), "100.0%");
        assert_eq!(format_number(Language::Fi, 39.5, 1), "39,5");
        assert_eq!(format_number(Language::En, 39.5, 1), "39.5");
        assert_eq!(format_number(Language::Fi, 1234.0, 0), "1234");
        assert_eq!(format_number(Language::Fi, 12345.25, 2), "12\u{a0}345,25");
        assert_eq!(format_number(Language::En, 1234567.0, 0), "1,234,567");
        assert_eq!(format_number(Language::En, -2.5, 1), "-2.5");
        assert_eq!(format_number(Language::En, -0.01, 1), "0.0");
    }

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for &m in Msg::ALL {
            for lang in Language::ALL {
                assert!(!m.get(lang).trim().is_empty(), "{m:?} is empty in {lang}");
            }
        }
    }
}
