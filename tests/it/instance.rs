//! One window per user: a second start hands its file to the first over the
//! socket, and a socket left by a crashed run is taken over.

#![cfg(unix)]

use std::os::unix::net::UnixListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use prepkit::instance::{Claim, Request, claim, socket_path};

fn first(socket: &std::path::Path) -> prepkit::instance::Listener {
    match claim(socket, None) {
        Claim::First(listener) => listener,
        Claim::HandedOver => panic!("nobody listens yet, yet the request was taken"),
    }
}

#[test]
fn a_second_start_hands_its_file_to_the_first_and_wakes_it() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("prepkit.sock");
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let served = first(&socket).serve(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });

    let brief = dir.path().join("brief.md");
    assert!(matches!(claim(&socket, Some(&brief)), Claim::HandedOver));
    let got = served
        .requests
        .recv_timeout(Duration::from_secs(5))
        .unwrap();
    assert_eq!(got, Request::Open(brief));

    // Started again without a file: the window is asked to come forward.
    assert!(matches!(claim(&socket, None), Claim::HandedOver));
    let got = served
        .requests
        .recv_timeout(Duration::from_secs(5))
        .unwrap();
    assert_eq!(got, Request::Focus);
    assert_eq!(wakes.load(Ordering::SeqCst), 2);
}

#[test]
fn a_relative_path_is_handed_over_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("prepkit.sock");
    let served = first(&socket).serve(|| {});
    assert!(matches!(
        claim(&socket, Some(std::path::Path::new("brief.md"))),
        Claim::HandedOver
    ));
    let Request::Open(path) = served
        .requests
        .recv_timeout(Duration::from_secs(5))
        .unwrap()
    else {
        panic!("expected a path");
    };
    assert!(path.is_absolute());
    assert_eq!(path, std::env::current_dir().unwrap().join("brief.md"));
}

#[test]
fn a_socket_left_by_a_crashed_run_is_removed_and_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("prepkit.sock");
    // A run that died: its socket file stays, nobody listens on it.
    drop(UnixListener::bind(&socket).unwrap());
    assert!(socket.exists());

    let served = first(&socket).serve(|| {});
    // The new window really listens on it now.
    assert!(matches!(claim(&socket, None), Claim::HandedOver));
    assert_eq!(
        served
            .requests
            .recv_timeout(Duration::from_secs(5))
            .unwrap(),
        Request::Focus
    );
    // Closing the window removes its socket.
    drop(served);
    assert!(!socket.exists());
}

#[test]
fn data_folders_get_their_own_sockets() {
    let a = socket_path(std::path::Path::new("/data/one"));
    let b = socket_path(std::path::Path::new("/data/two"));
    assert_ne!(a, b);
    assert_eq!(a, socket_path(std::path::Path::new("/data/one")));
}

#[test]
fn a_window_that_never_serves_removes_its_socket() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("prepkit.sock");
    let listener = first(&socket);
    assert!(socket.exists());
    drop(listener);
    assert!(!socket.exists());
}
