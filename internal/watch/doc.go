// Package watch tells the preview which files of a site folder changed, in
// batches that are worth one rebuild each.
//
// # What is watched
//
// config.toml and the folders content/, layouts/, assets/, i18n/ and
// static/ of the site folder, with every folder inside them. The site folder itself is
// watched too (not what else is in it), so that config.toml replaced by a
// rename and a layouts/ folder made after the start are seen. A folder
// made after the start gets its watches at once and is then read through,
// so the files written into it before its watch existed are reported as
// well; a folder moved away takes its watches with it.
//
// Watches are on folders, not files: editors that save by writing a temp
// file and renaming it over the page (vim, VS Code, gedit, JetBrains) or
// by renaming the page away first (vim's backup) replace the file, and a
// watch on the file would be lost with it. The temp and backup files
// themselves (*~, .*.swp, 4913, .#*, #*#, *.tmp, *.vsctmp, *.crswap,
// .goutputstream-*, *___jb_tmp___ and more; package ignore lists them) are
// dropped here and never start a build, however long they live.
//
// # Batches
//
// A batch is the sorted set of slash paths, relative to the site folder,
// that changed; "." means "anything may have changed" (the kernel's event
// queue overflowed, or watching fell back to polling), and a folder's path
// means everything in it. The preview builds once per batch.
//
// Events are gathered until they pause for Quiet (5 ms): one save is a
// handful of events within a millisecond or two, and an edit should reach
// the browser before the editor looks up. A batch is handed over only when
// the receiver is ready for it, so events that arrive during a rebuild
// gather into the next batch. When events go on arriving after a batch was
// handed over, a burst is under way (a git checkout of 5 000 files), and
// the next batch waits for a pause of Settle (200 ms) instead: a burst
// gives at most two builds, one for its first files and one for the rest.
// When a batch holds a file that is gone, it waits up to Settle for it to
// come back, as it does when an editor renames the page away before it
// writes the new one; so the preview does not flash "page not found" on
// every save.
//
// # When the system cannot watch
//
// Linux limits how many folders one user may watch
// (fs.inotify.max_user_watches) and how many watchers one user may have
// (fs.inotify.max_user_instances). When a limit is reached, the watcher says
// so on its log, with the command that raises the limit, and looks for
// changes itself instead: every Poll (500 ms) it compares the size and
// modification time of every file with what it saw before.
package watch
