//! `PREPKIT_TRACE_STARTUP=1`: one line per frame on stderr for the first
//! seconds (time since start, the frame's own time, the input that came in,
//! who asked for the next frame), to see where start-up time goes.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

static START: OnceLock<Instant> = OnceLock::new();

/// How long after start frames are traced.
const TRACED: Duration = Duration::from_secs(5);

/// Remembers when the process started (call first thing in `run`).
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

/// True when tracing is asked for.
pub fn enabled() -> bool {
    std::env::var_os("PREPKIT_TRACE_STARTUP").is_some_and(|v| v == "1")
}

/// Prints `what` with the time since start, when tracing.
pub fn mark(what: &str) {
    if enabled() {
        let since = START.get_or_init(Instant::now).elapsed();
        eprintln!("trace {:7.1} ms {what}", since.as_secs_f64() * 1e3);
    }
}

/// Traces one frame: call at its start, and `end` at its end.
pub struct Frame {
    at: Instant,
}

impl Frame {
    /// Starts timing a frame (`None` when not tracing or past the first seconds).
    pub fn begin(ctx: &egui::Context) -> Option<Self> {
        if !enabled() || START.get_or_init(Instant::now).elapsed() > TRACED {
            return None;
        }
        let events: Vec<String> = ctx.input(|i| {
            i.raw
                .events
                .iter()
                .map(|e| {
                    let s = format!("{e:?}");
                    s.split(['(', ' ', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect()
        });
        mark(&format!(
            "frame {} begins; events {events:?}",
            ctx.cumulative_pass_nr()
        ));
        Some(Self { at: Instant::now() })
    }

    /// Ends the frame: its time and why another will follow.
    pub fn end(self, ctx: &egui::Context) {
        let mut causes: Vec<String> = ctx
            .repaint_causes()
            .iter()
            .map(|c| {
                // The file and line, without the registry's long prefix.
                let s = c.to_string();
                s.rsplit("/src/").next().unwrap_or(&s).trim().to_owned()
            })
            .collect();
        causes.sort();
        causes.dedup();
        mark(&format!(
            "frame {} took {:.1} ms; repaint asked by {causes:?}",
            ctx.cumulative_pass_nr(),
            self.at.elapsed().as_secs_f64() * 1e3
        ));
    }
}
