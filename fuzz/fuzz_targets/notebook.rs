//! Any bytes as a notebook file: `persist::load` must return a notebook or an
//! error (a damaged file moved aside, a backup restored), never panic, and a
//! notebook it returns must save and load again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prepkit::persist;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("fuzz.json");
    std::fs::write(&path, data).expect("the input is written");
    let Ok(loaded) = persist::load(&path) else {
        return;
    };
    let out = dir.path().join("again.json");
    persist::save(&out, &loaded.notebook, None).expect("a loaded notebook saves");
    let back = persist::load(&out).expect("a saved notebook loads");
    assert_eq!(back.notebook, loaded.notebook, "save and load changed the notebook");
});
