//! The calendar's words: Finnish public holidays and the weekdays.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_calendar {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
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
        }
    };
}
