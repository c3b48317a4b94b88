//! The library calibrated by personas, as a good supervisor would judge them. For
//! every shipped scenario, `tests/personas/<id>.ron` holds the path of six players
//! (exemplary; kind but naive; cautious and avoidant; rule-bound; risk-permissive;
//! unsafe) with the band a supervisor would give each and why. The engine must give
//! each the band written beside it, and the bands must keep the library's promises: a
//! kind or cautious player who crosses no line is Developing or Sound, and an unsafe
//! one is never better than Concerning.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use boundaries_core::library::Library;
use boundaries_core::play::{Current, PlayOptions, Playthrough};
use boundaries_core::scoring::Band;
use common::catalogues;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
enum Persona {
    Exemplary,
    KindButNaive,
    CautiousAndAvoidant,
    RuleBound,
    RiskPermissive,
    Unsafe,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Player {
    persona: Persona,
    /// The choice ids taken, decision by decision, to an ending.
    path: Vec<String>,
    band: Band,
    /// In a line, why a supervisor would give this band.
    why: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn players(path: &Path) -> Vec<Player> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_scenario_gives_each_persona_the_band_a_supervisor_would() {
    let library = Library::load(&[root().join("../../scenarios")], &catalogues());
    assert!(library.scenarios.len() >= 15);
    let mut wrong = Vec::new();
    for loaded in &library.scenarios {
        let id = &loaded.scenario.id;
        let players = players(&root().join("tests/personas").join(format!("{id}.ron")));
        let personas: BTreeSet<Persona> = players.iter().map(|p| p.persona).collect();
        assert_eq!((players.len(), personas.len()), (6, 6), "{id}: six players, one of each persona");
        for player in &players {
            assert!(!player.why.trim().is_empty(), "{id} {:?}: say why", player.persona);
            let options = PlayOptions { seed: 1, in_order: true, player: None, group: None };
            let mut play = Playthrough::start(loaded.scenario.clone(), options).unwrap();
            for choice in &player.path {
                if let Err(e) = play.choose(choice, None) {
                    panic!("{id} {:?}: cannot take \"{choice}\": {e}", player.persona);
                }
            }
            assert!(
                matches!(play.current(), Current::Ending { .. }),
                "{id} {:?}: the path stops short of an ending",
                player.persona
            );
            let assessment = play.assessment(&catalogues());
            if assessment.band != player.band {
                let figure = assessment.overall.map_or_else(|| "-".into(), |o| format!("{o:.1}"));
                wrong.push(format!(
                    "{id} {:?}: the engine says {} ({figure}), the supervisor {}",
                    player.persona, assessment.band, player.band
                ));
            }
            let crossed = !assessment.red_flags.is_empty();
            let promise = match player.persona {
                Persona::KindButNaive | Persona::CautiousAndAvoidant if !crossed => {
                    matches!(player.band, Band::Developing | Band::Sound)
                }
                Persona::Unsafe => matches!(player.band, Band::Concerning | Band::PutRight | Band::Unsafe),
                Persona::Exemplary => matches!(player.band, Band::Exemplary | Band::Sound),
                _ => true,
            };
            assert!(promise, "{id} {:?}: a supervisor would not give {}", player.persona, player.band);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
