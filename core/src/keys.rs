//! The answer keys: 1 to 5 choose an option, 0 is "Not sure", Enter goes on.
//! One step per physical press, wherever focus is on the question page, on
//! every keyboard layout, but never while the visitor types in a text field
//! or holds Ctrl, Alt or Meta (shortcuts of the browser and the system).

use crate::scoring::Answer;

/// Where a key press happened, as far as the keys care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTarget {
    /// A text field, text area, select or editable element: keys are typing.
    TextEntry,
    /// A button, link or summary: Enter already activates it.
    Activates,
    /// Anything else: the page, a heading, plain text, a radio button.
    Other,
}

/// One `keydown`, as the shell reads it from the `KeyboardEvent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: the character typed (`&` for the 1 key on AZERTY).
    pub key: &'a str,
    /// `KeyboardEvent.code`: the physical key (`Digit1`, `Numpad1`).
    pub code: &'a str,
    /// True for the key's auto-repeat while held down.
    pub repeat: bool,
    /// Ctrl, Alt or Meta held. Shift is not: AZERTY needs it for digits.
    pub command_modifier: bool,
    pub target: KeyTarget,
}

/// What a key press does on a question page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    Choose(Answer),
    Next,
}

/// The action for a key press on a question page, if any; the shell
/// prevents the browser's own handling exactly when this is `Some`.
pub fn action(press: KeyPress<'_>) -> Option<KeyAction> {
    if press.repeat || press.command_modifier || press.target == KeyTarget::TextEntry {
        return None;
    }
    if press.key == "Enter" || press.code == "Enter" || press.code == "NumpadEnter" {
        return (press.target != KeyTarget::Activates).then_some(KeyAction::Next);
    }
    digit(press.code)
        .or_else(|| digit_key(press.key))
        .and_then(|digit| match digit {
            0 => Some(KeyAction::Choose(Answer::NotSure)),
            1..=5 => Some(KeyAction::Choose(Answer::Choice(digit - 1))),
            _ => None,
        })
}

/// The digit of a physical digit key on the top row or the number pad.
fn digit(code: &str) -> Option<u8> {
    let rest = code
        .strip_prefix("Digit")
        .or_else(|| code.strip_prefix("Numpad"))?;
    match rest.as_bytes() {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

/// The digit a key types, for keyboards whose `code` says nothing useful.
fn digit_key(key: &str) -> Option<u8> {
    match key.as_bytes() {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, code: &str) -> KeyPress<'static> {
        KeyPress {
            key: Box::leak(key.to_string().into_boxed_str()),
            code: Box::leak(code.to_string().into_boxed_str()),
            repeat: false,
            command_modifier: false,
            target: KeyTarget::Other,
        }
    }

    #[test]
    fn digits_choose_on_every_layout_and_on_the_number_pad() {
        let cases = [
            (
                press("1", "Digit1"),
                Some(KeyAction::Choose(Answer::Choice(0))),
            ),
            (
                press("5", "Digit5"),
                Some(KeyAction::Choose(Answer::Choice(4))),
            ),
            (
                press("0", "Digit0"),
                Some(KeyAction::Choose(Answer::NotSure)),
            ),
            // AZERTY, without Shift: & é " ' ( on the top row, à on 0.
            (
                press("&", "Digit1"),
                Some(KeyAction::Choose(Answer::Choice(0))),
            ),
            (
                press("é", "Digit2"),
                Some(KeyAction::Choose(Answer::Choice(1))),
            ),
            (
                press("\"", "Digit3"),
                Some(KeyAction::Choose(Answer::Choice(2))),
            ),
            (
                press("'", "Digit4"),
                Some(KeyAction::Choose(Answer::Choice(3))),
            ),
            (
                press("(", "Digit5"),
                Some(KeyAction::Choose(Answer::Choice(4))),
            ),
            (
                press("à", "Digit0"),
                Some(KeyAction::Choose(Answer::NotSure)),
            ),
            (
                press("3", "Numpad3"),
                Some(KeyAction::Choose(Answer::Choice(2))),
            ),
            (
                press("0", "Numpad0"),
                Some(KeyAction::Choose(Answer::NotSure)),
            ),
            // A key without a useful code (some virtual keyboards).
            (press("4", ""), Some(KeyAction::Choose(Answer::Choice(3)))),
            (press("6", "Digit6"), None),
            (press("9", "Numpad9"), None),
            (press("a", "KeyA"), None),
            (press("Enter", "Enter"), Some(KeyAction::Next)),
            (press("Enter", "NumpadEnter"), Some(KeyAction::Next)),
        ];
        for (press, expected) in cases {
            assert_eq!(action(press), expected, "{press:?}");
        }
    }

    #[test]
    fn a_held_key_acts_once() {
        let mut held = press("Enter", "Enter");
        assert_eq!(action(held), Some(KeyAction::Next));
        held.repeat = true;
        assert_eq!(action(held), None);
        let mut digit = press("3", "Digit3");
        digit.repeat = true;
        assert_eq!(action(digit), None);
    }

    #[test]
    fn typing_and_shortcuts_are_left_alone() {
        let mut typed = press("3", "Digit3");
        typed.target = KeyTarget::TextEntry;
        assert_eq!(action(typed), None);
        let mut enter = press("Enter", "Enter");
        enter.target = KeyTarget::TextEntry;
        assert_eq!(action(enter), None);
        let mut shortcut = press("1", "Digit1");
        shortcut.command_modifier = true;
        assert_eq!(action(shortcut), None);
    }

    #[test]
    fn enter_on_a_button_or_link_is_the_button_s_own() {
        let mut on_button = press("Enter", "Enter");
        on_button.target = KeyTarget::Activates;
        assert_eq!(action(on_button), None);
        let mut digit_on_button = press("2", "Digit2");
        digit_on_button.target = KeyTarget::Activates;
        assert_eq!(
            action(digit_on_button),
            Some(KeyAction::Choose(Answer::Choice(1)))
        );
    }
}
