//! Statistics over the assessment log, for knowledge-based management ("tiedolla johtaminen")
//! and for rule authors: what was decided, how much was remote, how fast, and where nurses
//! overrode the guidance.
//!
//! [`Stats::compute`] takes records read by [`crate::log::read_dir`] and a filter, and
//! [`Stats::from_log`] streams a log folder one record at a time (memory bounded whatever the
//! log's size); both give plain, sorted data for the GUI's view, JSON, text and a CSV that
//! Finnish spreadsheet software opens as it is, its cells neutralised against formula injection
//! ([`neutralise`]). Every definition is in docs/statistics.md.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::guidance::Guidance;
use crate::log::{self, LogRecord, LogSummary};
use crate::text::Language;

/// The key of "no contact mode", "no professional" and "no listed override category".
pub const NONE_KEY: &str = "-";

/// Which records count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// First day, inclusive, by the record's local finishing date.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// The guidance's name exactly as logged.
    pub guidance_name: Option<String>,
    pub guidance_version: Option<String>,
}

impl Filter {
    pub fn matches(&self, r: &LogRecord) -> bool {
        let day = r.finished.date_naive();
        self.from.is_none_or(|f| day >= f)
            && self.to.is_none_or(|t| day <= t)
            && self
                .guidance_name
                .as_ref()
                .is_none_or(|n| *n == r.guidance.name)
            && self
                .guidance_version
                .as_ref()
                .is_none_or(|v| *v == r.guidance.version)
    }
}

/// `count` of `total`, and the percentage (`None` when `total` is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub count: usize,
    pub total: usize,
    pub percent: Option<f64>,
}

impl Share {
    pub fn new(count: usize, total: usize) -> Self {
        Share {
            count,
            total,
            percent: percent(count, total),
        }
    }
}

fn percent(count: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| count as f64 * 100.0 / total as f64)
}

/// How many records have this id, and their percentage of the section's total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub id: String,
    /// Filled in by [`Stats::label_with`]; `None` when there is no guidance or no such id in it.
    pub label: Option<String>,
    pub count: usize,
    pub percent: Option<f64>,
}

/// Overrides of the calls decided by one rule, or of the calls with one reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverrideRow {
    pub id: String,
    pub label: Option<String>,
    /// Calls this rule won (or that had this reason).
    pub calls: usize,
    pub overridden: usize,
    /// `overridden` of `calls`.
    pub percent: Option<f64>,
    /// Overrides to a less urgent timeframe.
    pub lowers_urgency: usize,
    /// Override categories of these calls; percentages of `overridden`.
    pub categories: Vec<Count>,
}

/// Records per guidance version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuidanceCount {
    pub name: String,
    pub version: String,
    pub hash: String,
    pub count: usize,
}

/// Records finished on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub count: usize,
    pub overridden: usize,
}

/// The figures of one period and guidance. Lists are sorted: counts by count (most first) then
/// id; override rows by overrides (most first), then rate, then id; guidances and days by key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub filter: Filter,
    /// Records that passed the filter.
    pub total: usize,
    /// First and last finishing date among them.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub guidances: Vec<GuidanceCount>,
    /// By the decided timeframe, contact mode and professional; percentages of `total`.
    pub timeframes: Vec<Count>,
    pub modes: Vec<Count>,
    pub professionals: Vec<Count>,
    /// By the decided service ([`NONE_KEY`]: none, or an override); percentages of `total`.
    #[serde(default)]
    pub services: Vec<Count>,
    /// Calls naming the reason; a call may name several, so the percentages may sum over 100.
    pub reasons: Vec<Count>,
    /// Remote proposed contact modes, of records with a proposed contact mode.
    pub remote_proposed: Share,
    /// Remote decided contact modes, of records with a decided contact mode.
    pub remote_chosen: Share,
    /// The guidance's target for the remote share, when given to [`Stats::compute`].
    pub remote_target_percent: Option<f64>,
    /// Decided timeframe's day range max ≤ 3 (or hour range max ≤ 72), of records whose decided
    /// timeframe has days or hours.
    pub within_3_days: Share,
    /// Decided timeframe's day range max ≤ 7, of the same.
    pub within_7_days: Share,
    /// Overridden records, of `total`.
    pub overridden: Share,
    /// Overrides to a less urgent timeframe, of `total`.
    pub lowers_urgency: Share,
    /// Override categories; percentages of `overridden.count`.
    pub override_categories: Vec<Count>,
    pub overrides_by_rule: Vec<OverrideRow>,
    pub overrides_by_reason: Vec<OverrideRow>,
    pub by_date: Vec<DayCount>,
    /// Median call duration (the lower of the two middle ones for an even count).
    pub median_duration_seconds: Option<u64>,
}

