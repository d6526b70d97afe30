//! `arvio handbook`: the HTML is parsed (scraper) and its content checked against the guidance it
//! was written from — sections, red flags and where they are asked, a reason's questions in ask
//! order, rules as sentences, outcomes' advice, services' hours, worked examples, the diff
//! sections — and that it loads nothing from anywhere.

mod common;

use std::path::{Path, PathBuf};

use arvio::call::Call;
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, Part};
use arvio::text::Language;
use scraper::{ElementRef, Html, Selector};

/// The guidance the handbook tests read: the shipped one, whatever its content.
const HANDBOOK_GUIDANCE: &str = "rules/default";

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(HANDBOOK_GUIDANCE)
}

/// The handbook of `dir` (against `old`) in `lang`, written by the binary and read back.
fn handbook(dir: &Path, old: Option<&Path>, lang: &str) -> String {
    let out = tempfile::tempdir().expect("temp dir");
    let file = out.path().join("handbook.html");
    let mut args = vec![
        "handbook".to_owned(),
        dir.display().to_string(),
        "--lang".into(),
        lang.into(),
        "-o".into(),
        file.display().to_string(),
    ];
    if let Some(old) = old {
        args.extend(["--against".to_owned(), old.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = common::arvio(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    std::fs::read_to_string(&file).expect("the handbook was written")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

fn texts(root: ElementRef, s: &str) -> Vec<String> {
    root.select(&sel(s)).map(text).collect()
}

fn section<'a>(doc: &'a Html, id: &str) -> ElementRef<'a> {
    doc.select(&sel(&format!("section#{id}")))
        .next()
        .unwrap_or_else(|| panic!("no section #{id}"))
}

/// A `.rule` box: its title, its sentence and its (label, value) lines.
type Shown = (String, String, Vec<(String, String)>);

/// The `.rule` boxes of a section.
fn rules(s: ElementRef) -> Vec<Shown> {
    s.select(&sel("div.rule"))
        .map(|r| {
            let title = texts(r, ".rule-title").concat();
            let sentence = texts(r, ".sentence").concat();
            let facts = texts(r, "dt").into_iter().zip(texts(r, "dd")).collect();
            (title, sentence, facts)
        })
        .collect()
}

fn load(dir: &Path) -> Guidance {
    common::load(dir)
}

#[test]
fn the_handbook_has_every_section_and_loads_nothing_from_anywhere() {
    let html = handbook(&shipped(), None, "en");
    let doc = Html::parse_document(&html);
    for id in [
        "call",
        "basics",
        "red-flags",
        "reasons",
        "outcomes",
        "services",
        "examples",
    ] {
        section(&doc, id);
    }
    assert!(doc.select(&sel("section#changes-callers")).next().is_none());
    // Self-contained: no link, script, image, import or URL to fetch.
    for tag in ["link", "script", "img", "iframe", "object", "embed"] {
        assert!(
            doc.select(&sel(tag)).next().is_none(),
            "a <{tag}> in the handbook"
        );
    }
    let lower = html.to_lowercase();
    for bad in ["src=", "@import", "url(", "http://", "https://"] {
        assert!(!lower.contains(bad), "{bad} in the handbook");
    }
    assert!(html.contains("@media print"), "a print style");
    assert!(
        html.contains("default-src 'none'"),
        "a policy that forbids loading"
    );
    // The contents link to sections that exist.
    for a in doc.select(&sel("nav.toc a")) {
        let href = a.value().attr("href").expect("href");
        let id = href.strip_prefix('#').expect("an anchor");
        section(&doc, id);
    }
}

#[test]
fn red_flags_say_where_they_are_asked_and_what_they_lead_to() {
    let g = load(&shipped());
    let lang = Language::En;
    let doc = Html::parse_document(&handbook(&shipped(), None, "en"));
    let shown = rules(section(&doc, "red-flags"));
    assert_eq!(shown.len(), g.red_flags.len());
    for (rf, (title, sentence, facts)) in g.red_flags.iter().zip(&shown) {
        assert_eq!(title, g.question(rf.question).text.get(lang));
        let timeframe = g.timeframe(rf.outcome.timeframe).label.get(lang);
        assert!(sentence.contains(&format!("→ {timeframe}")), "{sentence}");
        let where_asked = &facts
            .iter()
            .find(|(k, _)| k == "Where it is asked")
            .expect("where")
            .1;
        if rf.is_global() {
            assert_eq!(where_asked, "in every call");
        } else {
            for r in &rf.reasons {
                assert!(
                    where_asked.contains(g.reason(*r).label.get(lang)),
                    "{where_asked}"
                );
            }
        }
        let advice = &facts
            .iter()
            .find(|(k, _)| k == "Advice to the caller")
            .expect("advice")
            .1;
        assert_eq!(advice, rf.outcome.advice.get(lang));
    }
}

#[test]
fn each_reason_lists_its_questions_in_ask_order_and_its_rules_with_their_advice() {
    let g = load(&shipped());
    let lang = Language::En;
    let doc = Html::parse_document(&handbook(&shipped(), None, "en"));
    for (i, reason) in g.reasons.iter().enumerate() {
        // The order a call with this reason asks its own questions, from the engine.
        let mut call = Call::new(&g);
        call.add_reason(arvio::guidance::ReasonId(i as u32));
        let asked: Vec<String> = evaluate(&g, &call)
            .questions
            .iter()
            .map(|q| g.question(*q))
            .filter(|q| q.part == Part::Reason(arvio::guidance::ReasonId(i as u32)))
            .map(|q| q.text.get(lang).to_owned())
            .collect();
        let list = section(&doc, &format!("reason-{}-questions", reason.id));
        let items: Vec<String> = list
            .select(&sel("ol.questions > li"))
            .map(|li| li.text().next().unwrap_or_default().to_owned())
            .filter(|t| asked.contains(t))
            .collect();
        assert!(!asked.is_empty(), "{}", reason.id);
        assert_eq!(items, asked, "{}", reason.id);
        let shown = rules(section(&doc, &format!("reason-{}-rules", reason.id)));
        assert_eq!(
            shown.len(),
            reason.rules.len() + 1,
            "the rules and the fallback"
        );
        for (rule, (title, sentence, facts)) in reason.rules.iter().zip(&shown) {
            assert_eq!(title, rule.description.get(lang));
            let (when, then) = sentence.split_once(" → ").expect("condition → outcome");
            // Every question the condition reads is named, never by its id.
            arvio::guidance::visit_atoms(&rule.when, &mut |a| {
                let q = g.question(a.question);
                let name = q.short.as_ref().map_or(q.text.get(lang), |s| s.get(lang));
                assert!(when.contains(name), "{} in {when}", q.id);
            });
            assert!(!when.contains(&format!("\"{}\"", rule.id)));
            assert!(then.starts_with(g.timeframe(rule.outcome.timeframe).label.get(lang)));
            let advice = facts.iter().find(|(k, _)| k == "Advice to the caller");
            assert_eq!(
                advice.map(|(_, v)| v.as_str()),
                Some(rule.outcome.advice.get(lang))
            );
            if let Some(w) = &rule.outcome.worsening {
                let net = facts.iter().find(|(k, _)| k == "Safety-netting");
                assert_eq!(net.map(|(_, v)| v.as_str()), Some(w.get(lang)));
            }
        }
    }
}

#[test]
fn scenarios_are_worked_examples_with_their_answers_and_outcome() {
    let dir = shipped();
    let g = load(&dir);
    let (scenarios, _) = arvio::scenario::load_scenarios(&dir);
    let doc = Html::parse_document(&handbook(&dir, None, "en"));
    let shown = rules(section(&doc, "examples"));
    assert_eq!(shown.len(), scenarios.len());
    for (s, (title, sentence, facts)) in scenarios.iter().zip(&shown).take(20) {
        assert_eq!(*title, s.name());
        let result = arvio::scenario::run_scenario(&g, s);
        let expected = result.actual.as_ref().expect("the shipped scenarios run");
        let label = g
            .timeframe(
                g.timeframe_by_id(&expected.disposition.timeframe)
                    .expect("timeframe"),
            )
            .label
            .get(Language::En);
        assert!(sentence.starts_with(&format!("→ {label}")), "{sentence}");
        assert!(
            facts
                .iter()
                .any(|(k, v)| k == "Scenario result" && v.starts_with('✓'))
        );
    }
}

#[test]
fn the_handbook_speaks_the_chosen_language_and_is_the_same_every_time() {
    let fi = handbook(&shipped(), None, "fi");
    let doc = Html::parse_document(&fi);
    assert_eq!(doc.root_element().value().attr("lang"), Some("fi"));
    let title = texts(doc.root_element(), "h1").concat();
    assert_eq!(title, load(&shipped()).meta.name.get(Language::Fi));
    assert!(fi.contains("Hälytysmerkit"));
    assert_eq!(fi, handbook(&shipped(), None, "fi"), "deterministic");
}

// ---------------------------------------------------------------------------------------------
// Sentences of every construct, on the test fixture

const CONSTRUCTS: &str = r#"Reason(
    id: "rash",
    label: (fi: "Ihottuma", sv: "Utslag", en: "Rash"),
    questions: [
        (id: "since", text: (fi: "Mistä asti?", sv: "Sedan när?", en: "Since when?"),
            kind: Duration(units: [Days, Hours], max: Days(60))),
        (id: "where", text: (fi: "Missä?", sv: "Var?", en: "Where?"), short: (fi: "sijainti", sv: "plats", en: "location"),
            kind: SeveralOf([
                (id: "face", label: (fi: "Kasvot", sv: "Ansiktet", en: "Face")),
                (id: "hands", label: (fi: "Kädet", sv: "Händerna", en: "Hands")),
                (id: "feet", label: (fi: "Jalat", sv: "Fötterna", en: "Feet")),
            ])),
        (id: "itch", text: (fi: "Kutiaako?", sv: "Kliar det?", en: "Itchy?"), kind: YesNo),
        (id: "spread", text: (fi: "Leviääkö?", sv: "Sprider det sig?", en: "Spreading?"), kind: YesNo),
    ],
    rules: [
        (
            id: "rash_spreading",
            description: (fi: "Leviää", sv: "Sprider sig", en: "Spreading"),
            when: All([Yes("spread"), Any([Lt("since", Hours(24)), CannotSay("since")]), Not(No("itch"))]),
            outcome: (timeframe: "on_call", modes: ["visit"], professional: "doctor",
                advice: (fi: "Päivystykseen", sv: "Till jouren", en: "Go to on-call care")),
        ),
        (
            id: "rash_many",
            description: (fi: "Monessa paikassa", sv: "På många ställen", en: "In many places"),
            when: AtLeast(2, [Is("where", "face"), Is("where", "hands"), Is("where", "feet")]),
            outcome: (timeframe: "days_1_3", modes: ["phone", "visit"], professional: "nurse", service: "station",
                advice: (fi: "Hoitaja soittaa", sv: "Skötaren ringer", en: "A nurse calls")),
        ),
        (
            id: "rash_old_face",
            description: (fi: "Iäkäs", sv: "Äldre", en: "Elderly"),
            when: All([Between("age", 65.0, 120.0), AnyOf("where", ["face", "feet"]), Ge("since", Days(3))]),
            outcome: (timeframe: "days_1_7", modes: ["phone"], professional: "nurse",
                advice: (fi: "Hoitaja soittaa", sv: "Skötaren ringer", en: "A nurse calls")),
        ),
    ],
    fallback: (timeframe: "self_care", advice: (fi: "Omahoito", sv: "Egenvård", en: "Self-care")),
)
"#;

fn constructs() -> tempfile::TempDir {
    common::folder(&[
        ("guidance.ron", &common::guidance_with_services()),
        ("reasons/01_cough.ron", &common::cough_with_services()),
        ("reasons/02_social.ron", common::SOCIAL),
        ("reasons/03_rash.ron", CONSTRUCTS),
    ])
}

#[test]
fn every_condition_construct_reads_as_a_sentence_in_labels() {
    let dir = constructs();
    let doc = Html::parse_document(&handbook(dir.path(), None, "en"));
    let sentences: Vec<String> = rules(section(&doc, "reason-rash-rules"))
        .into_iter()
        .map(|(_, s, _)| s)
        .collect();
    assert_eq!(
        sentences[..3],
        [
            "“Spreading?”: yes; (“Since when?”: less than 1 day or “Since when?”: cannot say) and not: “Itchy?”: no → On call, Visit, Doctor",
            "at least 2 of: location: includes Face; location: includes Hands; location: includes Feet → 1–3 days, Phone (or Visit), Nurse, at Health station",
            "“Age”: 65 y to 120 y; location: includes Face or Feet and “Since when?”: 3 days or more → 1–7 days, Phone, Nurse",
        ]
    );
    assert_eq!(sentences[3], "no rule applies → Self-care");
    // Finnish, from the same conditions.
    let fi = Html::parse_document(&handbook(dir.path(), None, "fi"));
    let first = rules(section(&fi, "reason-rash-rules")).remove(0).1;
    assert_eq!(
        first,
        "”Leviääkö?”: kyllä; (”Mistä asti?”: alle 1 vuorokausi tai ”Mistä asti?”: ei osaa sanoa) ja ei: ”Kutiaako?”: ei → Päivystys, Käynti, Lääkäri"
    );
}

#[test]
fn services_show_their_opening_hours_and_out_of_hours_outcomes() {
    let dir = constructs();
    let doc = Html::parse_document(&handbook(dir.path(), None, "en"));
    let shown = rules(section(&doc, "services"));
    let station = shown
        .iter()
        .find(|(t, _, _)| t == "Health station")
        .expect("station");
    assert_eq!(
        station.1,
        "Weekdays 08:00–16:00; Saturdays closed; Sundays closed; holidays closed"
    );
    assert_eq!(
        station.2,
        vec![("Contact".to_owned(), "Call 09 123".to_owned())]
    );
    let on_call = shown
        .iter()
        .find(|(t, _, _)| t == "On-call unit")
        .expect("on call");
    assert_eq!(on_call.1, "open around the clock");
    // The confused red flag's outcome says what applies when the station is closed.
    let flags = rules(section(&doc, "red-flags"));
    let confused = flags
        .iter()
        .find(|(t, _, _)| t == "Confused?")
        .expect("red flag");
    let closed = confused
        .2
        .iter()
        .find(|(k, _)| k == "When Health station is closed")
        .expect("when closed");
    assert!(
        closed
            .1
            .starts_with("On call, at On-call unit — Go to on-call care."),
        "{}",
        closed.1
    );
}

#[test]
fn against_an_older_version_the_changes_for_callers_and_in_structure_are_in_words() {
    let old = constructs();
    let new = constructs();
    let rash = new.path().join("reasons/03_rash.ron");
    let changed = CONSTRUCTS.replace(r#"Lt("since", Hours(24))"#, r#"Lt("since", Hours(48))"#);
    std::fs::write(&rash, changed).expect("write");
    let doc = Html::parse_document(&handbook(new.path(), Some(old.path()), "en"));
    // In the contents right after how a call goes.
    let toc: Vec<String> = texts(doc.root_element(), "nav.toc > ol > li > a");
    assert_eq!(
        toc[1..3],
        ["What changes for callers", "What changed in structure"]
    );
    let callers = section(&doc, "changes-callers");
    let groups = rules(callers);
    assert!(!groups.is_empty());
    let (title, sentence, facts) = &groups[0];
    assert!(title.starts_with("Rash — "), "{title}");
    assert!(sentence.contains(" → On call, Visit, Doctor"), "{sentence}");
    let before = &facts.iter().find(|(k, _)| k == "Before").expect("before").1;
    assert!(!before.contains("rash_"), "no ids: {before}");
    let example = &facts
        .iter()
        .find(|(k, _)| k == "Example")
        .expect("example")
        .1;
    assert!(example.contains("“Since when?”: "), "{example}");
    let structure = section(&doc, "changes-structure");
    let paras = texts(structure, "p").concat();
    assert!(
        paras.contains("Changed: rule — Spreading [rash_spreading]"),
        "{paras}"
    );
    let cells = texts(structure, "td");
    assert!(
        cells.iter().any(|c| c.contains("less than 2 days")),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c.contains("less than 1 day ")),
        "{cells:?}"
    );
}

#[test]
fn a_text_with_markup_is_shown_never_run() {
    let dir = constructs();
    let rash = dir.path().join("reasons/03_rash.ron");
    let hostile = CONSTRUCTS.replace(
        r#"en: "Rash")"#,
        r#"en: "Rash <script>alert(1)</script><img src=http://x/>")"#,
    );
    std::fs::write(&rash, hostile).expect("write");
    let html = handbook(dir.path(), None, "en");
    let doc = Html::parse_document(&html);
    assert!(doc.select(&sel("script, img")).next().is_none());
    assert!(html.contains("Rash &lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn an_unloadable_guidance_or_an_unwritable_file_is_an_error_not_a_handbook() {
    let out = tempfile::tempdir().expect("temp dir");
    let file = out.path().join("h.html");
    let missing = out.path().join("nothing");
    let (code, _, err) = common::arvio(&[
        "handbook",
        &missing.display().to_string(),
        "-o",
        &file.display().to_string(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(!file.exists());
    let nowhere = out.path().join("no/such/folder/h.html");
    let (code, _, err) = common::arvio(&[
        "handbook",
        HANDBOOK_GUIDANCE,
        "-o",
        &nowhere.display().to_string(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot write the handbook"), "{err}");
}
