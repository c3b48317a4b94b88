//! The kind of place a scenario happens in, read from its `setting` text, so that
//! each kind can have its own colour and icon.

/// Where care happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettingKind {
    /// A visit to someone's own home.
    HomeCare,
    /// A care home or nursing home.
    Residential,
    /// A flat or shared house with support.
    SupportedLiving,
    /// A ward, or a discharge from one.
    Hospital,
    /// A day centre or out and about.
    Community,
}

impl SettingKind {
    /// Reads the kind from an author's setting text ("Hospital discharge to home care"
    /// is a hospital setting: the first match in this order wins).
    pub fn of(setting: &str) -> SettingKind {
        let s = setting.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
        if has(&["hospital", "hospice", "ward", "discharge", "clinic"]) {
            SettingKind::Hospital
        } else if has(&["supported living", "supported-living", "shared house"]) {
            SettingKind::SupportedLiving
        } else if has(&["residential", "care home", "nursing home"]) {
            SettingKind::Residential
        } else if has(&["day centre", "community", "school", "town", "club"]) {
            SettingKind::Community
        } else {
            SettingKind::HomeCare
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SettingKind::HomeCare => "Home care",
            SettingKind::Residential => "Residential",
            SettingKind::SupportedLiving => "Supported living",
            SettingKind::Hospital => "Hospital",
            SettingKind::Community => "Community",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SettingKind::*;
    use super::*;

    #[test]
    fn kinds_from_authors_words() {
        for (text, kind) in [
            ("Home care visit", HomeCare),
            ("Residential home", Residential),
            ("Supported living flat", SupportedLiving),
            ("Hospital discharge to home care", Hospital),
            ("Surgical ward", Hospital),
            ("Day centre for older people", Community),
            ("Community: your own phone and the school gate", Community),
        ] {
            assert_eq!(SettingKind::of(text), kind, "{text}");
        }
    }
}
