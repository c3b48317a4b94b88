//! Builds the shipped scenarios into the binary, so the game and the command line
//! find them wherever they are started from.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // The library lives at the top of the workspace, beside the catalogues. The manifest
    // directory is read when the script runs, not baked in when it is compiled: a build
    // cache shared by two checkouts reuses the compiled script.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|entries| entries.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".scenario.ron")));
    files.sort();
    // An empty library would make every test of the shipped scenarios pass vacuously.
    assert!(!files.is_empty(), "no *.scenario.ron files in {}", dir.display());
    let mut out = String::from(
        "/// The shipped scenario files: (file name, contents).\npub const SHIPPED: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name");
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", file.display().to_string());
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shipped_scenarios.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
