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
    SearchHint => ("kirjoita oire tai asia, Enter lisää, Up/Down valitsee", "skriv symtom eller ärende, Enter lägger till, Up/Down väljer", "type a symptom or matter, Enter adds, Up/Down choose"),
    NoMatch => ("Ei osumia", "Inga träffar", "No match"),
    RemoveReason => ("Poista", "Ta bort", "Remove"),
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
    UndoAnswer => ("Vastaus oli virhe – takaisin (Alt+Left)", "Svaret var fel – tillbaka (Alt+Left)", "Answered by mistake – back (Alt+Left)"),
    NoGuidance => ("HTA-ohjetta ei voi käyttää: arviointi estetty, kunnes virheet on korjattu.", "VBB-anvisningen kan inte användas: bedömning spärrad tills felen är rättade.", "The guidance cannot be used: triage is blocked until its errors are fixed."),
    LastGoodInUse => ("Ohjeen muutos on virheellinen – käytössä edelleen viimeisin toimiva versio.", "Ändringen av anvisningen är felaktig – den senaste fungerande versionen används.", "The changed guidance has errors – the last good version stays in use."),
    RestoreOffer => ("Keskeneräinen arvio löytyi, aloitettu", "En oavslutad bedömning hittades, påbörjad", "An unfinished assessment was found, started"),
    Restore => ("Palauta", "Återställ", "Restore"),
    Discard => ("Hylkää", "Kasta", "Discard"),
    RestoredOtherGuidance => ("Palautettu toisen ohjeversion arvio; tarkista vastaukset. Pois jätetty:", "Återställd från en annan version av anvisningen; kontrollera svaren. Utelämnat:", "Restored from another guidance version; check the answers. Left out:"),
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
    TrainerHint => ("Valitse tapaus (Ylös/Alas) ja aloita harjoitus (Enter). Vastaukset paljastuvat vasta kun kysyt.", "Välj fall (Upp/Ned) och börja öva (Enter). Svaren syns först när du frågar.", "Pick a case (Up/Down) and start practising (Enter). Answers appear only when you ask."),
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
    LogLocation => ("Lokikansio (tyhjä = ei lokia)", "Loggmapp (tom = ingen logg)", "Log folder (empty = no log)"),
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
    DiagNurseJudgementRedFlag => ("hälytysmerkin lopputulos ei voi olla hoitajan arvio; poista `nurse_judgement: true`", "ett varningstecknens utfall kan inte vara sjukskötarens bedömning; ta bort `nurse_judgement: true`", "a red flag's outcome cannot be the nurse's judgement; remove `nurse_judgement: true`"),

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
    fn every_message_has_a_text_in_every_language() {
        for &m in Msg::ALL {
            for lang in Language::ALL {
                assert!(!m.get(lang).trim().is_empty(), "{m:?} is empty in {lang}");
            }
        }
    }
}
