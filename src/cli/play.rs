//! `boundaries play`: a scenario in the terminal. Choices come from `--choose` (by
//! id) and then from standard input (by the number shown). The record is saved after
//! every decision, so a play stopped at any point is kept as abandoned.

use std::io::BufRead;
use std::process::ExitCode;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::play::{Current, PlayOptions, Playthrough, RecordFile, RecordStore};
use boundaries_core::scenario::Choice;
use boundaries_core::scoring::MEASURED_AGAINST;

/// Text is wrapped to this width.
const WIDTH: usize = 78;

pub(super) struct Options {
    pub seed: Option<u64>,
    pub choose: Vec<String>,
    pub name: Option<String>,
    pub in_order: bool,
}

pub(super) fn run(library: &Library, catalogues: &Catalogues, id: &str, options: Options) -> ExitCode {
    super::with_scenario(library, id, |loaded| {
        // Find out before the first decision whether the play can be kept.
        let record = match RecordStore::open_default().and_then(|store| store.begin()) {
            Ok(record) => record,
            Err(e) => {
                complain!("error: {e}; this play could not be kept, so it has not started");
                return ExitCode::from(2);
            }
        };
        let play_options = PlayOptions {
            seed: options.seed.unwrap_or_else(rand::random),
            in_order: options.in_order,
            player: options.name.filter(|n| !n.trim().is_empty()),
            group: None,
        };
        let play = match Playthrough::start(loaded.scenario.clone(), play_options) {
            Ok(play) => play,
            Err(e) => {
                complain!("error: {e}");
                return ExitCode::from(2);
            }
        };
        Terminal { play, catalogues, record, scripted: options.choose.into_iter(), kept: true }.run()
    })
}

struct Terminal<'a> {
    play: Playthrough,
    catalogues: &'a Catalogues,
    record: RecordFile,
    scripted: std::vec::IntoIter<String>,
    /// Whether the last save reached the disk.
    kept: bool,
}

/// What the player asked for at a decision.
enum Answer {
    Choice(String),
    Quit,
    EndOfInput,
}

impl Terminal<'_> {
    fn run(mut self) -> ExitCode {
        self.introduce();
        let stdin = std::io::stdin();
        let mut lines = stdin.lock().lines();
        loop {
            let answer = match self.play.current() {
                Current::Ending { .. } => break,
                Current::Scene { id, scene, offered } => {
                    say!();
                    if let Some(speaker) = &scene.speaker {
                        say!("── {} ──", self.play.scenario().speaker_name(speaker));
                    }
                    say!("{}\n", wrap(&scene.text, ""));
                    say!("{}", scene.prompt());
                    for (i, choice) in offered.iter().enumerate() {
                        say!("{}", textwrap::fill(&choice.text, options(&format!("  {}. ", i + 1), "     ")));
                    }
                    match self.scripted.next() {
                        Some(choice) => {
                            say!("> {choice}");
                            Answer::Choice(choice)
                        }
                        None => ask(&offered, &mut lines, id),
                    }
                }
            };
            match answer {
                Answer::Choice(choice) => match self.play.choose(&choice, None) {
                    Ok(choice) => {
                        show_feedback(choice, self.catalogues);
                        self.save();
                    }
                    Err(e) => {
                        complain!("error: {e}");
                        self.stop("");
                        return ExitCode::from(2);
                    }
                },
                Answer::Quit => {
                    self.stop("Stopped. ");
                    return if self.kept { ExitCode::SUCCESS } else { ExitCode::FAILURE };
                }
                Answer::EndOfInput => {
                    self.stop("Input ended before the scenario did. ");
                    return ExitCode::FAILURE;
                }
            }
        }
        self.finish();
        if self.kept { ExitCode::SUCCESS } else { ExitCode::FAILURE }
    }

    fn introduce(&self) {
        let s = self.play.scenario();
        say!("{}", s.title);
        say!("{} · {} · about {} minutes", s.setting, s.level, s.minutes);
        if let Some(note) = &s.content_note {
            say!("\n{}", wrap(note, "Content note: "));
        }
        say!("\n{}", wrap(&s.summary, ""));
    }

    fn save(&mut self) -> Option<std::path::PathBuf> {
        let saved = self.record.save(&self.play.record(self.catalogues));
        self.kept = saved.is_ok();
        match saved {
            Ok(path) => Some(path),
            Err(e) => {
                complain!("error: the record could not be saved: {e}");
                None
            }
        }
    }

    fn stop(&mut self, message: &str) {
        match self.save() {
            Some(path) => say!("\n{message}The play so far is saved as abandoned: {}", path.display()),
            None => say!("\n{message}The play so far could not be saved."),
        }
    }

    fn finish(&mut self) {
        let Current::Ending { ending, .. } = self.play.current() else {
            return;
        };
        say!("\n━━ {} ({}) ━━", ending.title, ending.outcome);
        say!("{}", wrap(&ending.text, ""));

        let assessment = self.play.assessment(self.catalogues);
        let overall = assessment.overall.map(|o| format!(" ({o:.0}/100)")).unwrap_or_default();
        say!("\nResult: {}{overall}", assessment.band);
        say!("{}", wrap(assessment.band.meaning(), ""));
        say!("{}", wrap(MEASURED_AGAINST, ""));
        for rating in &assessment.ratings {
            let name = self.catalogues.principle_name(&rating.principle);
            match rating.verdict() {
                Some(verdict) => say!("  {name:<28} {verdict}"),
                None => say!("  {name:<28} {} {:>3.0}  ({})", bar(rating.rating), rating.rating, rating.rests_on()),
            }
        }
        if !assessment.red_flags.is_empty() {
            say!("\nRed flags:");
            for flag in &assessment.red_flags {
                say!("{}", textwrap::fill(&flag.headline(self.catalogues), options("  ⚑ ", "    ")));
                say!("{}", wrap(flag.standing(), "    "));
                if let Some(why) = &flag.feedback {
                    say!("{}", wrap(why, "    "));
                }
            }
            say!("{}", wrap("Talk these through with your supervisor.", "  "));
        }
        if !ending.takeaways.is_empty() {
            say!("\nTo take away:");
            for takeaway in &ending.takeaways {
                say!("{}", textwrap::fill(takeaway, options("  • ", "    ")));
            }
        }
        if let Some(path) = self.save() {
            say!("\nRecord saved: {}", path.display());
        }
    }
}

