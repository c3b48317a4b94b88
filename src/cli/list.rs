//! `boundaries list`: the library at a glance, with each principle's range of totals
//! so authors can check a scenario's balance.

use std::process::ExitCode;

use super::{print_table, table};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;

pub(super) fn run(library: &Library, catalogues: &Catalogues) -> ExitCode {
    let mut header = vec!["id", "title", "level", "min", "focus", "decisions", "endings"];
    header.extend(catalogues.principles.iter().map(|p| p.id.as_str()));
    let mut table = table(&header);
    for loaded in &library.scenarios {
        let s = &loaded.scenario;
        let totals = &loaded.analysis.totals;
        let mut row = vec![
            s.id.clone(),
            s.title.clone(),
            s.level.to_string(),
            s.minutes.to_string(),
            s.focus.join(" "),
            s.scenes().count().to_string(),
            s.endings().count().to_string(),
        ];
        row.extend(catalogues.principles.iter().map(|p| match totals.iter().find(|r| r.principle == p.id) {
            Some(r) => format!("{:+}..{:+}", r.lowest, r.highest),
            None => "-".to_owned(),
        }));
        table.add_row(super::row(row));
    }
    print_table(&table);
    say!(
        "\n{} scenario{}. Principle columns: the lowest and highest total a complete play can reach.",
        library.scenarios.len(),
        if library.scenarios.len() == 1 { "" } else { "s" }
    );
    ExitCode::SUCCESS
}
