//! Quantities with units: an age (`Months(3)`) or a duration (`Hours(24)`), converted exactly.
//!
//! 1 year = 12 months = 365.25 days, 1 week = 7 days, 1 day = 24 hours. Every conversion goes
//! through hours, in which every whole number of any unit is exact in `f64` (a month is 730.5 h),
//! so comparing in hours gives the same answer as comparing in days.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A unit of an age or a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unit {
    Years,
    Months,
    Weeks,
    Days,
    Hours,
}

impl Unit {
    /// Largest first, as the readable form of an amount picks them.
    pub const ALL: [Unit; 5] = [
        Unit::Years,
        Unit::Months,
        Unit::Weeks,
        Unit::Days,
        Unit::Hours,
    ];

    /// How many hours one of this unit is.
    pub fn hours(self) -> f64 {
        match self {
            Unit::Years => 8766.0,
            Unit::Months => 730.5,
            Unit::Weeks => 168.0,
            Unit::Days => 24.0,
            Unit::Hours => 1.0,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Years => "Years",
            Unit::Months => "Months",
            Unit::Weeks => "Weeks",
            Unit::Days => "Days",
            Unit::Hours => "Hours",
        }
    }
}

/// An amount in a unit, written as in the files: `Years(65)`, `Months(3)`, `Hours(6)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Quantity {
    Years(f64),
    Months(f64),
    Weeks(f64),
    Days(f64),
    Hours(f64),
}

impl Quantity {
    pub fn new(amount: f64, unit: Unit) -> Quantity {
        match unit {
            Unit::Years => Quantity::Years(amount),
            Unit::Months => Quantity::Months(amount),
            Unit::Weeks => Quantity::Weeks(amount),
            Unit::Days => Quantity::Days(amount),
            Unit::Hours => Quantity::Hours(amount),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Quantity::Years(_) => Unit::Years,
            Quantity::Months(_) => Unit::Months,
            Quantity::Weeks(_) => Unit::Weeks,
            Quantity::Days(_) => Unit::Days,
            Quantity::Hours(_) => Unit::Hours,
        }
    }

    pub fn amount(self) -> f64 {
        match self {
            Quantity::Years(x)
            | Quantity::Months(x)
            | Quantity::Weeks(x)
            | Quantity::Days(x)
            | Quantity::Hours(x) => x,
        }
    }

    /// The amount in hours, the unit every comparison uses.
    pub fn hours(self) -> f64 {
        self.amount() * self.unit().hours()
    }

    /// The amount in `unit` (exact when it is a whole number of it).
    pub fn in_unit(self, unit: Unit) -> f64 {
        self.hours() / unit.hours()
    }

    /// `hours` in the largest of `units` that holds it as a whole number (else the smallest).
    pub fn readable(hours: f64, units: &[Unit]) -> Quantity {
        let mut sorted: Vec<Unit> = units.to_vec();
        sorted.sort();
        for &u in &sorted {
            let x = hours / u.hours();
            if x.fract() == 0.0 {
                return Quantity::new(x, u);
            }
        }
        let smallest = sorted.last().copied().unwrap_or(Unit::Hours);
        Quantity::new(hours / smallest.hours(), smallest)
    }
}

impl Quantity {
    /// `hours` as an author would write it: whole in one of `units` if it can be, else whole in
    /// any unit, else in hours.
    pub fn written(hours: f64, units: &[Unit]) -> Quantity {
        let q = Quantity::readable(hours, units);
        if q.amount().fract() == 0.0 {
            q
        } else {
            Quantity::readable(hours, &Unit::ALL)
        }
    }
}

/// `Months(3)`, as in the files.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.unit().name(), self.amount())
    }
}

/// Whether `x` has more digits after the decimal point than `decimals` allows.
pub fn exceeds_decimals(x: f64, decimals: u8) -> bool {
    let scaled = x * 10f64.powi(i32::from(decimals));
    (scaled - scaled.round()).abs() > 1e-9 * scaled.abs().max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_is_exact_and_linear() {
        assert_eq!(Quantity::Years(1.0).hours(), Quantity::Months(12.0).hours());
        assert_eq!(Quantity::Years(1.0).in_unit(Unit::Days), 365.25);
        assert_eq!(Quantity::Weeks(1.0).in_unit(Unit::Days), 7.0);
        assert_eq!(Quantity::Days(1.0).hours(), 24.0);
        assert_eq!(Quantity::Months(18.0).in_unit(Unit::Years), 1.5);
        assert_eq!(
            Quantity::readable(Quantity::Months(3.0).hours(), &Unit::ALL),
            Quantity::Months(3.0)
        );
        assert_eq!(
            Quantity::readable(Quantity::Years(65.0).hours(), &Unit::ALL),
            Quantity::Years(65.0)
        );
    }

    #[test]
    fn decimals() {
        assert!(exceeds_decimals(11.6, 0));
        assert!(!exceeds_decimals(12.0, 0));
        assert!(!exceeds_decimals(37.5, 1));
        assert!(exceeds_decimals(37.55, 1));
        assert!(!exceeds_decimals(0.1 + 0.2, 1));
    }
}
