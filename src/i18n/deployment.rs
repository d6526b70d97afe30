//! Deployment: the managed configuration, where settings come from, the shared log.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_deployment {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // The managed configuration file's problems
            ConfigUnreadable => ("asetustiedostoa ei voitu lukea: {0}", "konfigurationsfilen kunde inte läsas: {0}", "the configuration file could not be read: {0}"),
            ConfigUnknownRenderer => ("tuntematon piirtäjä `{0}` (tunnetut: {1})", "okänd renderare `{0}` (kända: {1})", "unknown renderer `{0}` (known: {1})"),
            ConfigUnknownLanguage => ("tuntematon kieli `{0}` (tunnetut: fi, sv, en)", "okänt språk `{0}` (kända: fi, sv, en)", "unknown language `{0}` (known: fi, sv, en)"),
            ConfigEmptyPath => ("kansion polku on tyhjä", "mappens sökväg är tom", "the folder's path is empty"),
            ConfigNotAbsolute => ("`{0}` ei ole absoluuttinen polku: koneen asetus ei voi riippua kansiosta, josta ohjelma käynnistetään", "`{0}` är ingen absolut sökväg: en maskininställning kan inte bero på mappen programmet startas i", "`{0}` is not an absolute path: a machine-wide setting cannot depend on the folder the app is started in"),
            ConfigBadDesk => ("työaseman tunnus `{0}`: 1–{1} kirjainta a–z tai A–Z, numeroa, `-` tai `_` (ei henkilön nimeä)", "arbetsstationens id `{0}`: 1–{1} bokstäver a–z eller A–Z, siffror, `-` eller `_` (inget personnamn)", "desk id `{0}`: 1–{1} letters a–z or A–Z, digits, `-` or `_` (never a person's name)"),
            ConfigListedTwice => ("`{0}` on luettelossa kahdesti", "`{0}` står två gånger i listan", "`{0}` is listed twice"),
            ConfigUnknownMode => ("tuntematon tila `{0}` (tunnetut: {1})", "okänt läge `{0}` (kända: {1})", "unknown mode `{0}` (known: {1})"),
            ConfigNoModes => ("yhtään tilaa ei ole tarjolla: luettele ainakin yksi näistä: {0}", "inget läge erbjuds: lista minst ett av {0}", "no mode is offered: list at least one of {0}"),
            ConfigUnknownSetting => ("tuntematon asetus `{0}` (tunnetut: {1})", "okänd inställning `{0}` (kända: {1})", "unknown setting `{0}` (known: {1})"),
            ConfigValid => ("Asetustiedosto on kunnossa", "Konfigurationsfilen är i ordning", "The configuration file is valid"),
            ConfigNone => ("Asetustiedostoa ei ole: oletukset käytössä", "Ingen konfigurationsfil: standardvärden används", "No configuration file: the defaults apply"),
            // The app under a managed configuration
            ConfigBroken => ("Työaseman asetustiedosto on virheellinen. Ohjelma toimii suppeimmassa muodossaan (vain hoitajan tila, asetukset lukittu), kunnes IT korjaa tiedoston", "Arbetsstationens konfigurationsfil är felaktig. Programmet körs i sin mest begränsade form (endast sjukskötarläget, inställningarna låsta) tills IT rättar filen", "This workstation's configuration file is broken. The app runs in its most restricted form (the nurse's mode only, settings locked) until IT fixes the file"),
            ModeNotOffered => ("Tämä tila ei ole käytössä tällä työasemalla", "Det här läget används inte på den här arbetsstationen", "This mode is not available on this workstation"),
            SourceLocked => ("IT:n asettama, lukittu", "satt av IT, låst", "set by IT, locked"),
            SourceManaged => ("IT:n oletus", "IT:s standard", "IT's default"),
            SourceUser => ("oma valinta", "eget val", "your choice"),
            SourceDefault => ("oletus", "standard", "default"),
            ConfigFileIs => ("Asetustiedosto", "Konfigurationsfil", "Configuration file"),
            DeskIs => ("Työasema", "Arbetsstation", "Workstation"),
            // The shared log
            LogWrittenLocally => ("Yhteistä lokikansiota ei tavoitettu: tieto kirjoitettiin tälle koneelle ja siirretään, kun kansio on taas käytettävissä", "Den gemensamma loggmappen nåddes inte: posten skrevs på den här datorn och flyttas dit när mappen går att nå igen", "The shared log folder could not be reached: the record was written on this computer and is moved there once the folder is back"),
        }
    };
}
