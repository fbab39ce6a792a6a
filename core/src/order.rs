//! A stable sort for the few short lists the quiz orders (nine dimensions,
//! a handful of gaps). The standard library's stable sort is fast on long
//! inputs but adds several kilobytes of wasm for every element type it is
//! used with; an insertion sort is a few hundred bytes and just as quick here.

/// Sorts `items` by `key`, keeping the original order among equal keys.
pub fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
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
    }
}
