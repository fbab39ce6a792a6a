//! Ordering for the short lists the quiz keeps (nine dimensions, a handful
//! of gaps, thirty answers, a visitor's attempts). The standard library's
//! stable sort is fast on long inputs but adds several kilobytes of wasm for
//! every element type it is used with, and collecting into a `BTreeMap`
//! sorts too; an insertion sort is a few hundred bytes and just as quick
//! here (lists arrive sorted or nearly so).

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `items` by `key`, keeping the original order among equal keys.
pub fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    stable_sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, keeping the original order among equal items.
pub fn stable_sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// A map of `pairs`, the last value kept for a repeated key (as `collect`
/// keeps it), built by inserting rather than by sorting the pairs first.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in prop::collection::vec((0u8..5, any::<u16>()), 0..40)) {
            let mut ours = items.clone();
            let mut standard = items;
            stable_sort_by_key(&mut ours, |(key, _)| *key);
            standard.sort_by_key(|(key, _)| *key);
            prop_assert_eq!(ours, standard);
        }

        #[test]
        fn a_map_of_pairs_is_what_collect_makes(pairs in prop::collection::vec((0u8..8, any::<u16>()), 0..40)) {
            let collected: BTreeMap<u8, u16> = pairs.iter().copied().collect();
            prop_assert_eq!(map_of(pairs), collected);
        }
    }
}