/// Reads a choice number, or `q`, from standard input, asking again on anything else.
fn ask(offered: &[&Choice], lines: &mut impl Iterator<Item = std::io::Result<String>>, node: &str) -> Answer {
    loop {
        say_raw!("> ");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        let Some(Ok(line)) = lines.next() else {
            return Answer::EndOfInput;
        };
        let line = line.trim();
        if line.eq_ignore_ascii_case("q") {
            return Answer::Quit;
        }
        match line.parse::<usize>() {
            Ok(n) if (1..=offered.len()).contains(&n) => {
                return Answer::Choice(offered[n - 1].id.clone());
            }
            _ => say!("Type a number from 1 to {} (or q to stop) at \"{node}\".", offered.len()),
        }
    }
}

fn show_feedback(choice: &Choice, catalogues: &Catalogues) {
    say!();
    if let Some(feedback) = &choice.feedback {
        say!("{}", wrap(feedback, "  "));
    }
    let changes: Vec<String> = choice
        .scores
        .iter()
        .map(|(p, s)| format!("{s:+} {}", catalogues.principle(p).map_or(p, |p| p.name.as_str())))
        .collect();
    if !changes.is_empty() {
        say!("{}", wrap(&changes.join(", "), "  "));
    }
    let sections: Vec<&str> =
        choice.guide.iter().map(|g| catalogues.section(g).map_or(g.as_str(), |s| s.title.as_str())).collect();
    if !sections.is_empty() {
        say!("{}", textwrap::fill(&sections.join("; "), options("  Guide: ", "    ")));
    }
    if let Some(what) = &choice.red_flag {
        let line = boundaries_core::scoring::crossed(what, choice.red_line.as_deref(), catalogues);
        say!("{}", textwrap::fill(&line, options("  ⚑ Red flag: ", "    ")));
    }
}

fn bar(rating: f64) -> String {
    let filled = (rating / 10.0).round().clamp(0.0, 10.0) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

fn options<'a>(first: &'a str, rest: &'a str) -> textwrap::Options<'a> {
    textwrap::Options::new(WIDTH).initial_indent(first).subsequent_indent(rest)
}

fn wrap(text: &str, indent: &str) -> String {
    textwrap::fill(text, options(indent, indent))
}