#[derive(Default)]
struct Tally {
    calls: usize,
    overridden: usize,
    lowers: usize,
    categories: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, r: &LogRecord) {
        self.calls += 1;
        if r.decision.overridden {
            self.overridden += 1;
            bump(&mut self.categories, category_key(r));
        }
        if r.decision.lowers_urgency {
            self.lowers += 1;
        }
    }

    fn row(self, id: String) -> OverrideRow {
        OverrideRow {
            id,
            label: None,
            calls: self.calls,
            overridden: self.overridden,
            percent: percent(self.overridden, self.calls),
            lowers_urgency: self.lowers,
            categories: counts(self.categories, self.overridden),
        }
    }
}

fn category_key(r: &LogRecord) -> &str {
    key(&r.decision.override_category)
}

fn key(id: &Option<String>) -> &str {
    id.as_deref().unwrap_or(NONE_KEY)
}

/// Adds one to `id`'s count, allocating its key only the first time it is seen.
fn bump(map: &mut BTreeMap<String, usize>, id: &str) {
    match map.get_mut(id) {
        Some(n) => *n += 1,
        None => {
            map.insert(id.to_owned(), 1);
        }
    }
}

/// `id`'s entry, its key allocated only the first time it is seen.
fn entry<'m, V: Default>(map: &'m mut BTreeMap<String, V>, id: &str) -> &'m mut V {
    if !map.contains_key(id) {
        map.insert(id.to_owned(), V::default());
    }
    map.get_mut(id).expect("inserted above")
}

/// Counts sorted by count (most first), then id.
fn counts(map: BTreeMap<String, usize>, total: usize) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(id, count)| Count {
            id,
            label: None,
            count,
            percent: percent(count, total),
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
    v
}

