//! An empty Tauri window: what any Tauri app costs before it does anything. Rapport's start-up
//! time and memory are measured against it (`scripts/measure-app.sh`, `docs/performance.md`).

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).unwrap_or_else(|err| {
        eprintln!("The empty window could not start ({err}).");
        std::process::exit(1);
    });
}
