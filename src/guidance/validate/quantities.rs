//! Quantities: the Age and Duration kinds (units, range), and every threshold a comparison
//! writes — a plain number on a Number question (within its decimals), a quantity with a unit
//! of the kind on an Age or Duration question (whole where the question is whole), each within
//! the question's range. Every refusal says what to write instead.

use crate::diagnostic::Code;
use crate::guidance::model::{CmpOp, FileId, NumberSpec, QuantitySpec, QuestionKind, Test};
use crate::guidance::raw::{RawThreshold, Str};
use crate::guidance::validate::validator::Validator;
use crate::msg;
use crate::quantity::{Quantity, Unit, exceeds_decimals};

/// The units an age can be entered in; a duration may use every unit.
pub(super) const AGE_UNITS: [Unit; 4] = [Unit::Years, Unit::Months, Unit::Weeks, Unit::Days];

/// A comparison as written, before its threshold is checked against the question.
#[derive(Clone, Copy)]
pub(super) enum Comparison {
    Cmp(CmpOp, RawThreshold),
    Between(RawThreshold, RawThreshold),
}

fn unit_names(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| u.name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Validator {
    pub(super) fn age_spec(
        &mut self,
        file: FileId,
        id: &Str,
        (min, max): (Option<Quantity>, Option<Quantity>),
        units: &[Unit],
    ) -> QuantitySpec {
        let min = min.unwrap_or(Quantity::Days(0.0));
        let max = max.unwrap_or(Quantity::Years(120.0));
        let spec = self.quantity_spec(file, id, units, &AGE_UNITS, (min, max), 0);
        for q in [min, max] {
            self.unit_of_kind(file, id, q.unit(), &AGE_UNITS, false);
        }
        spec
    }

    pub(super) fn duration_spec(
        &mut self,
        file: FileId,
        id: &Str,
        units: &[Unit],
        max: Option<Quantity>,
        decimals: u8,
    ) -> QuantitySpec {
        let max = max.unwrap_or(Quantity::Years(120.0));
        if decimals > 6 {
            self.err(
                file,
                id.pos,
                Code::OutOfRange,
                msg!(ValidateTooManyDecimals, id.value, decimals),
            );
        }
        let bounds = (Quantity::Hours(0.0), max);
        self.quantity_spec(file, id, units, &Unit::ALL, bounds, decimals.min(6))
    }

    fn quantity_spec(
        &mut self,
        file: FileId,
        id: &Str,
        units: &[Unit],
        of_kind: &[Unit],
        (min, max): (Quantity, Quantity),
        decimals: u8,
    ) -> QuantitySpec {
        let is_age = of_kind.len() == AGE_UNITS.len();
        if units.is_empty() {
            let example = if is_age {
                "Years, Months, Days"
            } else {
                "Hours, Days, Weeks"
            };
            self.err(
                file,
                id.pos,
                Code::Invalid,
                msg!(QuantityNoUnits, id.value, example),
            );
        }
        for &u in units {
            self.unit_of_kind(file, id, u, of_kind, is_age);
        }
        let (lo, hi) = (min.hours(), max.hours());
        if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && lo < hi) {
            self.err(
                file,
                id.pos,
                Code::Invalid,
                msg!(QuantityRange, id.value, min, max),
            );
        }
        let mut sorted: Vec<Unit> = units
            .iter()
            .copied()
            .filter(|u| of_kind.contains(u))
            .collect();
        sorted.sort();
        sorted.dedup();
        QuantitySpec {
            units: sorted,
            min: lo,
            max: hi,
            decimals,
        }
    }

    /// Refuses a unit the kind cannot have (Hours on an age).
    fn unit_of_kind(&mut self, file: FileId, id: &Str, u: Unit, of_kind: &[Unit], is_age: bool) {
        if !of_kind.contains(&u) {
            let what = if is_age { msg!(AnAge) } else { msg!(ADuration) };
            self.err(
                file,
                id.pos,
                Code::WrongKind,
                msg!(UnitNotOfKind, u.name(), id.value, what, unit_names(of_kind)),
            );
        }
    }

    /// A comparison's test, its thresholds checked against the question's kind; `None` after
    /// reporting why not.
    pub(super) fn threshold_test(
        &mut self,
        file: FileId,
        q: &Str,
        cmp: Comparison,
        kind: &QuestionKind,
    ) -> Option<Test> {
        let (a, b) = match cmp {
            Comparison::Cmp(_, x) => (x, None),
            Comparison::Between(x, y) => (x, Some(y)),
        };
        let check = |v: &mut Validator, t: RawThreshold| match kind {
            QuestionKind::Number(spec) => v.plain_threshold(file, q, t, spec),
            QuestionKind::Age(spec) => v.quantity_threshold(file, q, t, spec, &AGE_UNITS),
            QuestionKind::Duration(spec) => v.quantity_threshold(file, q, t, spec, &Unit::ALL),
            _ => None,
        };
        let x = check(self, a)?;
        let test = match (cmp, b) {
            (Comparison::Cmp(op, _), _) => Test::Cmp(op, x),
            (_, Some(b)) => Test::Between(x, check(self, b)?),
            (Comparison::Between(..), None) => return None,
        };
        if let Test::Between(lo, hi) = test
            && lo > hi
        {
            let show = |t: RawThreshold| match t {
                RawThreshold::Plain(x) => x.to_string(),
                RawThreshold::Quantity(q) => q.to_string(),
            };
            self.err(
                file,
                q.pos,
                Code::Invalid,
                msg!(ValidateBetweenOrder, q.value, show(a), show(b.unwrap_or(a))),
            );
            return None;
        }
        Some(test)
    }

    fn plain_threshold(
        &mut self,
        file: FileId,
        q: &Str,
        t: RawThreshold,
        spec: &NumberSpec,
    ) -> Option<f64> {
        let x = match t {
            RawThreshold::Plain(x) => x,
            RawThreshold::Quantity(quantity) => {
                let message = msg!(QuantityOnNumber, q.value, quantity.amount(), quantity);
                self.err(file, q.pos, Code::WrongKind, message);
                return None;
            }
        };
        if !x.is_finite() || x < spec.min || x > spec.max {
            self.err(
                file,
                q.pos,
                Code::OutOfRange,
                msg!(OutsideRange, x, spec.min, spec.max, q.value),
            );
            return None;
        }
        if exceeds_decimals(x, spec.decimals) {
            let scale = 10f64.powi(i32::from(spec.decimals));
            let rounded = (x * scale).round() / scale;
            let message = msg!(ThresholdDecimals, x, q.value, spec.decimals, rounded);
            self.err(file, q.pos, Code::Invalid, message);
            return None;
        }
        Some(x)
    }

    /// A quantity threshold in hours.
    fn quantity_threshold(
        &mut self,
        file: FileId,
        q: &Str,
        t: RawThreshold,
        spec: &QuantitySpec,
        of_kind: &[Unit],
    ) -> Option<f64> {
        let is_age = of_kind.len() == AGE_UNITS.len();
        let quantity = match t {
            RawThreshold::Quantity(quantity) => quantity,
            RawThreshold::Plain(x) => {
                let unit = spec.units.first().copied().unwrap_or(Unit::Years);
                let example = Quantity::new(x, unit);
                let what = if is_age { msg!(AnAge) } else { msg!(ADuration) };
                let message = msg!(PlainOnQuantity, q.value, what, example, x);
                self.err(file, q.pos, Code::WrongKind, message);
                return None;
            }
        };
        if !of_kind.contains(&quantity.unit()) {
            let what = if is_age { msg!(AnAge) } else { msg!(ADuration) };
            let message = msg!(
                UnitNotOfKind,
                quantity.unit().name(),
                q.value,
                what,
                unit_names(of_kind)
            );
            self.err(file, q.pos, Code::WrongKind, message);
            return None;
        }
        let hours = quantity.hours();
        if !hours.is_finite() || hours < spec.min || hours > spec.max {
            let units = if spec.units.is_empty() {
                of_kind
            } else {
                &spec.units
            };
            let lo = Quantity::readable(spec.min, units);
            let hi = Quantity::readable(spec.max, units);
            let message = msg!(QuantityOutOfRange, quantity, q.value, lo, hi);
            self.err(file, q.pos, Code::OutOfRange, message);
            return None;
        }
        if exceeds_decimals(quantity.amount(), spec.decimals) {
            let instead = self.whole_instead(hours, spec, of_kind);
            let message = if spec.decimals == 0 {
                msg!(ThresholdFraction, quantity, q.value, instead)
            } else {
                msg!(ThresholdDecimals, quantity, q.value, spec.decimals, instead)
            };
            self.err(file, q.pos, Code::Invalid, message);
            return None;
        }
        Some(hours)
    }

    /// The same amount written whole, in the largest unit that holds it (the question's units
    /// first); failing that, rounded in the smallest unit of the kind.
    fn whole_instead(&self, hours: f64, spec: &QuantitySpec, of_kind: &[Unit]) -> Quantity {
        for units in [&spec.units[..], of_kind] {
            let q = Quantity::readable(hours, units);
            if !exceeds_decimals(q.amount(), spec.decimals) {
                return q;
            }
        }
        let smallest = of_kind.last().copied().unwrap_or(Unit::Hours);
        Quantity::new((hours / smallest.hours()).round(), smallest)
    }
}
