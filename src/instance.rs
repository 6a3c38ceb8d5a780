//! The window's identity (app id, icon), and one window per user: a
//! `prepkit` started while one runs hands its file to the running window
//! (which comes forward and opens it) and exits, so double-clicking a
//! notebook never opens a second window on the same data.
//!
//! The running window listens on a Unix socket named after its data folder
//! (in `$XDG_RUNTIME_DIR`, else in the data folder), so runs with different
//! `PREPKIT_DATA_DIR`s never meet. A socket file left by a crashed run
//! refuses connections; it is removed and taken over. Elsewhere than Unix
//! every start is its own window.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// The app id: the window's Wayland app id and X11 `WM_CLASS`, the desktop
/// entry's name (`app.prepkit.Prepkit.desktop`), the icon's name and the
/// AppStream id, so launchers group the window under its entry.
pub const APP_ID: &str = "app.prepkit.Prepkit";

/// The window icon: `packaging/icons/prepkit-256.png`, drawn from
/// `prepkit.svg`; an empty icon (the system's default) if it cannot be read.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../packaging/icons/prepkit-256.png"))
        .unwrap_or_default()
}

/// What a second start asks of the running window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Come forward (started without a file).
    Focus,
    /// Come forward and open this brief or notebook (an absolute path).
    Open(PathBuf),
}

/// The outcome of [`claim`].
#[derive(Debug)]
pub enum Claim {
    /// A running Prepkit took the request: this process should exit.
    HandedOver,
    /// This process is the window; [`Listener::serve`] takes later starts' requests.
    First(Listener),
}

/// The socket of the one window, not yet serving.
#[derive(Debug)]
pub struct Listener {
    #[cfg(unix)]
    inner: Option<(std::os::unix::net::UnixListener, PathBuf)>,
}

