//! The fixed sets of names a simulation reports: per-run figures ([`Kpi`]), per-period series
//! ([`Series`]) and drop-off causes ([`Cause`]).
//!
//! Each variant's discriminant is its storage index in a [`crate::sim::RunRecord`] (and the column
//! order of per-run exports); its name, the same for `Display`, `FromStr` and serde, is the key in
//! summary JSON, exports and links. Variants are ordered by name, as the string keys were before, so
//! a `BTreeMap` keyed by them writes its JSON keys in the same order. Such maps are looked up by the
//! enum (`kpis[&Kpi::Roi]`); a name from outside (a link, a select box) is parsed with `FromStr` first.

use std::fmt;

/// A name that is not one of a fixed set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    /// What the set is called in messages ("figure", "series", "cause").
    pub set: &'static str,
    /// The name given.
    pub name: String,
    /// The names of the set, in storage order.
    pub choices: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}'; choose one of: {}",
            self.set,
            self.name,
            self.choices.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// Defines a fixed set of names: the enum (discriminants in storage order, serde names in
/// snake_case), `ALL`, `NAMES`, `name`, `index`, `Display`, `FromStr` and name order.
/// Also used outside the engine (`crate::sim::names::names!`), e.g. for the charts of embed links.
macro_rules! names {
    ($(#[$doc:meta])* $t:ident, $set:literal, $all:literal {
        $($(#[$vdoc:meta])* $v:ident = $name:literal,)*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $t {
            $($(#[$vdoc])* $v,)*
        }

        impl $t {
            /// Every variant, in storage order.
            pub const ALL: [$t; $all] = [$($t::$v,)*];
            /// Every name, in storage order.
            pub const NAMES: [&'static str; $all] = [$($name,)*];

            /// The name (the key in JSON, exports and links).
            pub fn name(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// The storage index.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for $t {
            type Err = $crate::sim::names::UnknownName;
            fn from_str(s: &str) -> Result<Self, $crate::sim::names::UnknownName> {
                Self::ALL
                    .into_iter()
                    .find(|v| v.name() == s)
                    .ok_or_else(|| $crate::sim::names::UnknownName {
                        set: $set,
                        name: s.to_string(),
                        choices: &Self::NAMES,
                    })
            }
        }

        impl Ord for $t {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                self.name().cmp(other.name())
            }
        }

        impl PartialOrd for $t {
            fn partial_cmp(&self, other: &Self) -> Option<::std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
    };
}

pub(crate) use names;

names! {
    /// A per-run figure.
    Kpi, "figure", 9 {
        /// Customers who made a first purchase within the horizon.
        Purchased = "purchased",
        /// Active customers (including advocates) at the horizon.
        RetainedAtHorizon = "retained_at_horizon",
        /// Advocates at the horizon.
        AdvocatesAtHorizon = "advocates_at_horizon",
        /// First purchases by referred customers.
        ReferredCustomers = "referred_customers",
        /// Referred customers / customers acquired otherwise.
        ViralCoefficient = "viral_coefficient",
        /// Present value of revenue.
        Revenue = "revenue",
        /// Present value of gross margin minus costs.
        Profit = "profit",
        /// Present value of gross margin per purchasing customer.
        Clv = "clv",
        /// Profit / present value of costs.
        Roi = "roi",
    }
}

impl Kpi {
    /// Whether the figure is linear in the population, so that its exact expectation exists.
    pub fn is_linear(self) -> bool {
        !matches!(self, Kpi::ViralCoefficient | Kpi::Clv | Kpi::Roi)
    }
}

names! {
    /// A per-period series.
    Series, "series", 10 {
        /// Active customers (including advocates) at the end of the period.
        Active = "active",
        /// Advocates at the end of the period.
        Advocates = "advocates",
        /// First purchases in the period.
        NewCustomers = "new_customers",
        /// Referred prospects accepted in the period (they enter the journey next period).
        Referrals = "referrals",
        /// Revenue in the period.
        Revenue = "revenue",
        /// Prospects anywhere in the funnel at the end of the period.
        Prospects = "prospects",
        /// Acquisition cost plus referral rewards in the period.
        Cost = "cost",
        /// Gross margin minus cost in the period.
        Profit = "profit",
        /// Everyone who has entered the journey so far (cumulative).
        Entered = "entered",
        /// Everyone who has left so far, for any reason (cumulative).
        Left = "left",
    }
}

names! {
    /// Why customers left a location.
    Cause, "cause", 4 {
        /// Dropped off a funnel stage without converting.
        NoConversion = "no_conversion",
        /// Churned after purchase (base churn).
        Churn = "churn",
        /// Left at once after a poor experience.
        PainAbandon = "pain_abandon",
        /// Had more poor experiences than they tolerate.
        ToleranceExceeded = "tolerance_exceeded",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn check<T>(all: &[T], names: &[&str])
    where
        T: Copy + fmt::Display + FromStr + serde::Serialize + PartialEq + fmt::Debug,
        <T as FromStr>::Err: fmt::Debug,
    {
        for (v, name) in all.iter().zip(names) {
            assert_eq!(v.to_string(), *name);
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{name}\""));
            assert_eq!(name.parse::<T>().unwrap(), *v);
        }
    }

    #[test]
    fn display_serde_and_parse_agree() {
        check(&Kpi::ALL, &Kpi::NAMES);
        check(&Series::ALL, &Series::NAMES);
        check(&Cause::ALL, &Cause::NAMES);
        assert!(Kpi::ALL.iter().enumerate().all(|(i, k)| k.index() == i));
    }

    #[test]
    fn unknown_names_list_the_choices() {
        let e = "sales".parse::<Kpi>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown figure 'sales'; choose one of: purchased, retained_at_horizon, \
             advocates_at_horizon, referred_customers, viral_coefficient, revenue, profit, clv, roi"
        );
    }

    #[test]
    fn maps_keep_name_order() {
        let m: std::collections::BTreeMap<Kpi, u8> = Kpi::ALL.iter().map(|&k| (k, 0)).collect();
        let keys: Vec<&str> = m.keys().map(|k| k.name()).collect();
        let mut sorted = Kpi::NAMES.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        assert_eq!(m.get(&Kpi::Roi), Some(&0));
    }
}
