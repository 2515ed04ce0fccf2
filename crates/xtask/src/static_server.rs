//! A small static file server on a free loopback port, for the end-to-end test: it serves the
//! release `dist/` under a sub-path, as a static host would, so that the test also proves the
//! build's URLs are relative; it sends the headers of the folder's `_headers` file, as a host
//! that reads it would.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};

use crate::error::Result;
use crate::headers;

/// A running server; it stops when dropped.
pub(crate) struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves the files under `root` at `http://127.0.0.1:<free port><prefix>`; `prefix` starts
    /// and ends with `/`.
    pub(crate) fn start(root: PathBuf, prefix: &str) -> Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            let prefix = prefix.to_owned();
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        let (root, prefix) = (root.clone(), prefix.clone());
                        thread::spawn(move || {
                            // A client that hangs up early is no concern of the test.
                            let _ = respond(stream, &root, &prefix);
                        });
                    }
                }
            })
        };
        Ok(Self {
            addr,
            prefix: prefix.to_owned(),
            stop,
            thread: Some(thread),
        })
    }

    /// The address of the served folder, ending with `/`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one request: `GET`/`HEAD` of a file under the prefix, nothing else.
fn respond(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers up to the blank line.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            true,
            &[],
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rules = std::fs::read_to_string(root.join(headers::FILE)).unwrap_or_default();
    let extra = path
        .strip_prefix(prefix)
        .map(|rest| headers::for_path(&headers::parse(&rules), &format!("/{rest}")))
        .unwrap_or_default();
    if format!("{path}/") == prefix {
        let head = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {prefix}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return stream.write_all(head.as_bytes());
    }
    let file = resolve(prefix, path)
        .filter(|relative| relative != Path::new(headers::FILE))
        .map(|relative| root.join(relative));
    match file.and_then(|file| std::fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => {
            let kind = content_type(&file);
            write_response(&mut stream, "200 OK", kind, &body, method == "GET", &extra)
        }
        None => write_response(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            true,
            &extra,
        ),
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
    extra: &[(String, String)],
) -> std::io::Result<()> {
    let extra: String = extra
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file a request path names, relative to the served folder: `None` outside the prefix or
/// for any path that would leave the folder. A folder means its `index.html`.
fn resolve(prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = percent_decode(path.strip_prefix(prefix)?)?;
    let mut relative = PathBuf::new();
    for component in Path::new(&rest).components() {
        match component {
            Component::Normal(part) => relative.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if rest.is_empty() || rest.ends_with('/') {
        relative.push("index.html");
    }
    Some(relative)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut iter = text.bytes();
    while let Some(byte) = iter.next() {
        if byte == b'%' {
            let hex = [iter.next()?, iter.next()?];
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).ok()
}

/// The `Content-Type` of a file by its extension; browsers need `application/wasm` to stream
/// WebAssembly.
fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn resolves_files_under_the_prefix_only() {
        let p = "/course/iamplay/";
        assert_eq!(
            resolve(p, "/course/iamplay/"),
            Some(PathBuf::from("index.html"))
        );
        assert_eq!(
            resolve(p, "/course/iamplay/app.js"),
            Some(PathBuf::from("app.js"))
        );
        assert_eq!(
            resolve(p, "/course/iamplay/demo/"),
            Some(PathBuf::from("demo/index.html"))
        );
        assert_eq!(
            resolve(p, "/course/iamplay/a%20b.css"),
            Some(PathBuf::from("a b.css"))
        );
        assert_eq!(resolve(p, "/app.js"), None);
        assert_eq!(resolve(p, "/course/iamplay/../secret"), None);
        assert_eq!(resolve(p, "/course/iamplay/%2e%2e/secret"), None);
        assert_eq!(resolve(p, "/course/iamplay//etc/passwd"), None);
        assert_eq!(resolve(p, "/course/iamplay/%zz"), None);
    }

    #[test]
    fn serves_files_with_their_types_and_refuses_the_rest() {
        let dir = std::env::temp_dir().join(format!("iamplay-static-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>hi</h1>").unwrap();
        std::fs::write(dir.join("app.wasm"), [0, 97, 115, 109]).unwrap();
        std::fs::write(
            dir.join(headers::FILE),
            "/*\n  X-Test: all\n/\n  X-Page: index\n",
        )
        .unwrap();
        let server = StaticServer::start(dir.clone(), "/sub/").unwrap();
        let get = |path: &str| {
            let mut stream = TcpStream::connect(server.addr).unwrap();
            write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut reply = Vec::new();
            stream.read_to_end(&mut reply).unwrap();
            String::from_utf8_lossy(&reply).into_owned()
        };
        let index = get("/sub/");
        assert!(index.starts_with("HTTP/1.1 200 OK"), "{index}");
        assert!(
            index.contains("text/html") && index.ends_with("<h1>hi</h1>"),
            "{index}"
        );
        assert!(
            index.contains("\r\nX-Test: all\r\nX-Page: index\r\n"),
            "{index}"
        );
        let wasm = get("/sub/app.wasm");
        assert!(wasm.contains("Content-Type: application/wasm"), "{wasm}");
        assert!(
            wasm.contains("X-Test: all") && !wasm.contains("X-Page"),
            "{wasm}"
        );
        assert!(get("/sub/_headers").starts_with("HTTP/1.1 404"));
        assert!(get("/sub").starts_with("HTTP/1.1 301"));
        assert!(get("/index.html").starts_with("HTTP/1.1 404"));
        assert!(get("/sub/missing.js").starts_with("HTTP/1.1 404"));
        assert_eq!(server.url(), format!("http://{}/sub/", server.addr));
        drop(server);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
