//! The window's identity (app id, icon), and one window per user: a
//! `prepkit` started while one runs hands its file to the running window
//! (which comes forward and opens it) and exits, so double-clicking a
//! notebook never opens a second window on the same data.
//!
//! The running window listens on a Unix socket named after its data folder,
//! so runs with different `PREPKIT_DATA_DIR`s never meet. The socket is
//! private: it lives in `$XDG_RUNTIME_DIR` when that folder is the user's
//! own and closed to others (mode 0700), else in `prepkit-<uid>` in the
//! temporary folder, made 0700 and checked to be ours; the socket itself is
//! 0600 whatever the umask. Each side checks that the other runs as the
//! same user (`SO_PEERCRED`, `getpeereid` on BSDs and macOS), and each
//! request is read on its own thread within 3 seconds in all, so a client
//! that trickles bytes never keeps a later start from reaching the window.
//! A socket file left by a crashed run refuses connections; it is removed
//! and taken over. Elsewhere than Unix every start is its own window.

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
    /// The only user whose requests are taken: this process's.
    #[cfg(unix)]
    owner: u32,
}

impl Listener {
    /// No socket: this window takes no requests.
    fn none() -> Self {
        Self {
            #[cfg(unix)]
            inner: None,
            #[cfg(unix)]
            owner: imp::user_id(),
        }
    }
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
/// when that folder is private (see [`socket_path_in`]). Inside Flatpak,
/// the runtime folder is the app's own (`$XDG_RUNTIME_DIR/app/$FLATPAK_ID`),
/// the one its instances share.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(|dir| {
        let dir = PathBuf::from(dir);
        match std::env::var_os("FLATPAK_ID") {
            Some(id) => dir.join("app").join(id),
            None => dir,
        }
    });
    socket_path_in(data_dir, runtime.as_deref(), &std::env::temp_dir())
}

/// The socket for `data_dir`: `prepkit-<hash>.sock` in `runtime` when it is
/// an absolute folder of this user's that no one else may enter, else in
/// `<temp>/prepkit-<uid>` ([`claim`] makes that folder, 0700, and checks
/// it). Never in the data folder, which may not exist yet.
pub fn socket_path_in(data_dir: &Path, runtime: Option<&Path>, temp: &Path) -> PathBuf {
    let data_dir = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let name = format!("prepkit-{:016x}.sock", fnv1a(&data_dir));
    match runtime {
        Some(runtime) if runtime.is_absolute() && imp::is_private_folder(runtime) => {
            runtime.join(name)
        }
        _ => temp.join(format!("prepkit-{}", imp::user_id())).join(name),
    }
}

/// The folder holding `path` (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
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
    pub fn serve(self, wake: impl Fn() + Send + Sync + 'static) -> Served {
        imp::serve(self, wake)
    }
}

