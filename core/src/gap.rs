//! Two partners' results side by side: where they see their alliance most
//! differently comes first, because that is where the conversation should start.

use crate::scoring::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Index into `Quiz::dimensions`.
    pub dimension: usize,
    pub first: Option<u8>,
    pub second: Option<u8>,
    /// Absolute difference; `None` when either side did not assess it.
    pub gap: Option<u8>,
}

/// Every dimension, largest gap first; ties keep content order, and
/// dimensions one side did not assess come last.
pub fn gaps(first: &Report, second: &Report) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = first
        .dimensions
        .iter()
        .zip(&second.dimensions)
        .map(|(a, b)| Gap {
            dimension: a.dimension,
            first: a.score,
            second: b.score,
            gap: a.score.zip(b.score).map(|(x, y)| x.abs_diff(y)),
        })
        .collect();
    tiny_sort::stable::sort_by_key(&mut gaps, |g| {
        std::cmp::Reverse(g.gap.map_or(-1, i16::from))
    });
    gaps
}