/// A window that never serves (its window could not open) removes its socket.
#[cfg(unix)]
impl Drop for Listener {
    fn drop(&mut self) {
        if let Some((_, path)) = &self.inner {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Requests from later starts, and the socket file, removed when this is dropped.
#[derive(Debug)]
pub struct Served {
    /// Each request, as it arrives.
    pub requests: Receiver<Request>,
    socket: Option<PathBuf>,
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(path) = &self.socket {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The socket for a data folder: `$XDG_RUNTIME_DIR/prepkit-<hash>.sock`
/// when that folder exists (short and private), else
/// `<data_dir>/prepkit.sock`. Inside Flatpak, the runtime folder is the
/// app's own (`$XDG_RUNTIME_DIR/app/$FLATPAK_ID`), the one its instances share.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    let data_dir = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(|dir| {
        let dir = PathBuf::from(dir);
        match std::env::var_os("FLATPAK_ID") {
            Some(id) => dir.join("app").join(id),
            None => dir,
        }
    });
    match runtime {
        Some(runtime) if runtime.is_absolute() && runtime.is_dir() => {
            runtime.join(format!("prepkit-{:016x}.sock", fnv1a(&data_dir)))
        }
        _ => data_dir.join("prepkit.sock"),
    }
}

/// A hash that stays the same across builds (unlike `DefaultHasher`), so
/// an upgraded Prepkit still finds the window an older one opened.
fn fnv1a(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Hands `file` (or a request to come forward) to the Prepkit listening on
/// `socket`; if none answers, takes the socket for this process. Never
/// fails: when the socket cannot be made, this process is a window of its
/// own and the reason goes to stderr.
pub fn claim(socket: &Path, file: Option<&Path>) -> Claim {
    let request = match file {
        Some(f) => Request::Open(std::path::absolute(f).unwrap_or_else(|_| f.to_path_buf())),
        None => Request::Focus,
    };
    imp::claim(socket, &request)
}

impl Listener {
    /// Takes requests on a thread ("prepkit-instance"): each is sent on the
    /// returned channel, then `wake` is called (the window repaints and
    /// reads it). The thread ends when the channel's receiver is dropped and
    /// the next request arrives.
    pub fn serve(self, wake: impl Fn() + Send + 'static) -> Served {
        imp::serve(self, wake)
    }
}

#[cfg(unix)]
mod imp {
    use std::io::{ErrorKind, Read as _, Write as _};
    use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use super::{Claim, Listener, Request, Served};

    /// How long either side waits for the other before giving up.
    const TIMEOUT: Duration = Duration::from_secs(3);
    /// Longer messages are not a path.
    const MAX_MESSAGE: u64 = 64 * 1024;
    /// What the window answers once it has the request.
    const ACK: &[u8] = b"ok";

    pub(super) fn claim(socket: &Path, request: &Request) -> Claim {
        // Twice: a second start racing us may bind between our two steps.
        for _ in 0..2 {
            match UnixStream::connect(socket) {
                Ok(stream) => {
                    return match send(stream, request) {
                        Ok(()) => Claim::HandedOver,
                        Err(e) => {
                            eprintln!(
                                "prepkit: a running Prepkit did not answer on {} ({e}); opening a window of its own",
                                socket.display()
                            );
                            Claim::First(Listener { inner: None })
                        }
                    };
                }
                // Left by a crashed run: nobody listens.
                Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
                    let _ = std::fs::remove_file(socket);
                }
                Err(_) => {}
            }
            match UnixListener::bind(socket) {
                Ok(listener) => {
                    return Claim::First(Listener {
                        inner: Some((listener, socket.to_path_buf())),
                    });
                }
                Err(e) if e.kind() == ErrorKind::AddrInUse => {}
                Err(e) => {
                    eprintln!(
                        "prepkit: cannot listen on {} ({e}); files opened later start their own window",
                        socket.display()
                    );
                    return Claim::First(Listener { inner: None });
                }
            }
        }
        Claim::First(Listener { inner: None })
    }

    fn send(mut stream: UnixStream, request: &Request) -> std::io::Result<()> {
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        if let Request::Open(path) = request {
            stream.write_all(path.as_os_str().as_bytes())?;
        }
        stream.shutdown(std::net::Shutdown::Write)?;
        let mut answer = Vec::new();
        stream.take(16).read_to_end(&mut answer)?;
        if answer == ACK {
            Ok(())
        } else {
            Err(std::io::Error::new(ErrorKind::InvalidData, "no answer"))
        }
    }

    fn receive(stream: &mut UnixStream) -> std::io::Result<Request> {
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        let mut bytes = Vec::new();
        stream.take(MAX_MESSAGE).read_to_end(&mut bytes)?;
        Ok(if bytes.is_empty() {
            Request::Focus
        } else {
            Request::Open(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
        })
    }

    pub(super) fn serve(mut listener: Listener, wake: impl Fn() + Send + 'static) -> Served {
        let (tx, rx) = channel();
        let Some((listener, path)) = listener.inner.take() else {
            return Served {
                requests: rx,
                socket: None,
            };
        };
        let spawned = std::thread::Builder::new()
            .name("prepkit-instance".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    let Ok(mut stream) = stream else { continue };
                    let Ok(request) = receive(&mut stream) else {
                        continue;
                    };
                    if tx.send(request).is_err() {
                        break;
                    }
                    wake();
                    let _ = stream.write_all(ACK);
                }
            });
        if let Err(e) = spawned {
            eprintln!("prepkit: cannot start the thread that takes files opened later: {e}");
        }
        Served {
            requests: rx,
            socket: Some(path),
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use std::path::Path;
    use std::sync::mpsc::channel;

    use super::{Claim, Listener, Request, Served};

    pub(super) fn claim(_socket: &Path, _request: &Request) -> Claim {
        Claim::First(Listener {})
    }

    pub(super) fn serve(_listener: Listener, _wake: impl Fn() + Send + 'static) -> Served {
        let (_tx, rx) = channel();
        Served {
            requests: rx,
            socket: None,
        }
    }
}

/// The app, plus the requests of later starts: before each frame it opens
/// each handed-over file with [`crate::app::PrepkitApp::open_path`] and
/// brings the window forward. Every other `eframe::App` method goes straight
/// to the app.
pub struct OneWindow {
    app: crate::app::PrepkitApp,
    served: Served,
}

impl OneWindow {
    /// Serves `listener` for `app`, waking `ctx` on each request.
    pub fn new(app: crate::app::PrepkitApp, listener: Listener, ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        let served = listener.serve(move || ctx.request_repaint());
        Self { app, served }
    }
}

impl eframe::App for OneWindow {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        while let Ok(request) = self.served.requests.try_recv() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            if let Request::Open(path) = request {
                self.app.open_path(&path);
            }
        }
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn on_exit(&mut self) {
        self.app.on_exit();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        self.app.auto_save_interval()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(ctx, raw_input);
    }
}
