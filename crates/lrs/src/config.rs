//! Where the LRS is and who the player is to it: from environment variables (for a
//! managed install) or from `lrs.ron` in the data folder, with the secret in
//! `lrs.secret` beside it, readable by its owner only. The secret is never written
//! anywhere else: not to a record, a report, a statement or a log.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use boundaries_core::xapi::Identity;
use serde::{Deserialize, Serialize};

const FILE: &str = "lrs.ron";
const SECRET_FILE: &str = "lrs.secret";

/// The settings an organisation gives: everything but the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The xAPI endpoint, such as `https://lrs.example.org/xapi/`.
    pub endpoint: String,
    pub key: String,
    /// The organisation's home page, under which players' accounts are named.
    pub home_page: String,
    /// The account name the player gave for this purpose; none for anonymous.
    #[serde(default)]
    pub account: Option<String>,
    /// The trainer's account name, for group sessions.
    #[serde(default)]
    pub instructor: Option<String>,
}

/// A complete configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    pub settings: Settings,
    pub secret: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config").field("settings", &self.settings).field("secret", &"(hidden)").finish()
    }
}

impl Config {
    pub fn identity(&self) -> Identity {
        Identity {
            home_page: self.settings.home_page.clone(),
            account: self.settings.account.clone(),
            instructor: self.settings.instructor.clone(),
        }
    }

    /// The configuration from the environment if `BOUNDARIES_LRS_ENDPOINT` is set,
    /// else from `dir`; none if there is none. A broken one is an error in words.
    pub fn load(dir: &Path) -> Result<Option<Config>, String> {
        if let Ok(endpoint) = std::env::var("BOUNDARIES_LRS_ENDPOINT") {
            let var = |name: &str| std::env::var(format!("BOUNDARIES_LRS_{name}")).ok().filter(|v| !v.is_empty());
            let settings = Settings {
                endpoint,
                key: var("KEY").unwrap_or_default(),
                home_page: var("HOME_PAGE").unwrap_or_else(|| "https://example.invalid/".into()),
                account: var("ACCOUNT"),
                instructor: var("INSTRUCTOR"),
            };
            return Ok(Some(Config { settings, secret: var("SECRET").unwrap_or_default() }));
        }
        let path = dir.join(FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{} could not be read: {e}", path.display())),
        };
        let settings: Settings = ron::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Some(Config { settings, secret: read_secret(&dir.join(SECRET_FILE))? }))
    }

    /// Keeps these settings in `dir`, the secret in a file only its owner can read.
    pub fn save(&self, dir: &Path) -> Result<PathBuf, String> {
        fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let text =
            ron::ser::to_string_pretty(&self.settings, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())?;
        let path = dir.join(FILE);
        boundaries_core::files::atomic::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        write_secret(&dir.join(SECRET_FILE), &self.secret).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

#[cfg(unix)]
fn read_secret(path: &Path) -> Result<String, String> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).map_err(|e| format!("{} could not be read: {e}", path.display()))?;
    if meta.mode() & 0o077 != 0 {
        return Err(format!("{} can be read by others; run `chmod 600 {}` first", path.display(), path.display()));
    }
    Ok(fs::read_to_string(path).map_err(|e| e.to_string())?.trim().to_owned())
}

#[cfg(not(unix))]
fn read_secret(path: &Path) -> Result<String, String> {
    Ok(fs::read_to_string(path).map_err(|e| format!("{} could not be read: {e}", path.display()))?.trim().to_owned())
}

#[cfg(unix)]
fn write_secret(path: &Path, secret: &str) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let _ = fs::remove_file(path);
    let mut file = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(secret.as_bytes())?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_secret(path: &Path, secret: &str) -> io::Result<()> {
    fs::write(path, secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_is_kept_for_its_owner_only_and_never_shown() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            endpoint: "http://127.0.0.1:1/xapi/".into(),
            key: "k".into(),
            home_page: "https://care.example.org".into(),
            account: None,
            instructor: None,
        };
        let config = Config { settings, secret: "s3cret-value".into() };
        config.save(dir.path()).unwrap();
        assert!(!fs::read_to_string(dir.path().join(FILE)).unwrap().contains("s3cret"));
        assert!(!format!("{config:?}").contains("s3cret"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::{MetadataExt, PermissionsExt};
            let secret = dir.path().join(SECRET_FILE);
            assert_eq!(fs::metadata(&secret).unwrap().mode() & 0o777, 0o600);
            fs::set_permissions(&secret, fs::Permissions::from_mode(0o644)).unwrap();
            assert!(Config::load(dir.path()).unwrap_err().contains("chmod 600"));
            fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).unwrap();
        }
        assert_eq!(Config::load(dir.path()).unwrap(), Some(config));
    }
}
