//! `boundaries list`: the library at a glance, with each principle's range of totals
//! so authors can check a scenario's balance.

use std::process::ExitCode;

use super::table;
use crate::catalogues::Catalogues;
use crate::scenario::{Library, StateGraph};
use crate::scoring::path_totals;

pub fn run(library: &Library, catalogues: &Catalogues) -> ExitCode {
    let mut table = table(&[
        "id",
        "title",
        "level",
        "min",
        "focus",
        "decisions",
        "endings",
        "totals (lowest..highest)",
    ]);
    for loaded in &library.scenarios {
        let s = &loaded.scenario;
        let totals: Vec<String> = path_totals(&StateGraph::explore(s), catalogues)
            .iter()
            .map(|r| format!("{} {:+}..{:+}", r.principle, r.lowest, r.highest))
            .collect();
        table.add_row(vec![
            s.id.clone(),
            s.title.clone(),
            s.level.to_string(),
            s.minutes.to_string(),
            s.focus.join(", "),
            s.scenes().count().to_string(),
            s.endings().count().to_string(),
            totals.join("\n"),
        ]);
    }
    println!("{table}");
    println!(
        "{} scenario{}.",
        library.scenarios.len(),
        if library.scenarios.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    ExitCode::SUCCESS
}