#[cfg(unix)]
mod imp {
    use std::io::{ErrorKind, Read as _, Write as _};
    use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
    use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, PermissionsExt as _};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc::{Sender, channel};
    use std::time::{Duration, Instant};

    use super::{Claim, Listener, Request, Served};

    /// How long either side waits for the other before giving up: the
    /// whole exchange, not each read.
    const TIMEOUT: Duration = Duration::from_secs(3);
    /// Longer messages are not a path.
    const MAX_MESSAGE: usize = 64 * 1024;
    /// What the window answers once it has the request.
    const ACK: &[u8] = b"ok";
    /// Requests read at once; more connections wait for a free reader.
    const MAX_READERS: usize = 8;

    /// This process's effective user id.
    #[allow(unsafe_code)]
    pub(super) fn user_id() -> u32 {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() }
    }

    /// True for a folder (not a link) owned by this user that no one else
    /// may enter or list: group and others have no rights on it.
    pub(super) fn is_private_folder(dir: &Path) -> bool {
        // No rights for group or others: the low six bits (0o077) are zero.
        std::fs::symlink_metadata(dir)
            .is_ok_and(|m| m.is_dir() && m.uid() == user_id() && m.mode().trailing_zeros() >= 6)
    }

    /// Makes `dir` (one level, mode 0700) if it is missing, then checks it
    /// is private ([`is_private_folder`]); a folder of ours with looser
    /// rights is closed. Another user's folder, or a link, is refused.
    fn private_folder(dir: &Path) -> std::io::Result<()> {
        match std::fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let meta = std::fs::symlink_metadata(dir)?;
        if !meta.is_dir() || meta.uid() != user_id() {
            return Err(std::io::Error::new(
                ErrorKind::PermissionDenied,
                "it is not a folder of this user's",
            ));
        }
        if meta.mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }

    /// The user id of the process at the other end of `stream`.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[allow(unsafe_code)]
    pub(super) fn peer_uid(stream: &UnixStream) -> std::io::Result<u32> {
        use std::os::fd::AsRawFd as _;
        let mut cred = libc::ucred {
            pid: 0,
            uid: u32::MAX,
            gid: u32::MAX,
        };
        let mut len = libc::socklen_t::try_from(std::mem::size_of::<libc::ucred>())
            .map_err(std::io::Error::other)?;
        // SAFETY: `cred` and `len` are valid for writes of the sizes given,
        // and the descriptor is open for the duration of the call.
        let rc = unsafe {
            libc::getsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_PEERCRED,
                (&raw mut cred).cast(),
                &raw mut len,
            )
        };
        if rc == 0 {
            Ok(cred.uid)
        } else {
            Err(std::io::Error::last_os_error())
        }
    }

    /// The user id of the process at the other end of `stream`.
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    #[allow(unsafe_code)]
    pub(super) fn peer_uid(stream: &UnixStream) -> std::io::Result<u32> {
        use std::os::fd::AsRawFd as _;
        let mut uid = u32::MAX;
        let mut gid = u32::MAX;
        // SAFETY: both out-pointers are valid; the descriptor is open.
        let rc = unsafe { libc::getpeereid(stream.as_raw_fd(), &raw mut uid, &raw mut gid) };
        if rc == 0 {
            Ok(uid)
        } else {
            Err(std::io::Error::last_os_error())
        }
    }

    /// `Ok` when the peer runs as `owner`.
    fn same_user(stream: &UnixStream, owner: u32) -> std::io::Result<()> {
        let peer = peer_uid(stream)?;
        if peer == owner {
            Ok(())
        } else {
            Err(std::io::Error::new(
                ErrorKind::PermissionDenied,
                format!("it runs as user {peer}, not {owner}"),
            ))
        }
    }

    pub(super) fn claim(socket: &Path, request: &Request) -> Claim {
        let own_window = || Claim::First(Listener::none());
        let folder = super::parent_of(socket);
        if let Err(e) = private_folder(folder) {
            eprintln!(
                "prepkit: {} cannot hold a private socket ({e}); files opened later start their own window",
                folder.display()
            );
            return own_window();
        }
        // Twice: a second start racing us may bind between our two steps.
        for _ in 0..2 {
            match UnixStream::connect(socket) {
                Ok(stream) => {
                    return match same_user(&stream, user_id()).and_then(|()| send(stream, request))
                    {
                        Ok(()) => Claim::HandedOver,
                        Err(e) => {
                            eprintln!(
                                "prepkit: a running Prepkit did not answer on {} ({e}); opening a window of its own",
                                socket.display()
                            );
                            own_window()
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
                    // Whatever the umask: only this user may connect.
                    if let Err(e) =
                        std::fs::set_permissions(socket, std::fs::Permissions::from_mode(0o600))
                    {
                        eprintln!(
                            "prepkit: cannot make {} private ({e}); files opened later start their own window",
                            socket.display()
                        );
                        let _ = std::fs::remove_file(socket);
                        return own_window();
                    }
                    return Claim::First(Listener {
                        inner: Some((listener, socket.to_path_buf())),
                        owner: user_id(),
                    });
                }
                Err(e) if e.kind() == ErrorKind::AddrInUse => {}
                Err(e) => {
                    eprintln!(
                        "prepkit: cannot listen on {} ({e}); files opened later start their own window",
                        socket.display()
                    );
                    return own_window();
                }
            }
        }
        own_window()
    }

    fn send(mut stream: UnixStream, request: &Request) -> std::io::Result<()> {
        let deadline = Instant::now() + TIMEOUT;
        stream.set_write_timeout(Some(TIMEOUT))?;
        if let Request::Open(path) = request {
            stream.write_all(path.as_os_str().as_bytes())?;
        }
        stream.shutdown(std::net::Shutdown::Write)?;
        let answer = read_until_closed(&mut stream, deadline, ACK.len())?;
        if answer == ACK {
            Ok(())
        } else {
            Err(std::io::Error::new(ErrorKind::InvalidData, "no answer"))
        }
    }

    /// Reads until the other side closes, at most `limit` bytes, all
    /// before `deadline` (a per-read timeout would let a client sending a
    /// byte every 2 seconds hold the reader for a day).
    fn read_until_closed(
        stream: &mut UnixStream,
        deadline: Instant,
        limit: usize,
    ) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(std::io::Error::new(
                    ErrorKind::TimedOut,
                    "the other side took too long",
                ));
            }
            stream.set_read_timeout(Some(left))?;
            let n = match stream.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok(bytes);
            }
            if bytes.len() + n > limit {
                return Err(std::io::Error::new(ErrorKind::InvalidData, "too long"));
            }
            bytes.extend_from_slice(buf.get(..n).unwrap_or_default());
        }
    }

    fn receive(stream: &mut UnixStream) -> std::io::Result<Request> {
        stream.set_write_timeout(Some(TIMEOUT))?;
        let bytes = read_until_closed(stream, Instant::now() + TIMEOUT, MAX_MESSAGE)?;
        Ok(if bytes.is_empty() {
            Request::Focus
        } else {
            Request::Open(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
        })
    }

    /// Reads one request on its own thread, hands it over and answers.
    fn answer(
        mut stream: UnixStream,
        tx: &Sender<Request>,
        wake: &Arc<dyn Fn() + Send + Sync>,
        closed: &AtomicBool,
    ) {
        let Ok(request) = receive(&mut stream) else {
            return;
        };
        if tx.send(request).is_err() {
            closed.store(true, Ordering::SeqCst);
            return;
        }
        wake();
        let _ = stream.write_all(ACK);
    }

    pub(super) fn serve(mut listener: Listener, wake: impl Fn() + Send + Sync + 'static) -> Served {
        let (tx, rx) = channel();
        let owner = listener.owner;
        let Some((listener, path)) = listener.inner.take() else {
            return Served {
                requests: rx,
                socket: None,
            };
        };
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(wake);
        let closed = Arc::new(AtomicBool::new(false));
        let readers = Arc::new(AtomicUsize::new(0));
        let spawned = std::thread::Builder::new()
            .name("prepkit-instance".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if closed.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    // Another user's process is not answered at all.
                    if same_user(&stream, owner).is_err() {
                        continue;
                    }
                    if readers.fetch_add(1, Ordering::SeqCst) >= MAX_READERS {
                        readers.fetch_sub(1, Ordering::SeqCst);
                        continue;
                    }
                    let (tx, wake, closed, done) = (
                        tx.clone(),
                        Arc::clone(&wake),
                        Arc::clone(&closed),
                        Arc::clone(&readers),
                    );
                    let reader = std::thread::Builder::new()
                        .name("prepkit-instance-request".into())
                        .spawn(move || {
                            answer(stream, &tx, &wake, &closed);
                            done.fetch_sub(1, Ordering::SeqCst);
                        });
                    if reader.is_err() {
                        readers.fetch_sub(1, Ordering::SeqCst);
                    }
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

    /// No sockets here: nothing is private, every start is its own window.
    pub(super) fn is_private_folder(_dir: &Path) -> bool {
        false
    }

    /// No user ids here.
    pub(super) fn user_id() -> u32 {
        0
    }

    pub(super) fn claim(_socket: &Path, _request: &Request) -> Claim {
        Claim::First(Listener::none())
    }

    pub(super) fn serve(_listener: Listener, _wake: impl Fn() + Send + Sync + 'static) -> Served {
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

#[cfg(all(test, unix))]
mod tests {
    use std::time::Duration;

    use super::{Claim, claim};

    #[test]
    fn another_users_process_is_not_answered() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("prepkit.sock");
        let Claim::First(mut listener) = claim(&socket, None) else {
            panic!("nobody listens yet");
        };
        // The window belongs to someone else: our requests are theirs to refuse.
        listener.owner = super::imp::user_id().wrapping_add(1);
        let served = listener.serve(|| {});
        assert!(
            matches!(
                claim(&socket, Some(&dir.path().join("a.json"))),
                Claim::First(_)
            ),
            "a request from another user was taken"
        );
        assert!(
            served
                .requests
                .recv_timeout(Duration::from_millis(200))
                .is_err()
        );
    }
}
