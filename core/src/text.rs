//! Filling `{name}` placeholders in interface texts.

/// Replaces each `{name}` in `template` with its value. Unknown placeholders
/// stay as written, so a translator's typo shows on screen instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut result = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        result.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => result.push_str(value),
                    None => {
                        result.push('{');
                        result.push_str(name);
                        result.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                result.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    result.push_str(rest);
    result
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "3"), ("total", "30")]),
            "Question 3 of 30"
        );
        assert_eq!(fill("{missing} and {n}", &[("n", "1")]), "{missing} and 1");
        assert_eq!(fill("unclosed {n", &[("n", "1")]), "unclosed {n");
        assert_eq!(fill("", &[]), "");
    }
}
