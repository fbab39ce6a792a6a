//! Light and dark: which palette the page shows. A visitor chooses one in
//! the header's switch (saved in [`crate::storage::Settings::theme`]); a host
//! page chooses for its widget (`data-theme`, [`crate::embed::Theme`]), and
//! inside a widget the host's choice wins. index.html's first script applies
//! the same rule before the first paint (docs/architecture.md#themes).

use crate::embed;

/// A palette, or none: [`Theme::System`] follows the browser's
/// `prefers-color-scheme`, the other two force theirs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// In the order the switch offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// A value of [`crate::storage::Settings::theme`]: `system`, `light` or
    /// `dark`; anything else (a later build's value, say) is `None`.
    pub fn from_setting(value: &str) -> Option<Theme> {
        match value {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// What [`Theme::from_setting`] reads; also the switch's option values.
    pub fn as_setting(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The class on `<html>` that forces a palette (styles/app.css); `None`
    /// leaves it to the media query.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("theme-light"),
            Theme::Dark => Some("theme-dark"),
        }
    }
}

impl From<embed::Theme> for Theme {
    fn from(theme: embed::Theme) -> Theme {
        match theme {
            embed::Theme::Light => Theme::Light,
            embed::Theme::Dark => Theme::Dark,
            embed::Theme::Auto => Theme::System,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_unknown_values_are_none() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_setting(theme.as_setting()), Some(theme));
        }
        for other in ["", "auto", "Dark", "sepia"] {
            assert_eq!(Theme::from_setting(other), None);
        }
    }

    #[test]
    fn only_a_forced_palette_has_a_class() {
        assert_eq!(Theme::System.class(), None);
        assert_eq!(Theme::Light.class(), Some("theme-light"));
        assert_eq!(Theme::Dark.class(), Some("theme-dark"));
        assert_eq!(Theme::from(embed::Theme::Auto), Theme::System);
        assert_eq!(Theme::from(embed::Theme::Dark), Theme::Dark);
    }
}
