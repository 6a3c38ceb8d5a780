//! Killing the process during a save never leaves a notebook that fails to
//! load (issue 2, "done when").
//!
//! A child process (this test binary, running the ignored `child` test) saves
//! a large notebook in a loop, backing up on every save; the parent kills it
//! with SIGKILL after a varied delay or the moment a temporary file appears
//! (mid-write), then loads the notebook. Every load must
//! succeed without recovery and give a complete notebook from one single save.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use prepkit::model::{Confidence, Group, Id, Item, Notebook, Section, SectionKind};
use prepkit::persist::{PersistError, SaveOptions, list_backups, load, save_with};

use super::child_test;

/// Tells the `child` test where to save; without it the test does nothing.
const CHILD_ENV: &str = "PREPKIT_TEST_KILL_CHILD_PATH";

const SECTIONS: u64 = 30;
const GROUPS: u64 = 8;
const ITEMS: u64 = 10;

/// About 1.5 MB of pretty JSON: big enough that a save takes a while.
fn big_notebook() -> Notebook {
    let mut nb = Notebook {
        id: "big".into(),
        title: "gen 0".into(),
        company: "ABC Corp".into(),
        ..Notebook::default()
    };
    for s in 0..SECTIONS {
        let mut section = Section {
            id: nb.alloc_id(),
            title: format!("Section {s} — 섹션"),
            kind: SectionKind::Topics,
            markdown: "Some prose about the company. ".repeat(20),
            ..Section::default()
        };
        for g in 0..GROUPS {
            let mut group = Group {
                id: nb.alloc_id(),
                title: Some(format!("Group {g}")),
                items: Vec::new(),
            };
            for i in 0..ITEMS {
                let mut item = Item::new(nb.alloc_id(), format!("Topic {s}.{g}.{i}: 비동기 처리"));
                item.confidence = Confidence::RATED[(i % 5) as usize];
                item.notes = format!("Notes {i}: explain with a STAR story. 메모 ").repeat(4);
                group.items.push(item);
            }
            section.groups.push(group);
        }
        nb.sections.push(section);
    }
    nb
}

/// The generation a notebook was saved at, from its title and from its last
/// item: both are set by one save, so they differ if a file mixed two saves.
fn generations(nb: &Notebook) -> (u64, u64) {
    let from_title = nb.title.strip_prefix("gen ").unwrap().parse().unwrap();
    let last = nb.sections.last().unwrap().items().last().unwrap();
    let from_item = last
        .notes
        .rsplit("gen ")
        .next()
        .unwrap()
        .parse()
        .unwrap_or(0);
    (from_title, from_item)
}

fn set_generation(nb: &mut Notebook, generation: u64) {
    nb.title = format!("gen {generation}");
    let last = nb
        .sections
        .last_mut()
        .unwrap()
        .groups
        .last_mut()
        .unwrap()
        .items
        .last_mut()
        .unwrap();
    last.notes = format!("last item, gen {generation}");
}

fn assert_complete(nb: &Notebook) {
    assert_eq!(nb.sections.len() as u64, SECTIONS);
    let items: usize = nb.sections.iter().map(|s| s.items().count()).sum();
    assert_eq!(items as u64, SECTIONS * GROUPS * ITEMS);
    let (a, b) = generations(nb);
    assert!(
        a == b || a == 0,
        "title says gen {a}, last item says gen {b}"
    );
    assert_eq!(nb.item(Id(3)).unwrap().confidence, Confidence::Weak);
}

/// Temporary files left in `dir` by killed saves.
fn temp_files(dir: &Path) -> usize {
    fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count()
    })
}

