//! A population: counts per slot, with a list of the slots in use at each location.

/// Counts of customers per slot (see [`super::layout::Layout`]).
#[derive(Clone, Debug)]
pub struct Pop {
    counts: Vec<f64>,
    listed: Vec<bool>,
    lists: Vec<Vec<u32>>,
    /// Whether each location's list is known to be in ascending order.
    sorted: Vec<bool>,
}

impl Pop {
    /// An empty population with `slots` slots over `locations` locations.
    pub fn new(slots: usize, locations: usize) -> Self {
        Pop {
            counts: vec![0.0; slots],
            listed: vec![false; slots],
            lists: vec![Vec::new(); locations],
            sorted: vec![true; locations],
        }
    }

    /// Adds `n` customers to `slot` at location `loc`.
    pub fn add(&mut self, slot: usize, loc: usize, n: f64) {
        if n == 0.0 {
            return;
        }
        if !self.listed[slot] {
            self.listed[slot] = true;
            self.lists[loc].push(slot as u32);
            self.sorted[loc] = false;
        }
        self.counts[slot] += n;
    }

    /// Removes `n` customers from `slot` (which must hold them).
    pub fn remove(&mut self, slot: usize, n: f64) {
        self.counts[slot] -= n;
    }

    /// Customers in `slot`.
    pub fn count(&self, slot: usize) -> f64 {
        self.counts[slot]
    }

    /// The slots in use at `loc`, in ascending order, copied into `out`.
    pub fn slots_at(&mut self, loc: usize, out: &mut Vec<u32>) {
        if !self.sorted[loc] {
            self.lists[loc].sort_unstable();
            self.sorted[loc] = true;
        }
        out.clear();
        out.extend_from_slice(&self.lists[loc]);
    }

    /// Customers at `loc`.
    pub fn total_at(&self, loc: usize) -> f64 {
        self.lists[loc]
            .iter()
            .map(|&s| self.counts[s as usize])
            .sum()
    }

    /// Empties the population.
    pub fn clear(&mut self) {
        for list in &mut self.lists {
            for &s in list.iter() {
                self.counts[s as usize] = 0.0;
                self.listed[s as usize] = false;
            }
            list.clear();
        }
        self.sorted.fill(true);
    }
}
