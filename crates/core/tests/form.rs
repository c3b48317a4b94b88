//! The best answer must not give itself away by its form. Over every decision in the
//! shipped library, a rule that reads only a choice's form (its length rank from the
//! longest or the shortest, its place in the list from the top or the bottom) must not
//! find the recommended choice more than about 1.3 times as often as picking at random
//! would; and within a decision, length must not track score.
//!
//! `FORM_REPORT=1 cargo test -p boundaries-core --test form -- --nocapture` prints
//! every decision's choices (place, length, total) for an author rebalancing them.

mod common;

use std::path::PathBuf;

use boundaries_core::library::Library;
use boundaries_core::scoring::recommended_choice;
use common::catalogues;

/// How much more often than chance a rule of form may find the best choice.
const MOST_OVER_CHANCE: f64 = 1.3;
/// How far from zero the mean within-decision length–score correlation may be.
const MOST_CORRELATION: f64 = 0.15;

/// One decision as its form shows it.
struct Decision {
    place: String,
    lengths: Vec<usize>,
    totals: Vec<i64>,
    best: usize,
}

fn decisions() -> Vec<Decision> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let library = Library::load(&[dir], &catalogues());
    let mut all = Vec::new();
    for loaded in &library.scenarios {
        for (id, scene) in loaded.scenario.scenes() {
            let Some(best) = recommended_choice(scene, 0..scene.choices.len()) else { continue };
            all.push(Decision {
                place: format!("{}/{id}", loaded.scenario.id),
                lengths: scene.choices.iter().map(|c| c.text.chars().count()).collect(),
                totals: scene.choices.iter().map(|c| c.total()).collect(),
                best,
            });
        }
    }
    all
}

/// A rule of form: given a decision, the choices it would pick (ties all count, each
/// as a share of one pick, so a rule is never credited for a tie).
type Rule = fn(&Decision, usize) -> Vec<usize>;

/// The choices with length rank `r` (0 the longest).
fn longest(d: &Decision, r: usize) -> Vec<usize> {
    let mut sorted = d.lengths.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.get(r).map_or_else(Vec::new, |&len| (0..d.lengths.len()).filter(|&i| d.lengths[i] == len).collect())
}

/// The choices with length rank `r` counted from the shortest.
fn shortest(d: &Decision, r: usize) -> Vec<usize> {
    let mut sorted = d.lengths.clone();
    sorted.sort_unstable();
    sorted.get(r).map_or_else(Vec::new, |&len| (0..d.lengths.len()).filter(|&i| d.lengths[i] == len).collect())
}

fn from_top(d: &Decision, r: usize) -> Vec<usize> {
    if r < d.lengths.len() { vec![r] } else { Vec::new() }
}

fn from_bottom(d: &Decision, r: usize) -> Vec<usize> {
    d.lengths.len().checked_sub(r + 1).map_or_else(Vec::new, |i| vec![i])
}

/// (rule name, hits, what chance would give) for every rule and rank.
fn measures(decisions: &[Decision]) -> Vec<(String, f64, f64)> {
    let rules: [(&str, Rule); 4] = [
        ("length rank from the longest", longest),
        ("length rank from the shortest", shortest),
        ("place from the top", from_top),
        ("place from the bottom", from_bottom),
    ];
    let most = decisions.iter().map(|d| d.lengths.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    for (name, rule) in rules {
        for r in 0..most {
            let (mut hits, mut chance) = (0.0, 0.0);
            for d in decisions {
                let picks = rule(d, r);
                if picks.is_empty() {
                    continue;
                }
                // Picking one of the rule's choices at random.
                hits += picks.iter().filter(|&&i| i == d.best).count() as f64 / picks.len() as f64;
                chance += 1.0 / d.lengths.len() as f64;
            }
            out.push((format!("{name} {}", r + 1), hits, chance));
        }
    }
    out
}

/// Pearson's correlation of length and total within a decision, if both vary.
fn correlation(d: &Decision) -> Option<f64> {
    let n = d.lengths.len() as f64;
    let xs: Vec<f64> = d.lengths.iter().map(|&l| l as f64).collect();
    let ys: Vec<f64> = d.totals.iter().map(|&t| t as f64).collect();
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let (vx, vy): (f64, f64) = (xs.iter().map(|x| (x - mx).powi(2)).sum(), ys.iter().map(|y| (y - my).powi(2)).sum());
    (vx > 0.0 && vy > 0.0).then(|| cov / (vx * vy).sqrt())
}

fn report(decisions: &[Decision]) {
    if std::env::var_os("FORM_REPORT").is_none() {
        return;
    }
    for d in decisions {
        let r = correlation(d).map_or_else(|| "-".into(), |r| format!("{r:+.2}"));
        println!("{} (r = {r})", d.place);
        for i in 0..d.lengths.len() {
            let mark = if i == d.best { "  <- best" } else { "" };
            println!("  {}. {:>4} chars, total {:+}{mark}", i + 1, d.lengths[i], d.totals[i]);
        }
    }
}

#[test]
fn no_rule_of_form_finds_the_best_choice_much_more_often_than_chance() {
    let decisions = decisions();
    assert!(decisions.len() >= 60, "only {} decisions", decisions.len());
    report(&decisions);
    let table = measures(&decisions);
    let lines: Vec<String> =
        table.iter().map(|(name, hits, chance)| format!("{name:<34} {hits:>5.1} vs {chance:>5.1} by chance")).collect();
    let over: Vec<&String> = table
        .iter()
        .zip(&lines)
        // Rules that rarely apply (chance under 3) are too few to judge.
        .filter(|((_, hits, chance), _)| *chance >= 3.0 && *hits > (MOST_OVER_CHANCE * chance).ceil())
        .map(|(_, line)| line)
        .collect();
    assert!(over.is_empty(), "these rules give the best choice away:\n{over:#?}\nall:\n{}", lines.join("\n"));
}

#[test]
fn length_does_not_track_score_within_a_decision() {
    let decisions = decisions();
    let rs: Vec<f64> = decisions.iter().filter_map(correlation).collect();
    let mean = rs.iter().sum::<f64>() / rs.len() as f64;
    assert!(
        mean.abs() <= MOST_CORRELATION,
        "mean correlation of length and score {mean:+.2} over {} decisions",
        rs.len()
    );
}

/// Feedback says why a choice is debatable in its own words, not by a formula that
/// tells a test-wise player which option is the grey one.
#[test]
fn feedback_does_not_announce_the_grey_option_by_formula() {
    const FORMULAS: [&str; 4] = [
        "reasonable people could disagree",
        "reasonable people disagree",
        "this is a grey area",
        "there's no single right answer",
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let library = Library::load(&[dir], &catalogues());
    let mut found = Vec::new();
    for loaded in &library.scenarios {
        for (id, scene) in loaded.scenario.scenes() {
            for choice in &scene.choices {
                let feedback = choice.feedback.as_deref().unwrap_or("").to_lowercase().replace('’', "'");
                if FORMULAS.iter().any(|f| feedback.contains(f)) {
                    found.push(format!("{}/{id}/{}", loaded.scenario.id, choice.id));
                }
            }
        }
    }
    assert!(found.is_empty(), "feedback announcing the grey option by formula: {found:?}");
}