/// Kills the child if the parent test fails half-way.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn killing_a_save_never_leaves_an_unloadable_notebook() {
    const ITERATIONS: u32 = 40;
    const MIN_ITERATIONS: u32 = 10;
    const TIME_BUDGET: Duration = Duration::from_secs(25);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notebooks").join("big.json");
    let backups = prepkit::persist::backups_dir(&path);
    // The notebook exists before the first kill, as a user's does: a kill
    // before the child's first save must still find it whole. (Without
    // this, a loaded machine could kill the first child before it ever
    // wrote, and the test failed on a file that was never there.)
    prepkit::persist::save(&path, &big_notebook(), None).unwrap();
    let started = Instant::now();
    let mut last_generation = 0;
    let mut iterations = 0;
    let mut mid_write_kills = 0;
    // A small linear congruential generator: varied but reproducible delays.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while iterations < ITERATIONS && started.elapsed() < TIME_BUDGET {
        let temps_before = temp_files(path.parent().unwrap()) + temp_files(&backups);
        let mut child = KillOnDrop(
            child_test("persist::kill::child")
                .env(CHILD_ENV, &path)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // Wait until the child has loaded the notebook and starts saving.
        let stdout = child.0.stdout.take().unwrap();
        let (ready_tx, ready_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let ready = BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .any(|line| line.ends_with("READY"));
            let _ = ready_tx.send(ready);
        });
        let ready = ready_rx.recv_timeout(Duration::from_secs(20));
        assert_eq!(ready, Ok(true), "the child process did not start saving");
        if iterations % 2 == 0 {
            // A varied delay: lands anywhere in a save (serializing, backing
            // up, writing, renaming) or between saves.
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            std::thread::sleep(Duration::from_millis(5 + (seed >> 33) % 300));
        } else {
            // Kill as soon as a new temporary file shows up: mid-write.
            let give_up = Instant::now() + Duration::from_secs(5);
            while temp_files(path.parent().unwrap()) + temp_files(&backups) <= temps_before
                && Instant::now() < give_up
            {
                std::hint::spin_loop();
            }
        }
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        iterations += 1;

        let loaded = load(&path).unwrap_or_else(|e| panic!("iteration {iterations}: {e}"));
        assert_eq!(loaded.recovered_from, None, "{:?}", loaded.warnings);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_complete(&loaded.notebook);
        let (generation, _) = generations(&loaded.notebook);
        assert!(generation >= last_generation, "a finished save was lost");
        last_generation = generation;
        // Every backup is a whole notebook too.
        for backup in list_backups(&path).unwrap() {
            let nb: Notebook = serde_json::from_slice(&fs::read(&backup.path).unwrap()).unwrap();
            assert_complete(&nb);
        }
        if temp_files(path.parent().unwrap()) + temp_files(&backups) > temps_before {
            mid_write_kills += 1;
        }
    }
    eprintln!(
        "kill test: {iterations} kills in {:.1} s, {mid_write_kills} while a file was being \
         written, {last_generation} saves finished",
        started.elapsed().as_secs_f64()
    );
    assert!(
        iterations >= MIN_ITERATIONS,
        "only {iterations} iterations ran"
    );
    assert!(
        last_generation > 0,
        "no save ever finished; the delays are too short"
    );
    // The kills really hit saves in progress, or this test proves nothing.
    assert!(mid_write_kills > 0, "no kill landed during a write");
}

/// The saving child of `killing_a_save_never_leaves_an_unloadable_notebook`.
#[test]
#[ignore = "run as a child process by the kill test"]
fn child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = std::path::PathBuf::from(path);
    let mut nb = big_notebook();
    let (mut generation, mut expected) = match load(&path) {
        Ok(loaded) => (generations(&loaded.notebook).0, Some(loaded.fingerprint)),
        Err(PersistError::NotFound { .. }) => (0, None),
        Err(e) => panic!("{e}"),
    };
    let options = SaveOptions {
        backup_min_age: Duration::ZERO,
        ..SaveOptions::default()
    };
    // On a line of its own: the harness has printed "test … " without a newline.
    println!("\nREADY");
    // Bounded, in case the parent died without killing this process.
    let deadline = Instant::now() + Duration::from_mins(1);
    while Instant::now() < deadline {
        generation += 1;
        set_generation(&mut nb, generation);
        expected = Some(save_with(&path, &nb, expected.as_ref(), &options).unwrap());
    }
}
