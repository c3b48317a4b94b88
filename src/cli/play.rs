//! `boundaries play`: a scenario in the terminal. Choices come from `--choose` (by
//! id) and then from standard input (by the number shown). The record is saved after
//! every decision, so a play stopped at any point is kept as abandoned.

use std::io::BufRead;
use std::process::ExitCode;

use crate::catalogues::Catalogues;
use crate::play::{Current, PlayOptions, Playthrough, RecordStore};
use crate::scenario::{Choice, Library};

/// Text is wrapped to this width.
const WIDTH: usize = 78;

pub struct Options {
    pub seed: Option<u64>,
    pub choose: Vec<String>,
    pub name: Option<String>,
    pub in_order: bool,
}

pub fn run(library: &Library, catalogues: &Catalogues, id: &str, options: Options) -> ExitCode {
    super::with_scenario(library, id, |loaded| {
        let store = match RecordStore::open_default() {
            Ok(store) => store,
            Err(e) => {
                eprintln!("error: {e}");
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
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        Terminal { play, catalogues, store, scripted: options.choose.into_iter() }.run()
    })
}

struct Terminal<'a> {
    play: Playthrough,
    catalogues: &'a Catalogues,
    store: RecordStore,
    scripted: std::vec::IntoIter<String>,
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
                    println!();
                    if let Some(speaker) = &scene.speaker {
                        println!("── {} ──", self.play.scenario().speaker_name(speaker));
                    }
                    println!("{}\n", wrap(&scene.text, ""));
                    println!("{}", scene.prompt());
                    for (i, choice) in offered.iter().enumerate() {
                        println!("{}", textwrap::fill(&choice.text, options(&format!("  {}. ", i + 1), "     ")));
                    }
                    match self.scripted.next() {
                        Some(choice) => {
                            println!("> {choice}");
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
                        eprintln!("error: {e}");
                        self.stop("The play so far is saved as abandoned");
                        return ExitCode::from(2);
                    }
                },
                Answer::Quit => {
                    self.stop("Stopped. The play so far is saved as abandoned");
                    return ExitCode::SUCCESS;
                }
                Answer::EndOfInput => {
                    self.stop("Input ended before the scenario did. The play so far is saved as abandoned");
                    return ExitCode::FAILURE;
                }
            }
        }
        self.finish();
        ExitCode::SUCCESS
    }

    fn introduce(&self) {
        let s = self.play.scenario();
        println!("{}", s.title);
        println!("{} · {} · about {} minutes", s.setting, s.level, s.minutes);
        if let Some(note) = &s.content_note {
            println!("\n{}", wrap(note, "Content note: "));
        }
        println!("\n{}", wrap(&s.summary, ""));
    }

    fn save(&self) -> Option<std::path::PathBuf> {
        match self.store.save(&self.play.record(self.catalogues)) {
            Ok(path) => Some(path),
            Err(e) => {
                eprintln!("warning: the record could not be saved: {e}");
                None
            }
        }
    }

    fn stop(&self, message: &str) {
        match self.save() {
            Some(path) => println!("\n{message}: {}", path.display()),
            None => println!("\n{message}."),
        }
    }

    fn finish(&self) {
        let Current::Ending { ending, .. } = self.play.current() else {
            return;
        };
        println!("\n━━ {} ({}) ━━", ending.title, ending.outcome);
        println!("{}", wrap(&ending.text, ""));

        let assessment = self.play.assessment(self.catalogues);
        let overall = assessment.overall.map(|o| format!(" ({o:.0}/100)")).unwrap_or_default();
        println!("\nResult: {}{overall}", assessment.band);
        println!("{}", wrap(assessment.band.meaning(), ""));
        for rating in &assessment.ratings {
            let name = self.catalogues.principle(&rating.principle).map_or(rating.principle.as_str(), |p| &p.name);
            println!("  {name:<28} {} {:>3.0}", bar(rating.rating), rating.rating);
        }
        if !assessment.red_flags.is_empty() {
            println!("\nRed flags:");
            for flag in &assessment.red_flags {
                println!("{}", textwrap::fill(&flag.line, options("  ⚑ ", "    ")));
                if let Some(why) = &flag.feedback {
                    println!("{}", wrap(why, "    "));
                }
            }
            println!("{}", wrap("Talk these through with your supervisor.", "  "));
        }
        if !ending.takeaways.is_empty() {
            println!("\nTo take away:");
            for takeaway in &ending.takeaways {
                println!("{}", textwrap::fill(takeaway, options("  • ", "    ")));
            }
        }
        if let Some(path) = self.save() {
            println!("\nRecord saved: {}", path.display());
        }
    }
}

/// Reads a choice number, or `q`, from standard input, asking again on anything else.
fn ask(offered: &[&Choice], lines: &mut impl Iterator<Item = std::io::Result<String>>, node: &str) -> Answer {
    loop {
        print!("> ");
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
            _ => println!("Type a number from 1 to {} (or q to stop) at \"{node}\".", offered.len()),
        }
    }
}

fn show_feedback(choice: &Choice, catalogues: &Catalogues) {
    println!();
    if let Some(feedback) = &choice.feedback {
        println!("{}", wrap(feedback, "  "));
    }
    let changes: Vec<String> = choice
        .scores
        .iter()
        .map(|(p, s)| format!("{s:+} {}", catalogues.principle(p).map_or(p, |p| p.name.as_str())))
        .collect();
    if !changes.is_empty() {
        println!("{}", wrap(&changes.join(", "), "  "));
    }
    let sections: Vec<&str> =
        choice.guide.iter().map(|g| catalogues.section(g).map_or(g.as_str(), |s| s.title.as_str())).collect();
    if !sections.is_empty() {
        println!("{}", textwrap::fill(&sections.join("; "), options("  Guide: ", "    ")));
    }
    if let Some(line) = &choice.red_flag {
        println!("{}", textwrap::fill(line, options("  ⚑ Red flag: ", "    ")));
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
