// Package outdir writes a built site into a folder on disk, and owns only
// what it wrote.
//
// # Ownership
//
// A destination is torv's when it does not exist, holds no files (empty
// folders only), or holds torv's manifest, ".torv-manifest.json", and no
// file the manifest does not name. The manifest lists every file torv
// wrote into the folder, sorted; Commit puts it there last. Any other
// folder is refused before anything is touched: the message names up to
// five of the files that would have been lost and says what to do (a new or
// empty folder, a folder torv built into before, and static/ in the site
// folder for files that must be published as they are, such as CNAME or
// .well-known/security.txt). A file added by hand to torv's own output is
// refused the same way, so it is neither hidden nor deleted.
//
// Telling whether a folder is torv's is a walk of it, read folder by
// folder; on Linux the walk reads only the folders changed since the
// manifest says the folder was last found torv's ("checked", a time on
// the file system's own clock: the change time of the lock file as the
// build began). A folder whose change time is before that holds exactly
// the names the manifest gives it, for adding, removing, renaming or
// replacing anything in a folder changes its change time, which no
// program can set back (stamp.go). A build of 10 000 pages whose output
// is the last one's so reads one folder where it read ten thousand, in
// each of its three checks.
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
// A build writes into the spare as it renders, then exchanges spare and
// destination in one rename (renameat2 RENAME_EXCHANGE on Linux; elsewhere,
// or on file systems without it, three renames). Readers see the old site
// or the new one, never a mix. The spare holds one more copy of the site
// and may be deleted at any time.
//
//	st, err := dir.Begin()  // once the lock is held
//	err = st.Put(name, b)   // for each file, from any goroutine
//	err = st.Commit()       // or st.Abort()
//
// Scratch gives the build a file with no name in the spare, for what it
// reads back before it ends (package spill): on the output's disk, in a
// folder torv owns, and nothing of it is left however the build ends.
//
// Begin marks the spare as being written, before anything in it changes
// (see below), and removes its manifest. A Dir has one Staging open at a
// time; Close aborts one still open.
//
// Put writes one file. Its name is a slash path relative to the destination
// (fs.ValidPath, and a valid file name on the system; not "."), and not one
// of torv's own: ".torv-manifest.json" and ".torv-staging" at the top, or
// any name starting with ".torv-tmp-", which torv gives its temporary
// files. A name is refused when an earlier Put of the build had it, when an
// earlier Put made it a folder ("a" after "a/b.html"), or when a folder
// above it is a file of the build ("a/b.html" after "a"). Name errors are
// *diag.Error values whose file is the name, or "-destination" for a name
// that is no path. Put compares b with the file the spare holds, which is
// the build-before-last's (without reading it when the file is unchanged
// since the spare's manifest was checked and the manifest's sum of its
// bytes is b's: held.go), and writes only when the bytes differ, to a
// temporary file renamed over the old one (so a hard link to the old file,
// as a backup may make, is not changed). An unchanged file keeps its
// modification time; that, and not creating and deleting ten thousand
// files, is what makes repeated builds cheap. A file where the build needs
// a folder, or a folder where it needs a file, is left from an earlier
// build and is deleted. Put does not keep b, and holds no more than a fixed
// buffer while comparing: the build's memory does not grow with its output,
// beyond the set of names. Put and Paths are safe for concurrent use;
// Commit and Abort wait for the Puts under way. Begin, Commit, Abort and
// Close are meant for one goroutine.
//
// Commit refuses when any Put failed, and checks the destination again (a
// file may have been put into it while the site was built). It then
// deletes from the spare every file and folder that no Put of the build
// named (files of older builds, temporary files of an interrupted one;
// it takes them from what Open found in the spare rather than walk it
// again, and walks only a spare that Abort left, which Open does not),
// writes the manifest of exactly the names Put, removes the marker, and
// exchanges spare and destination. Paths returns the names Put so far,
// sorted.
//
// Abort leaves the destination as it was. Commit and Abort end the
// Staging; Abort after either does nothing, so it may be deferred.
//
// Write(files) is Begin, a Put of every file from a few goroutines, and
// Commit, for a caller that holds the whole output; it refuses a bad name
// before touching the spare.
//
// # Interrupted builds
//
// While the spare is being written it holds a marker, ".torv-staging". A
// build in which a Put or Commit failed (a full disk, say, or a refused
// name) deletes the spare when it ends. A build that stops for reasons of
// its own (Abort after a page failed to render, say, or a Commit that found
// files put into the destination by hand) leaves the spare with the marker
// saying so; its files are whole, and the next build keeps the spare and
// rewrites only what differs. A build that is killed leaves the spare with
// the marker of a build under way, and the next build deletes it before it
// starts. The destination is touched by none of them.
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
