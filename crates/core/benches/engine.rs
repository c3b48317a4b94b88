//! How fast the engine reads a library: parse + validate + path totals + recommended
//! path for generated scenarios of 100 nodes each, 1,000 of them and then 10,000.
//!
//! Files are loaded as `Library::load` loads them, spread over the machine's cores.
//!
//! Beside each figure is a floor: ron alone deserialising the same bytes into the
//! model types, with no validation or analysis, on as many threads; the ratio is
//! what reading a library costs above parsing it.
//!
//! Run with `cargo bench --bench engine`. Targets: 1,000 scenarios in under 1 s on a
//! 2-core machine, and ten times the work in no more than eleven times the time.

use std::fmt::Write;
use std::time::{Duration, Instant};

use boundaries_core::catalogues::Catalogues;
use boundaries_core::diagnostic::ron::ron_options;
use boundaries_core::library::load_many;
use boundaries_core::scenario::Scenario;

const NODES: usize = 100;
const ENDINGS: usize = 10;
const PRINCIPLES: [&str; 7] =
    ["dignity", "boundaries", "safeguarding", "consent", "communication", "person-centred", "teamwork"];
const SECTIONS: [&str; 4] =
    ["maintaining-professional-boundaries", "keeping-people-safe", "communicating-effectively", "building-trust"];

/// A valid scenario of `NODES` nodes: scenes with three or four choices leading
/// forward, two flags that change what is offered later, and `ENDINGS` endings.
fn scenario(n: usize) -> String {
    let scenes = NODES - ENDINGS;
    let mut text = String::new();
    let _ = write!(
        text,
        "Scenario(\n    id: \"bench-{n}\",\n    title: \"Generated {n}\",\n    summary: \"A generated scenario for timing the engine.\",\n    \
         setting: \"Residential home\",\n    level: Intermediate,\n    minutes: 10,\n    focus: [\"boundaries\", \"safeguarding\"],\n    \
         cast: {{ \"ada\": (name: \"Ada\", role: \"Person you support\") }},\n    start: \"s0\",\n    nodes: {{\n"
    );
    let target = |i: usize, step: usize| {
        let to = i + step;
        if to < scenes { format!("s{to}") } else { format!("e{}", (i + step) % ENDINGS) }
    };
    for i in 0..scenes {
        let _ = write!(
            text,
            "        \"s{i}\": Scene(\n            speaker: \"ada\",\n            text: \"Scene {i} of a long afternoon: Ada asks you something that matters to her, and the answer is not obvious.\",\n            \
             prompt: \"What do you do?\",\n            facilitator: \"Ask the group what they would do.\",\n            discuss: [\"Why?\"],\n            choices: [\n"
        );
        for (c, step) in [1usize, 2, 3].iter().enumerate() {
            let p = PRINCIPLES[(i + c) % PRINCIPLES.len()];
            let q = PRINCIPLES[(i + c + 3) % PRINCIPLES.len()];
            let score = (i as i64 + c as i64) % 7 - 3;
            let sets = if i == 10 && c == 2 {
                ", sets: [\"asked\"]"
            } else if i == 30 && c == 1 {
                ", sets: [\"told\"]"
            } else {
                ""
            };
            let _ = writeln!(
                text,
                "                (id: \"c{c}\", text: \"Option {c}: a reasonable thing to do or say here.\", goto: \"{}\", scores: {{\"{p}\": {score}, \"{q}\": {}}}, \
                 feedback: \"Why this choice helps or harms, in plain words.\", guide: [\"{}\"]{sets}),",
                if c == 2 && i >= scenes - 30 { format!("e{}", i % ENDINGS) } else { target(i, *step) },
                -score.signum(),
                SECTIONS[(i + c) % SECTIONS.len()]
            );
        }
        if i > 30 && i % 5 == 0 {
            let _ = writeln!(
                text,
                "                (id: \"follow-up\", text: \"Follow up what you asked earlier.\", goto: \"{}\", requires: [\"asked\"], unless: [\"told\"], \
                 scores: {{\"safeguarding\": 2}}, feedback: \"Following up keeps people safe.\", guide: [\"keeping-people-safe\"]),",
                target(i, 1)
            );
        }
        text.push_str("            ],\n        ),\n");
    }
    for e in 0..ENDINGS {
        let outcome = ["Good", "Mixed", "Poor"][e % 3];
        let _ = writeln!(
            text,
            "        \"e{e}\": Ending(outcome: {outcome}, title: \"Ending {e}\", text: \"How it turned out.\", takeaways: [\"One thing to remember.\"]),"
        );
    }
    text.push_str("    },\n)\n");
    text
}

/// Loads, validates and analyses (path totals, recommended path) every scenario, as
/// the library does; returns the time taken.
fn run(sources: &[(String, Vec<u8>)], catalogues: &Catalogues) -> Duration {
    let start = Instant::now();
    let loaded = load_many(sources, catalogues);
    let elapsed = start.elapsed();
    for outcome in loaded {
        match outcome {
            Ok(loaded) => assert!(loaded.analysis.recommended_ending.is_some() && !loaded.analysis.totals.is_empty()),
            Err(problem) => panic!("{}: {}", problem.file, problem.diagnostics[0]),
        }
    }
    elapsed
}

/// The floor: ron alone, the same bytes into the model types, on as many threads.
fn floor(sources: &[(String, Vec<u8>)]) -> Duration {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = sources.len().div_ceil(threads).max(1);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for part in sources.chunks(chunk) {
            scope.spawn(move || {
                for (_, bytes) in part {
                    let text = std::str::from_utf8(bytes).expect("UTF-8");
                    let parsed: Scenario = ron_options().from_str(text).expect("valid RON");
                    std::hint::black_box(parsed);
                }
            });
        }
    });
    start.elapsed()
}

fn main() {
    let catalogues = Catalogues::shipped().expect("shipped catalogues");
    let sources = |count: usize| -> Vec<(String, Vec<u8>)> {
        (0..count).map(|n| (format!("bench-{n}.scenario.ron"), scenario(n).into_bytes())).collect()
    };
    let small = sources(1_000);
    let bytes: usize = small.iter().map(|(_, t)| t.len()).sum();
    run(&small[..50], &catalogues); // warm up
    let t1 = (0..3).map(|_| run(&small, &catalogues)).min().expect("three runs");
    let f1 = (0..3).map(|_| floor(&small)).min().expect("three runs");
    println!(
        "1,000 scenarios x {NODES} nodes ({:.1} MB): {:.3} s; ron alone {:.3} s; {:.2}x the floor",
        bytes as f64 / 1e6,
        t1.as_secs_f64(),
        f1.as_secs_f64(),
        t1.as_secs_f64() / f1.as_secs_f64()
    );

    let large = sources(10_000);
    let t10 = (0..2).map(|_| run(&large, &catalogues)).min().expect("two runs");
    let f10 = (0..2).map(|_| floor(&large)).min().expect("two runs");
    let ratio = t10.as_secs_f64() / t1.as_secs_f64();
    println!(
        "10,000 scenarios x {NODES} nodes: {:.3} s ({ratio:.2}x the time for 10x the work); ron alone {:.3} s; {:.2}x the floor",
        t10.as_secs_f64(),
        f10.as_secs_f64(),
        t10.as_secs_f64() / f10.as_secs_f64()
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("per scenario: {:.0} µs of wall time on {threads} threads", t1.as_secs_f64() * 1e6 / 1_000.0);
}
