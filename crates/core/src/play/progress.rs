//! A player's ratings per principle across all their finished plays, oldest first,
//! so a worker and their supervisor can see growth.

use jiff::Timestamp;

use super::record::Record;
use crate::catalogues::Catalogues;
use crate::scoring::Band;

/// One finished play, as it counts towards progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub started: Timestamp,
    pub scenario: String,
    pub band: Band,
    pub rating: f64,
}

/// How one principle has gone over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub principle: String,
    /// Oldest first.
    pub points: Vec<Point>,
}

impl Trend {
    pub fn first(&self) -> Option<f64> {
        self.points.first().map(|p| p.rating)
    }

    pub fn latest(&self) -> Option<f64> {
        self.points.last().map(|p| p.rating)
    }

    pub fn mean(&self) -> Option<f64> {
        (!self.points.is_empty()).then(|| self.points.iter().map(|p| p.rating).sum::<f64>() / self.points.len() as f64)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Finished plays counted.
    pub plays: usize,
    /// One per principle rated in any play, in catalogue order.
    pub trends: Vec<Trend>,
}

/// Whether a record is this player's: names match ignoring case and spacing at the
/// ends; with no name, every record counts.
pub fn is_players(record: &Record, name: Option<&str>) -> bool {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => true,
        Some(name) => record.player.as_deref().is_some_and(|p| p.trim().eq_ignore_ascii_case(name)),
    }
}

/// Progress over the finished plays among `records` that are the player's.
pub fn progress(records: &[Record], name: Option<&str>, catalogues: &Catalogues) -> Progress {
    let mut finished: Vec<&Record> = records.iter().filter(|r| r.result.is_some() && is_players(r, name)).collect();
    finished.sort_by_key(|r| r.started);
    let mut trends: Vec<Trend> = Vec::new();
    for record in &finished {
        let Some(result) = &record.result else { continue };
        for rating in &result.ratings {
            let point = Point {
                started: record.started,
                scenario: record.scenario.clone(),
                band: result.band,
                rating: rating.rating,
            };
            match trends.iter_mut().find(|t| t.principle == rating.principle) {
                Some(trend) => trend.points.push(point),
                None => trends.push(Trend { principle: rating.principle.clone(), points: vec![point] }),
            }
        }
    }
    trends.sort_by_key(|t| catalogues.principle_rank(&t.principle));
    Progress { plays: finished.len(), trends }
}
