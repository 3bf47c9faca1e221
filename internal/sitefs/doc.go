// Package sitefs reads a site folder as an fs.FS in which nothing comes
// from outside: no symbolic link is followed, for any file torv reads.
//
// # The rule
//
// torv publishes what it reads. A symbolic link in a site folder can point
// anywhere on the machine that builds it, so a chart's data = "x.csv" that
// links to a file under /etc would publish that file's lines, and a
// layout, a stylesheet or a page that links out would publish what it
// links to. A site is a folder that is copied, zipped and checked into git;
// a link rarely survives that anyway. So torv follows none, whether it
// points out of the site or into it: one rule, easy to state, nothing to
// weigh.
//
// Every file torv reads from a site (config.toml, pages, a chart's CSV
// file, content files copied to the output, layouts, partials, assets, UI
// strings in i18n/, static files) goes through the FS that New returns, so
// the rule is enforced in this one place and not by each reader.
//
// # Errors
//
// Open, ReadFile, Stat and ReadDir of a name whose last element, or any
// folder on the way to it, is a symbolic link fail with an *fs.PathError
// whose Err is ErrSymlink ("is a symbolic link, which torv does not
// follow"). Its Path is the link itself, which may be a folder above the
// name asked for: "layouts/partials" for "layouts/partials/footer.html"
// when the folder is the link, because that is the one the editor must
// replace.
//
// ErrSymlink is not fs.ErrNotExist on purpose. The overlay of the site on
// torv's embedded defaults (package overlay) falls through to the defaults
// only when the site lacks a file; a linked layout must be reported, not
// silently replaced by torv's own.
//
// Names are fs.FS names: slash-separated, relative, without "." or ".."
// elements (fs.ValidPath); any other fails with fs.ErrInvalid.
//
// ReadDir lists entries as they are: a link is an entry of type
// fs.ModeSymlink, so a walker (content.Scan, the assets walk) sees it and
// reports it at its own path. Diag turns an error of this package into
// that report, with Hint's fix, so every reader words it alike.
//
// # How
//
// On Linux, each operation is one openat2 call on the site folder with
// RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS: the kernel checks every element of
// the name for links and for a way out of the folder while it resolves the
// name, so there is no window between a check and the open in which a
// folder could be swapped for a link, and nothing to cache. It is also the
// cheapest way, one system call where os.DirFS makes one too. Only when
// openat2 refuses a name (ELOOP) does the FS look at the elements one by
// one, to name the link in the error.
//
// Elsewhere, and on Linux kernels before 5.6 or in sandboxes that refuse
// openat2, the FS takes the portable path: os.Root, which resolves a name
// element by element and never leaves the folder, even under a race, plus
// an Lstat of each folder on the way and of the name itself to refuse
// links inside the site. os.Root alone would follow a link that stays in
// the site, which the rule forbids. The folders found to be real ones are
// remembered per FS (a sync.Map; a 10 000-page build reads about 20 000
// files in a few hundred folders), so a file costs one Lstat more than
// os.Root's own work. The price of the portable path is that a folder
// replaced by a link while torv serve runs, or a link made between the
// check and the open, may be followed as long as it stays inside the site;
// os.Root still stops it at the site's edge.
//
// Both paths run the same tests, on Linux too.
//
// New of a folder that does not exist returns an FS in which nothing
// exists, as os.DirFS does, so that the build's own error ("the site has
// no config.toml", with how to make one) is what the editor reads.
package sitefs
