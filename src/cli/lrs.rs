//! `boundaries sync` and `boundaries lrs`: sending plays to the organisation's
//! learning record store, testing the connection, and setting it up.

use std::io::BufRead;
use std::process::ExitCode;
use std::time::Duration;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::files::data_dir;
use boundaries_core::library::Library;
use boundaries_core::play::RecordStore;
use boundaries_core::xapi::Outbox;
use boundaries_lrs::{Config, Lrs, Settings, queue_plays, sync};

/// How long a request may take before the LRS counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(20);

/// The outbox, beside the records.
pub(crate) fn outbox() -> Option<Outbox> {
    data_dir().map(|dir| Outbox::at(dir.join("outbox"))).map_err(|e| complain!("error: {e}")).ok()
}

fn config() -> Result<Config, ExitCode> {
    let dir = data_dir().map_err(|e| {
        complain!("error: {e}");
        ExitCode::from(2)
    })?;
    match Config::load(&dir) {
        Ok(Some(config)) => Ok(config),
        Ok(None) => {
            complain!("No learning record store is set up: run `boundaries lrs set`, or set BOUNDARIES_LRS_ENDPOINT.");
            Err(ExitCode::from(2))
        }
        Err(e) => {
            complain!("error: {e}");
            Err(ExitCode::from(2))
        }
    }
}

pub(super) fn run_sync(library: &Library, catalogues: &Catalogues) -> ExitCode {
    let config = match config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let Some(outbox) = outbox() else { return ExitCode::from(2) };
    if let Ok(store) = RecordStore::open_default() {
        queue_plays(&outbox, &store, library, catalogues, &config.identity());
    }
    let lrs = match Lrs::connect(&config.settings.endpoint, &config.settings.key, &config.secret, TIMEOUT) {
        Ok(lrs) => lrs,
        Err(e) => {
            complain!(
                "Nothing sent: {e}. {} statements are waiting and will be sent next time.",
                outbox.waiting().len()
            );
            return ExitCode::from(1);
        }
    };
    let (done, error) = match sync(&outbox, &lrs) {
        Ok(done) => (done, None),
        Err((done, error)) => (done, Some(error)),
    };
    say!(
        "Sent {} statement{} (xAPI {}); {} refused and set aside; {} waiting.",
        done.sent,
        if done.sent == 1 { "" } else { "s" },
        lrs.version(),
        done.rejected,
        done.waiting
    );
    for refused in outbox.rejected() {
        say!("  refused: {} ({})", refused.statement.id, refused.reason);
    }
    match error {
        Some(error) => {
            complain!("Stopped: {error}. What is waiting will be sent next time.");
            ExitCode::from(1)
        }
        None => ExitCode::SUCCESS,
    }
}

pub(super) fn check() -> ExitCode {
    let config = match config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    match Lrs::connect(&config.settings.endpoint, &config.settings.key, &config.secret, TIMEOUT) {
        Ok(lrs) => {
            say!("{} answers, speaking xAPI {}.", config.settings.endpoint, lrs.version());
            match lrs.statements_about(&format!("{}/scenarios/none", boundaries_core::xapi::IRI)) {
                Ok(_) => {
                    say!("The key and secret are accepted.");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    complain!("{e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            complain!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Keeps the LRS's settings; the secret is read from standard input.
pub(super) fn set(settings: Settings) -> ExitCode {
    let mut secret = String::new();
    if std::io::stdin().lock().read_line(&mut secret).is_err() {
        complain!("error: the secret could not be read from standard input");
        return ExitCode::from(2);
    }
    let config = Config { settings, secret: secret.trim().to_owned() };
    match data_dir().map_err(|e| e.to_string()).and_then(|dir| config.save(&dir)) {
        Ok(path) => {
            say!("Saved to {}, the secret beside it readable by you only.", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            complain!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// `boundaries cohort`: the plays the LRS holds, for one scenario or the library.
pub(super) fn cohort(library: &Library, catalogues: &Catalogues, only: Option<&str>) -> ExitCode {
    use boundaries_core::xapi::{IRI, by_scenario, cohort, present};

    let config = match config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let lrs = match Lrs::connect(&config.settings.endpoint, &config.settings.key, &config.secret, TIMEOUT) {
        Ok(lrs) => lrs,
        Err(e) => {
            complain!("{e}");
            return ExitCode::from(1);
        }
    };
    let started = std::time::Instant::now();
    let mut read = 0;
    // One scenario: asked for by its activity; the library: everything, read once.
    let read_back = match only {
        Some(id) => lrs.statements_about(&format!("{IRI}/scenarios/{id}")),
        None => lrs.all_statements(),
    };
    let mut groups = match read_back {
        Ok(found) => by_scenario(found),
        Err(e) => {
            complain!("{e}");
            return ExitCode::from(1);
        }
    };
    for loaded in library.scenarios.iter().filter(|l| only.is_none_or(|id| l.scenario.id == id)) {
        let scenario = &loaded.scenario;
        let found = groups.remove(&scenario.id).unwrap_or_default();
        read += found.len();
        if found.is_empty() {
            continue;
        }
        say!("\n{} ({})", scenario.title, scenario.id);
        for part in present(scenario, catalogues, &cohort(&found)) {
            say!("  {}: {}", part.who, part.summary);
            let mut ratings = super::table(&["principle", "plays", "mean", "lowest", "highest"]);
            for (name, plays, mean, lowest, highest) in &part.principles {
                let row = vec![
                    name.clone(),
                    plays.to_string(),
                    format!("{mean:.0}"),
                    format!("{lowest:.0}"),
                    format!("{highest:.0}"),
                ];
                ratings.add_row(super::row(row));
            }
            super::print_table(&ratings);
            for (prompt, choices) in &part.decisions {
                say!("  {prompt}");
                for (text, n, recommended) in choices {
                    let mark = if *recommended { " (recommended)" } else { "" };
                    say!("    {n:>5}  {}{mark}", boundaries_core::text::shorten(text, 90));
                }
            }
        }
    }
    say!("\nRead {read} statements in {:.1} s.", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
