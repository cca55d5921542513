//! Tests of the summary: bands computed on several threads equal those computed on one.

use super::*;
use crate::sim::templates::default_scenario;
use crate::sim::Simulation;

#[test]
fn bands_on_several_threads_equal_bands_on_one() {
    let mut s = default_scenario();
    s.meta.runs = 300;
    s.meta.horizon = 12;
    let sim = Simulation::new(&s).expect("valid");
    let batches: Vec<_> = (0..sim.batches()).map(|b| sim.run_batch(b)).collect();
    let records: Vec<&RunRecord> = batches.iter().flat_map(|b| &b.records).collect();
    let columns: Vec<Column> = (0..SERIES.len())
        .map(Column::Series)
        .chain((0..s.stages.len()).map(Column::Stage))
        .collect();
    let one = bands_on(&records, &columns, None, 1);
    assert_eq!(one.len(), columns.len());
    for threads in [2, 3, 16] {
        assert_eq!(
            bands_on(&records, &columns, None, threads),
            one,
            "{threads} threads"
        );
    }
}
