// Package outdir writes a built site into a folder on disk, and owns only
// what it wrote.
//
// # Ownership
//
// A destination is torv's when it does not exist, holds no files (empty
// folders only), or holds torv's manifest, ".torv-manifest.json", and no
// file the manifest does not name. The manifest lists every file torv
// wrote into the folder, sorted; Write puts it there last. Any other
// folder is refused before anything is touched: the message names up to
// five of the files that would have been lost and says what to do (a new or
// empty folder, a folder torv built into before, and static/ in the site
// folder for files that must be published as they are, such as CNAME or
// .well-known/security.txt). A file added by hand to torv's own output is
// refused the same way, so it is neither hidden nor deleted.
//
// Some destinations are refused by what they are, each with its own
// message: the root of the file system, the user's home, the site folder
// or a folder that holds it, and anything inside the site's content/,
// layouts/, assets/, i18n/ or static/ (the next build would read the
// output back in). Paths are compared after resolving symbolic links, so a
// link cannot hide the site folder. A destination that is itself a link to
// a folder is written through: the folder it points at is the output, and
// it must pass the same rules.
//
// # Writing
//
// Beside the destination (dest = ".../public") torv keeps:
//
//	.public.torv-lock    the lock, while a build runs
//	.public.torv-spare/  the output of the build before, kept between builds
//
// Write brings the spare up to date with the new output (rewriting only
// files whose bytes differ and deleting files the new output lacks), writes
// the manifest, then exchanges spare and destination in one rename
// (renameat2 RENAME_EXCHANGE on Linux; elsewhere, or on file systems
// without it, three renames). Readers see the old site or the new one,
// never a mix. Rewriting only what changed is what makes repeated builds
// cheap: creating and deleting ten thousand files costs more than
// rendering them. The spare holds one more copy of the site and may be
// deleted at any time.
//
// While the spare is being brought up to date it holds a marker,
// ".torv-staging". A build that fails while writing (a full disk, say)
// deletes the spare; one that is killed leaves it with the marker, and the
// next build deletes it before it starts. The destination is not touched
// by either.
//
// # One build at a time
//
// Open takes the lock before the build starts and Close lets it go, so two
// builds into one destination never mix: the second waits up to
// Options.Wait for the first, then fails with a message naming the other
// build's process id and start time. On Unix the lock is flock(2) on the
// lock file, which the kernel drops when its process dies, so the lock of
// a build killed with SIGKILL is taken over at once (and the spare it left
// is deleted, as above). The lock file is removed when the build ends.
//
// Errors are *diag.Error values whose file is "-destination", like the
// other errors of the command line.
package outdir
