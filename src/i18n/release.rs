//! Guidance releases: the approval record, `arvio approve`, the handbook and the app's approval
//! line.
//!
//! One table of the chain that makes [`super::Msg`] (see `mod.rs`): each entry is a
//! variant with its Finnish, Swedish and English text.

macro_rules! words_release {
    ([$next:ident $(, $rest:ident)*] $($done:tt)*) => {
        $next! { [$($rest),*] $($done)*
            // The approval record and its status
            ApprovalApprovedBy => ("hyväksynyt {0} ({1}) {2}", "godkänd av {0} ({1}) {2}", "approved by {0} ({1}) on {2}"),
            ApprovalNotApproved => ("EI HYVÄKSYTTY: ohjetta ei ole hyväksytty käyttöön", "INTE GODKÄND: anvisningen har inte godkänts för användning", "NOT APPROVED: this guidance has not been approved for use"),
            ApprovalChanged => ("MUUTETTU HYVÄKSYNNÄN JÄLKEEN: hyväksytty oli versio {0} ({1}), hyväksyjä {2} {3}", "ÄNDRAD EFTER GODKÄNNANDET: godkänd var version {0} ({1}), av {2} {3}", "CHANGED SINCE APPROVAL: the approved content was version {0} ({1}), approved by {2} on {3}"),
            ApprovalInvalid => ("HYVÄKSYNTÄTIETO VIRHEELLINEN, ei hyväksytty: {0}: {1}", "GODKÄNNANDEUPPGIFTEN ÄR FELAKTIG, inte godkänd: {0}: {1}", "THE APPROVAL RECORD IS INVALID, not approved: {0}: {1}"),
            ApprovalSyntax => ("hyväksyntätiedostoa ei voi lukea: {0}", "godkännandefilen kan inte läsas: {0}", "the approval file cannot be read: {0}"),
            ApprovalField => ("kenttä `{0}`: {1}", "fältet `{0}`: {1}", "field `{0}`: {1}"),
            ApprovalEmpty => ("tyhjä", "tomt", "empty"),
            ApprovalControl => ("sisältää ohjausmerkin", "innehåller ett styrtecken", "contains a control character"),
            ApprovalTooLong => ("yli {0} merkkiä", "över {0} tecken", "longer than {0} characters"),
            ApprovalBadDate => ("päivämäärä `{0}` ei ole muotoa VVVV-KK-PP", "datumet `{0}` har inte formen ÅÅÅÅ-MM-DD", "the date `{0}` is not a date YYYY-MM-DD"),
            ApprovalBadHash => ("`{0}` ei ole SHA-256-tiiviste (64 heksamerkkiä, pienet kirjaimet)", "`{0}` är inte en SHA-256-hash (64 hexadecimala tecken, små bokstäver)", "`{0}` is not a SHA-256 hash (64 lowercase hex digits)"),
            ApprovalWord => ("Hyväksyntä", "Godkännande", "Approval"),
        }
    };
}
