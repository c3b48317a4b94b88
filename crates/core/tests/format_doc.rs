//! The complete example in docs/scenario-format.md is a real, valid scenario.

mod common;

#[test]
fn the_documented_example_loads_without_problems() {
    let doc = include_str!("../../../docs/scenario-format.md");
    let start = doc.find("```ron\n").expect("the doc has a RON example") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("the example is closed");
    let loaded = common::load("gift-at-the-door.scenario.ron", &doc[start..end])
        .unwrap_or_else(|p| panic!("{}", p.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
}
