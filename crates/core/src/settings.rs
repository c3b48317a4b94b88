//! The player's settings, kept between runs in `settings.ron` in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::atomic::write_atomic;
use crate::files::{NoDataDir, data_dir};

/// When feedback on a choice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FeedbackTiming {
    /// After each choice, before the story moves on.
    #[default]
    AfterEachChoice,
    /// All together on the result screen.
    AtTheEnd,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Text size, from 1.0 (100 %) to 2.5 (250 %).
    pub text_scale: f32,
    pub high_contrast: bool,
    pub feedback: FeedbackTiming,
    /// Ask how confident the player was before showing feedback.
    pub ask_confidence: bool,
    /// Show choices in a seeded random order.
    pub shuffle: bool,
    /// Kept in records; empty for none.
    pub player_name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            text_scale: 1.0,
            high_contrast: false,
            feedback: FeedbackTiming::AfterEachChoice,
            ask_confidence: false,
            shuffle: true,
            player_name: String::new(),
        }
    }
}

pub const TEXT_SCALE: std::ops::RangeInclusive<f32> = 1.0..=2.5;

impl Settings {
    /// `settings.ron` in the data folder.
    pub fn default_path() -> Result<PathBuf, NoDataDir> {
        Ok(data_dir()?.join("settings.ron"))
    }

    /// The saved settings; the defaults if there are none, or (with a warning to show)
    /// if the file cannot be read.
    pub fn load(path: &Path) -> (Settings, Option<String>) {
        if !path.exists() {
            return (Settings::default(), None);
        }
        let text = match crate::files::read_text(path, 64 * 1024, "a settings file") {
            Ok(text) => text,
            Err(e) => return (Settings::default(), Some(format!("{e}; using the default settings"))),
        };
        match ron::Options::default().from_str::<Settings>(&text) {
            Ok(settings) => (settings.clamped(), None),
            Err(e) => (
                Settings::default(),
                Some(format!("{}:{}: {}; using the default settings", path.display(), e.span.start, e.code)),
            ),
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(std::io::Error::other)?;
        write_atomic(path, text.as_bytes())
    }

    /// The settings with the text size brought into range.
    pub fn clamped(mut self) -> Settings {
        self.text_scale = if self.text_scale.is_finite() { self.text_scale.clamp(1.0, 2.5) } else { 1.0 };
        self
    }

    /// The player's name for records, if they gave one.
    pub fn player(&self) -> Option<String> {
        let name = self.player_name.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_survive_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("settings.ron");
        assert_eq!(Settings::load(&path), (Settings::default(), None));
        let settings =
            Settings { text_scale: 2.0, high_contrast: true, player_name: "Sam".into(), ..Settings::default() };
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path), (settings, None));

        std::fs::write(&path, "(text_scale: 9.0)").unwrap();
        assert_eq!(Settings::load(&path).0.text_scale, 2.5, "missing fields default, out of range is clamped");
        std::fs::write(&path, "(text_scale: ").unwrap();
        let (loaded, warning) = Settings::load(&path);
        assert_eq!(loaded, Settings::default());
        assert!(warning.unwrap().contains("settings.ron:1:"));
    }
}
