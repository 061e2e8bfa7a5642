//! The viewer's library rules, for `pack` and `check`: which files a library holds and
//! which of them are articles (`www/library/paths.js`), the paths it keeps, and how it
//! finds what an article's links and images point at (`www/library/resolve.js`), so that
//! `folio check` calls a link missing exactly when the viewer would find nothing.

use super::inputs::ARTICLE_EXTENSIONS;
use folio::LinkKind;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Paths the viewer keeps: UTF-16 units and segments.
pub const MAX_PATH_LENGTH: usize = 1024;
pub const MAX_DEPTH: usize = 64;

/// Names that are tools' housekeeping, left out with dot files and folders.
const IGNORED_NAMES: [&str; 4] = ["node_modules", "__MACOSX", "Thumbs.db", "desktop.ini"];
/// Endings tried for a link written without one, in order.
const LINK_SUFFIXES: [&str; 8] = [
    "",
    ".md",
    ".markdown",
    ".html",
    "/index.md",
    "/_index.md",
    "/index.html",
    "/README.md",
];
/// Folders a site keeps its root-relative files under (Hugo, Hexo, Zola …).
const ROOT_FOLDERS: [&str; 5] = ["", "static/", "source/", "content/", "public/"];

/// Whether a file or folder name is housekeeping, never content.
pub fn ignored(name: &str) -> bool {
    name.starts_with('.') || IGNORED_NAMES.contains(&name)
}

/// The extension with its dot, lower case (`""` when there is none or the name starts
/// with its only dot).
fn extension(path: &str) -> String {
    let name = basename(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[dot..].to_lowercase(),
        _ => String::new(),
    }
}

fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn dirname(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// The name without its extension.
fn stem(path: &str) -> &str {
    let name = basename(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Whether the viewer lists a path as an article (by its extension, any case: the
/// viewer's one list, which `inputs` keeps and a test holds equal to `www/`).
pub fn is_article(path: &str) -> bool {
    ARTICLE_EXTENSIONS.contains(&extension(path).as_str())
}

/// Unicode NFC.
pub fn nfc(s: &str) -> String {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(s)
        .into_owned()
}

/// The path as the viewer's `normalizePath` keeps it (None: it refuses it): slashes for
/// backslashes, no `.` or empty segment, `..` climbing but never above the root, no
/// drive letter. The caller gives NFC text.
pub fn normalize_path(name: &str) -> Option<String> {
    if name.is_empty()
        || name.encode_utf16().count() > MAX_PATH_LENGTH
        || name.chars().any(|c| c <= '\u{1f}' || c == '\u{7f}')
    {
        return None;
    }
    let path = name.replace('\\', "/");
    if path.ends_with('/') {
        return None;
    }
    let b = path.as_bytes();
    let drive = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':';
    let path = if drive && (b.len() == 2 || b[2] == b'/') {
        &path[2..]
    } else {
        &path[..]
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty() && parts.len() <= MAX_DEPTH).then(|| parts.join("/"))
}

/// A reference joined onto a folder (None when it climbs out of the tree).
fn join_path(folder: &str, relative: &str) -> Option<String> {
    if relative.starts_with('/') {
        return None;
    }
    let joined = if folder.is_empty() {
        relative.to_string()
    } else {
        format!("{folder}/{relative}")
    };
    let mut depth = 0i32;
    for segment in joined.split('/') {
        match segment {
            ".." => depth -= 1,
            "" | "." => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return None;
        }
    }
    normalize_path(&joined)
}

/// A target without its `#fragment` and `?query`, trimmed.
fn target_path(raw: &str) -> &str {
    let path = raw.split('#').next().unwrap_or_default();
    path.split('?').next().unwrap_or_default().trim()
}

/// Every file of a folder tree, as the viewer's library holds it, for resolving links.
#[derive(Debug, Default)]
pub struct Tree {
    paths: HashSet<String>,
    /// Lower-cased path → path.
    lower: HashMap<String, String>,
    /// Paths by lower-cased file name.
    by_name: HashMap<String, Vec<String>>,
    /// Article paths by lower-cased name without its extension.
    by_stem: HashMap<String, Vec<String>>,
}

impl Tree {
    /// The files under `root` (relative, `/`-separated, NFC), as the viewer would open
    /// the folder: dot entries, tools' folders and symbolic links left out.
    pub fn walk(root: &Path) -> Tree {
        let mut tree = Tree::default();
        let walk = walkdir::WalkDir::new(root)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !ignored(&e.file_name().to_string_lossy()));
        for e in walk.flatten() {
            if !e.file_type().is_file() {
                continue;
            }
            let Some(rel) = e.path().strip_prefix(root).ok().and_then(Path::to_str) else {
                continue;
            };
            if let Some(path) = normalize_path(&nfc(rel)) {
                tree.add(path);
            }
        }
        tree
    }

    /// Adds a file.
    pub fn add(&mut self, path: String) {
        if self.paths.contains(&path) {
            return;
        }
        self.lower.insert(path.to_lowercase(), path.clone());
        let name = basename(&path).to_lowercase();
        self.by_name.entry(name).or_default().push(path.clone());
        if is_article(&path) {
            let key = stem(&path).to_lowercase();
            self.by_stem.entry(key).or_default().push(path.clone());
        }
        self.paths.insert(path);
    }

    /// Whether a path names a file, trying the endings a link may leave out.
    fn existing(&self, path: Option<String>, link: bool) -> bool {
        let Some(mut path) = path else {
            return false;
        };
        let bare = path.trim_end_matches('/').len();
        if bare == 0 {
            return false;
        }
        let suffixes: &[&str] = if link { &LINK_SUFFIXES } else { &[""] };
        suffixes.iter().any(|s| {
            path.truncate(bare);
            path.push_str(s);
            self.paths.contains(&path)
        })
    }

    /// Whether a reference written in the article at `from` (a path in the tree)
    /// names a file of the tree, the way the viewer resolves it. A reference to the
    /// article itself (`#heading`, `?x`) always does.
    pub fn finds(&self, from: &str, kind: LinkKind, target: &str) -> bool {
        match kind {
            LinkKind::Wikilink | LinkKind::Embed => self.finds_wiki(from, target),
            LinkKind::Link | LinkKind::Image => {
                self.finds_link(from, target, kind == LinkKind::Link)
            }
        }
    }

    fn finds_link(&self, from: &str, target: &str, link: bool) -> bool {
        let path = target_path(target).trim_end_matches('/');
        if path.is_empty() || target.starts_with("//") {
            return true;
        }
        let dir = dirname(from);
        if let Some(rooted) = path.strip_prefix("@/").or_else(|| path.strip_prefix('/')) {
            let rooted = rooted.trim_start_matches('/');
            if rooted.is_empty() {
                return true;
            }
            // From the nearest folder above that holds it, also under a site's folders.
            let mut ancestors = Vec::new();
            let mut at = dir;
            loop {
                ancestors.push(at);
                if at.is_empty() {
                    break;
                }
                at = dirname(at);
            }
            let rooted = nfc(rooted);
            let found = ancestors.iter().any(|a| {
                ROOT_FOLDERS.iter().any(|folder| {
                    let joined = if a.is_empty() {
                        format!("{folder}{rooted}")
                    } else {
                        format!("{a}/{folder}{rooted}")
                    };
                    self.existing(normalize_path(&joined), link)
                })
            });
            return found || self.by_file_name(dir, &rooted, link);
        }
        let path = nfc(path);
        if self.existing(join_path(dir, &path), link) {
            return true;
        }
        // Hexo's asset folder: `post.md`'s files in `post/`.
        let asset_dir = if dir.is_empty() {
            stem(from).to_string()
        } else {
            format!("{dir}/{}", stem(from))
        };
        self.existing(join_path(&asset_dir, &path), link) || self.by_file_name(dir, &path, link)
    }

    /// A file by its name anywhere (Obsidian attachments, Hexo `post_link`): the path's
    /// last segments must match, case-insensitively.
    fn by_file_name(&self, _from_dir: &str, path: &str, link: bool) -> bool {
        let clean = path.trim_end_matches('/');
        let name = basename(clean).to_lowercase();
        if name.is_empty() {
            return false;
        }
        let has_dir = clean.contains('/');
        let suffix = format!("/{}", clean.to_lowercase());
        let matches = |p: &String| !has_dir || format!("/{}", p.to_lowercase()).ends_with(&suffix);
        if self
            .by_name
            .get(&name)
            .is_some_and(|l| l.iter().any(matches))
        {
            return true;
        }
        link && extension(&name).is_empty()
            && self.by_stem.get(&name).is_some_and(|l| {
                l.iter().any(|p| {
                    let lowered = format!("/{}", p.to_lowercase());
                    let without = &lowered[..lowered.len() - extension(p).len()];
                    !has_dir || without.ends_with(&suffix)
                })
            })
    }

    /// A wiki link or embed (`Note`, `Note#Heading`, `folder/Note`, `image.png`), by
    /// name, case-insensitively, as Obsidian finds it.
    fn finds_wiki(&self, from: &str, target: &str) -> bool {
        let target = target.split('|').next().unwrap_or_default();
        let path = nfc(target_path(target));
        if path.is_empty() {
            return true;
        }
        let lower = path.to_lowercase();
        self.lower.contains_key(&lower)
            || self.lower.contains_key(&format!("{lower}.md"))
            || self.by_file_name(dirname(from), &path, true)
            || (extension(&path).is_empty()
                && self.by_file_name(dirname(from), &format!("{path}.md"), false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(paths: &[&str]) -> Tree {
        let mut t = Tree::default();
        for p in paths {
            t.add(p.to_string());
        }
        t
    }

    #[test]
    fn paths_are_kept_as_the_viewer_keeps_them() {
        assert_eq!(normalize_path("blog/a.md").as_deref(), Some("blog/a.md"));
        assert_eq!(
            normalize_path("blog/a\\b.md").as_deref(),
            Some("blog/a/b.md")
        );
        assert_eq!(normalize_path("C:/x.md").as_deref(), Some("x.md"));
        assert_eq!(normalize_path("a/\u{7}.md"), None);
        assert_eq!(normalize_path(&format!("{}b", "a/".repeat(64))), None);
        assert!(normalize_path(&format!("{}b", "a/".repeat(63))).is_some());
        assert_eq!(normalize_path(&"x".repeat(1025)), None);
        assert_eq!(nfc("e\u{301}"), "\u{e9}");
        assert_eq!(join_path("a", "../../x"), None);
        assert_eq!(join_path("a/b", "../x").as_deref(), Some("a/x"));
    }

    #[test]
    fn kinds_and_ignored_names_follow_the_viewer() {
        assert!(is_article("blog/Notes.MARKDOWN"));
        assert!(is_article("blog/a.md"));
        assert!(!is_article("blog/.md"));
        assert!(!is_article("blog/map.png"));
        assert!(ignored(".git") && ignored("node_modules") && ignored("Thumbs.db"));
        assert!(!ignored("posts"));
    }

    #[test]
    fn links_resolve_as_in_the_viewer() {
        let t = tree(&[
            "posts/a.md",
            "posts/a/cover.png",
            "posts/b/index.md",
            "assets/logo.png",
            "static/img/x.png",
            "notes/Kyoto Notes.md",
            "attachments/Photo.JPG",
        ]);
        let link = |from, target| t.finds(from, LinkKind::Link, target);
        let image = |from, target| t.finds(from, LinkKind::Image, target);
        let wiki = |from, target| t.finds(from, LinkKind::Wikilink, target);
        assert!(link("posts/a.md", "b/"), "a folder's index");
        assert!(link("posts/a.md", "b/index.md#part?x"));
        assert!(link("posts/a.md", "../posts/a"), "without its extension");
        assert!(!link("posts/a.md", "c.md"));
        assert!(!link("posts/a.md", "../../outside.md"));
        assert!(link("posts/a.md", "#top") && link("posts/a.md", "?q"));
        assert!(image("posts/a.md", "cover.png"), "Hexo's asset folder");
        assert!(
            image("posts/a.md", "/assets/logo.png"),
            "Jekyll: from the root"
        );
        assert!(image("posts/a.md", "/img/x.png"), "Hugo: under static/");
        assert!(!image("posts/a.md", "/assets/none.png"));
        assert!(!image("posts/a.md", "b"), "an image has no implied ending");
        assert!(wiki("posts/a.md", "kyoto notes#Day 2"));
        assert!(wiki("posts/a.md", "notes/Kyoto Notes"));
        assert!(wiki("posts/a.md", "photo.jpg"));
        assert!(!wiki("posts/a.md", "Osaka"));
        assert!(!wiki("posts/a.md", "other/Kyoto Notes"));
        assert!(t.finds("posts/a.md", LinkKind::Embed, "Kyoto Notes"));
    }
}