fn override_rows(map: BTreeMap<String, Tally>) -> Vec<OverrideRow> {
    let mut v: Vec<OverrideRow> = map.into_iter().map(|(id, t)| t.row(id)).collect();
    v.sort_by(|a, b| {
        b.overridden
            .cmp(&a.overridden)
            .then_with(|| {
                let rate = |r: &OverrideRow| r.percent.unwrap_or(0.0);
                rate(b).total_cmp(&rate(a))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    v
}

/// The running counts of [`Stats::compute`], one record at a time. Their size grows with the
/// number of distinct ids, days and durations, never with the number of records.
#[derive(Default)]
struct Tallies {
    total: usize,
    /// Records per (name, version, hash); a log has a handful, so a list searched in turn.
    guidances: Vec<((String, String, String), usize)>,
    timeframes: BTreeMap<String, usize>,
    modes: BTreeMap<String, usize>,
    professionals: BTreeMap<String, usize>,
    services: BTreeMap<String, usize>,
    reasons: BTreeMap<String, usize>,
    categories: BTreeMap<String, usize>,
    by_rule: BTreeMap<String, Tally>,
    by_reason: BTreeMap<String, Tally>,
    by_date: BTreeMap<NaiveDate, (usize, usize)>,
    /// Remote among those with a mode: proposed, with a mode proposed, chosen, with one chosen.
    remote: (usize, usize, usize, usize),
    /// Decided within 3 days, within 7, with a day range at all.
    within: (usize, usize, usize),
    overridden: usize,
    lowers: usize,
    /// Calls per duration in seconds, for the median.
    durations: BTreeMap<u64, usize>,
}

impl Tallies {
    fn add(&mut self, r: &LogRecord) {
        let d = &r.decision;
        let g = &r.guidance;
        self.total += 1;
        let stamp = |(k, _): &&mut ((String, String, String), usize)| {
            k.0 == g.name && k.1 == g.version && k.2 == g.hash
        };
        match self.guidances.iter_mut().find(stamp) {
            Some((_, n)) => *n += 1,
            None => self
                .guidances
                .push(((g.name.clone(), g.version.clone(), g.hash.clone()), 1)),
        }
        bump(&mut self.timeframes, &d.disposition.timeframe);
        bump(&mut self.modes, key(&d.disposition.mode));
        bump(&mut self.professionals, key(&d.disposition.professional));
        bump(&mut self.services, key(&d.service));
        for (i, reason) in r.reasons.iter().enumerate() {
            if r.reasons[..i].contains(reason) {
                continue;
            }
            bump(&mut self.reasons, reason);
            entry(&mut self.by_reason, reason).add(r);
        }
        entry(&mut self.by_rule, &r.proposal.rule).add(r);
        if r.proposal.disposition.mode.is_some() {
            self.remote.1 += 1;
            self.remote.0 += usize::from(r.proposal.remote);
        }
        if d.disposition.mode.is_some() {
            self.remote.3 += 1;
            self.remote.2 += usize::from(d.remote);
        }
        // An hour range counts in whole days begun: 72 hours is within 3 days.
        let max_days = d.max_days.or(d.max_hours.map(|h| h.div_ceil(24)));
        if let Some(max) = max_days {
            self.within.2 += 1;
            self.within.0 += usize::from(max <= 3);
            self.within.1 += usize::from(max <= 7);
        }
        let day = self.by_date.entry(r.finished.date_naive()).or_default();
        day.0 += 1;
        if d.overridden {
            self.overridden += 1;
            day.1 += 1;
            bump(&mut self.categories, category_key(r));
        }
        self.lowers += usize::from(d.lowers_urgency);
        *self.durations.entry(r.duration_seconds).or_default() += 1;
    }

    /// The lower of the two middle durations for an even count.
    fn median_duration(&self) -> Option<u64> {
        let middle = self.total.checked_sub(1)? / 2;
        let mut seen = 0;
        self.durations.iter().find_map(|(&seconds, &n)| {
            seen += n;
            (seen > middle).then_some(seconds)
        })
    }

    fn finish(mut self, filter: &Filter, remote_target_percent: Option<f64>) -> Stats {
        let total = self.total;
        let median_duration_seconds = self.median_duration();
        self.guidances.sort();
        let (remote_p, with_mode_p, remote_c, with_mode_c) = self.remote;
        let (within_3, within_7, with_days) = self.within;
        Stats {
            filter: filter.clone(),
            total,
            first: self.by_date.keys().next().copied(),
            last: self.by_date.keys().next_back().copied(),
            guidances: self
                .guidances
                .into_iter()
                .map(|((name, version, hash), count)| GuidanceCount {
                    name,
                    version,
                    hash,
                    count,
                })
                .collect(),
            timeframes: counts(self.timeframes, total),
            modes: counts(self.modes, total),
            professionals: counts(self.professionals, total),
            services: counts(self.services, total),
            reasons: counts(self.reasons, total),
            remote_proposed: Share::new(remote_p, with_mode_p),
            remote_chosen: Share::new(remote_c, with_mode_c),
            remote_target_percent,
            within_3_days: Share::new(within_3, with_days),
            within_7_days: Share::new(within_7, with_days),
            overridden: Share::new(self.overridden, total),
            lowers_urgency: Share::new(self.lowers, total),
            override_categories: counts(self.categories, self.overridden),
            overrides_by_rule: override_rows(self.by_rule),
            overrides_by_reason: override_rows(self.by_reason),
            by_date: self
                .by_date
                .into_iter()
                .map(|(date, (count, overridden))| DayCount {
                    date,
                    count,
                    overridden,
                })
                .collect(),
            median_duration_seconds,
        }
    }
}

impl Stats {
    /// The figures of the records that pass `filter`; `remote_target_percent` is the guidance's
    /// target (it is not in the log), carried through for display.
    pub fn compute<'a>(
        records: impl IntoIterator<Item = &'a LogRecord>,
        filter: &Filter,
        remote_target_percent: Option<f64>,
    ) -> Stats {
        let mut tallies = Tallies::default();
        for r in records.into_iter().filter(|r| filter.matches(r)) {
            tallies.add(r);
        }
        tallies.finish(filter, remote_target_percent)
    }

    /// [`Stats::compute`] over a log folder, streamed: each record is counted as it is read and
    /// then dropped, so memory stays bounded whatever the log's size. Torn lines and errors are
    /// in the [`LogSummary`], as [`log::for_each_record`] gives them.
    pub fn from_log(
        dir: &Path,
        filter: &Filter,
        remote_target_percent: Option<f64>,
    ) -> (Stats, LogSummary) {
        let mut tallies = Tallies::default();
        let summary = log::for_each_record(dir, |r| {
            if filter.matches(&r) {
                tallies.add(&r);
            }
        });
        (tallies.finish(filter, remote_target_percent), summary)
    }

    /// Fills in labels from a guidance, in one language. Ids the guidance does not know (an
    /// older version's, or [`NONE_KEY`]) keep `None`.
    pub fn label_with(&mut self, g: &Guidance, lang: Language) {
        // The guidance's own lookups by id; an id it does not know keeps no label.
        let timeframe = |id: &str| {
            g.timeframe_by_id(id)
                .map(|t| g.timeframe(t).label.get(lang).to_owned())
        };
        let mode = |id: &str| {
            g.mode_by_id(id)
                .map(|m| g.mode(m).label.get(lang).to_owned())
        };
        let professional = |id: &str| {
            g.professional_by_id(id)
                .map(|p| g.professional(p).label.get(lang).to_owned())
        };
        let reason = |id: &str| {
            g.reason_by_id(id)
                .map(|r| g.reason(r).label.get(lang).to_owned())
        };
        let category = |id: &str| {
            g.override_reasons
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.label.get(lang).to_owned())
        };
        let rule = |id: &str| {
            for r in &g.reasons {
                if let Some(rule) = r.rules.iter().find(|x| x.id == id) {
                    return Some(rule.description.get(lang).to_owned());
                }
                if r.fallback_id() == id {
                    return Some(r.label.get(lang).to_owned());
                }
            }
            g.red_flags
                .iter()
                .map(|rf| g.question(rf.question))
                .find(|q| q.id == id)
                .map(|q| q.text.get(lang).to_owned())
        };
        let fill = |list: &mut [Count], f: &dyn Fn(&str) -> Option<String>| {
            for c in list {
                c.label = f(&c.id);
            }
        };
        fill(&mut self.timeframes, &timeframe);
        fill(&mut self.modes, &mode);
        fill(&mut self.professionals, &professional);
        let service = |id: &str| {
            g.service_by_id(id)
                .map(|s| g.service(s).label.get(lang).to_owned())
        };
        fill(&mut self.services, &service);
        fill(&mut self.reasons, &reason);
        fill(&mut self.override_categories, &category);
        for row in &mut self.overrides_by_rule {
            row.label = rule(&row.id);
            fill(&mut row.categories, &category);
        }
        for row in &mut self.overrides_by_reason {
            row.label = reason(&row.id);
            fill(&mut row.categories, &category);
        }
    }

    /// The counts by service, or nothing when no record names one (a log of schema 1, or a
    /// guidance without services), so that the text and the CSV say nothing of services then.
    pub fn services_logged(&self) -> &[Count] {
        if self.services.iter().all(|c| c.id == NONE_KEY) {
            &[]
        } else {
            &self.services
        }
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The rows of the CSV export, header first; see docs/statistics.md.
    pub fn csv_rows(&self) -> Vec<[String; 7]> {
        type Figures = (Option<usize>, Option<usize>, Option<f64>);
        const NO_FIGURES: Figures = (None, None, None);
        let of = |s: &Share| -> Figures { (Some(s.count), Some(s.total), s.percent) };
        let counted =
            |c: &Count, total: usize| -> Figures { (Some(c.count), Some(total), c.percent) };
        let mut rows = vec![CSV_HEADER.map(str::to_owned)];
        let mut push = |section: &str,
                        key: &str,
                        category: &str,
                        label: Option<&str>,
                        (count, total, percent): Figures| {
            rows.push([
                section.to_owned(),
                key.to_owned(),
                category.to_owned(),
                label.unwrap_or_default().to_owned(),
                count.map(|c| c.to_string()).unwrap_or_default(),
                total.map(|t| t.to_string()).unwrap_or_default(),
                percent.map(decimal_comma).unwrap_or_default(),
            ]);
        };
        for (key, date) in [
            ("from", self.filter.from),
            ("to", self.filter.to),
            ("first", self.first),
            ("last", self.last),
        ] {
            let date = date.map(|d| d.to_string());
            push("period", key, "", date.as_deref(), NO_FIGURES);
        }
        push("summary", "calls", "", None, (Some(self.total), None, None));
        push("summary", "overridden", "", None, of(&self.overridden));
        push(
            "summary",
            "lowers_urgency",
            "",
            None,
            of(&self.lowers_urgency),
        );
        let median = self.median_duration_seconds.map(|s| s as usize);
        push(
            "summary",
            "median_duration_seconds",
            "",
            None,
            (median, None, None),
        );
        for g in &self.guidances {
            let share = Share::new(g.count, self.total);
            push("guidance", &g.version, &g.hash, Some(&g.name), of(&share));
        }
        for (section, list) in [
            ("timeframe", &self.timeframes[..]),
            ("mode", &self.modes),
            ("professional", &self.professionals),
            ("service", self.services_logged()),
            ("reason", &self.reasons),
        ] {
            for c in list {
                push(
                    section,
                    &c.id,
                    "",
                    c.label.as_deref(),
                    counted(c, self.total),
                );
            }
        }
        push("remote", "proposed", "", None, of(&self.remote_proposed));
        push("remote", "chosen", "", None, of(&self.remote_chosen));
        let target = (None, None, self.remote_target_percent);
        push("remote", "target", "", None, target);
        push("timely", "within_3_days", "", None, of(&self.within_3_days));
        push("timely", "within_7_days", "", None, of(&self.within_7_days));
        for c in &self.override_categories {
            let figures = counted(c, self.overridden.count);
            push("override_category", &c.id, "", c.label.as_deref(), figures);
        }
        for (section, list) in [
            ("override_rule", &self.overrides_by_rule),
            ("override_reason", &self.overrides_by_reason),
        ] {
            for r in list {
                let figures = (Some(r.overridden), Some(r.calls), r.percent);
                push(section, &r.id, "", r.label.as_deref(), figures);
                for c in &r.categories {
                    let figures = counted(c, r.overridden);
                    push(section, &r.id, &c.id, c.label.as_deref(), figures);
                }
            }
        }
        for d in &self.by_date {
            let figures = (Some(d.count), None, None);
            push("date", &d.date.to_string(), "", None, figures);
        }
        rows
    }

    /// The CSV export: UTF-8 with a byte order mark, `;` between fields, decimal comma, CRLF
    /// line ends, a header row, one long table (`section;key;category;label;count;total;percent`).
    /// The text cells (section, key, category, label) are [`neutralise`]d; the figures are
    /// counts and percentages, never negative, so they never start with `-` and stay numbers.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in self.csv_rows() {
            let [section, key, category, label, count, total, percent] = &row;
            let text = [section, key, category, label].map(|c| neutralise(c));
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(text.iter().map(|c| c.as_ref()).chain([
                count.as_str(),
                total.as_str(),
                percent.as_str(),
            ]));
        }
        let bytes = writer.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }

    /// A plain-text report for terminals.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let date = |d: Option<NaiveDate>| d.map_or("…".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "Period {} – {}: {} calls",
            date(self.filter.from.or(self.first)),
            date(self.filter.to.or(self.last)),
            self.total
        );
        for g in &self.guidances {
            let short = &g.hash[..g.hash.len().min(12)];
            let _ = writeln!(
                out,
                "Guidance {} {} ({short}): {}",
                g.name, g.version, g.count
            );
        }
        let pct = |p: Option<f64>| p.map_or("–".to_owned(), |p| format!("{p:.1} %"));
        let share = |s: &Share| format!("{} of {} ({})", s.count, s.total, pct(s.percent));
        let named = |id: &str, label: &Option<String>| match label {
            Some(l) => format!("{id} ({l})"),
            None => id.to_owned(),
        };
        let mut table = |title: &str, list: &[Count]| {
            let _ = writeln!(out, "\n{title}");
            for c in list {
                let _ = writeln!(
                    out,
                    "  {:>5}  {:>7}  {}",
                    c.count,
                    pct(c.percent),
                    named(&c.id, &c.label)
                );
            }
        };
        table("Timeframe (decided)", &self.timeframes);
        table("Contact mode (decided)", &self.modes);
        table("Professional (decided)", &self.professionals);
        if !self.services_logged().is_empty() {
            table("Service (decided)", self.services_logged());
        }
        table("Reason for contact", &self.reasons);
        let target = self
            .remote_target_percent
            .map(|t| format!(", target {t:.1} %"))
            .unwrap_or_default();
        let _ = writeln!(out, "\nRemote contacts");
        let _ = writeln!(out, "  proposed {}{target}", share(&self.remote_proposed));
        let _ = writeln!(out, "  chosen   {}{target}", share(&self.remote_chosen));
        let _ = writeln!(out, "\nTimely (of calls decided to a timeframe with days)");
        let _ = writeln!(out, "  within 3 days {}", share(&self.within_3_days));
        let _ = writeln!(out, "  within 7 days {}", share(&self.within_7_days));
        let _ = writeln!(out, "\nOverrides");
        let _ = writeln!(out, "  overridden     {}", share(&self.overridden));
        let _ = writeln!(out, "  less urgent    {}", share(&self.lowers_urgency));
        for c in &self.override_categories {
            let _ = writeln!(
                out,
                "  {:>5}  {:>7}  {}",
                c.count,
                pct(c.percent),
                named(&c.id, &c.label)
            );
        }
        for (title, rows) in [
            (
                "Overrides by rule (most overridden first)",
                &self.overrides_by_rule,
            ),
            ("Overrides by reason", &self.overrides_by_reason),
        ] {
            let _ = writeln!(out, "\n{title}");
            for r in rows {
                let cats: Vec<String> = r
                    .categories
                    .iter()
                    .map(|c| format!("{} {}", c.id, c.count))
                    .collect();
                let cats = if cats.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", cats.join(", "))
                };
                let _ = writeln!(
                    out,
                    "  {:>3} of {:>3}  {:>7}  {}{cats}",
                    r.overridden,
                    r.calls,
                    pct(r.percent),
                    named(&r.id, &r.label)
                );
            }
        }
        if let Some(m) = self.median_duration_seconds {
            let _ = writeln!(out, "\nMedian call duration {} min {:02} s", m / 60, m % 60);
        }
        out
    }
}

/// The CSV header.
pub const CSV_HEADER: [&str; 7] = [
    "section", "key", "category", "label", "count", "total", "percent",
];

/// One decimal with a decimal comma, as Finnish spreadsheets read numbers: `33,3`.
pub fn decimal_comma(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// A text cell made safe against CSV (formula) injection, by the method OWASP recommends: a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet (Excel,
/// LibreOffice Calc) would take for the start of a formula and run, gets a leading apostrophe
/// (`'`), so it is shown as the text it is. Every other cell is left as it is. Ids and labels
/// come from the guidance and the log, so an edited guidance or log could otherwise put
/// `=HYPERLINK(…)` or `@SUM(…)` into a manager's spreadsheet. The apostrophe shows in the cell;
/// a reader of the CSV who needs the exact text removes a leading `'` from text cells.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}
