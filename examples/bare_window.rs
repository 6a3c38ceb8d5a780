//! A bare eframe window: the floor Prepkit's start is measured against
//! (`scripts/start-vs-bare.sh`). Same eframe version and features as the
//! app, the same window size, one label, nothing else.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare eframe")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_ui_native("Bare eframe", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello from a bare eframe window.");
        });
    })
}
