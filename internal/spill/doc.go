// Package spill keeps bytes that a build made and needs once more later
// in a temporary file instead of in memory.
//
// torv build renders each page once, but some of what a page makes is
// read again further on: its row of search results, written into the
// index's files after the last page, and its entry in the lists that show
// it. Held on the heap, those are some 700 bytes a page that the garbage
// collector scans and doubles: 20 MiB of a 30 000-page build's live heap.
// A File holds them on disk: Put appends bytes and returns a Ref, Get
// reads them back. The operating system's page cache keeps what is read
// soon after it was written, so a Get is a copy, not a disk read, on any
// machine with memory to spare, and only the Refs, eight bytes each, stay
// on the heap.
//
// The same goes for each page's Markdown, which the build reads once to
// put the site together and once more to render the page: from a File it
// comes back with one read of the scratch file instead of an open, a read
// and a check of the page's file, and as it was first read.
//
// A File is made on an *os.File that no one else uses, such as an
// unnamed file in the build's own staging folder (outdir.Staging.Scratch):
// the bytes are the build's, and nothing of them is left when the build
// ends or is killed. New(nil) keeps the bytes in memory, with the same
// methods. A build without a file (the preview; torv build when its
// scratch file could not be made) has no File, and keeps these bytes on
// the heap as before. Writes are buffered, 64 KiB at a time; Get reads
// what is still in the buffer from there. A full buffer is written by the
// Put that filled it, without the File's lock, while the other goroutines
// put into a fresh one and read the one being written from memory: the
// load's goroutines put every page's Markdown, and waited for each other's
// writes. A Reader, for one goroutine
// that reads Refs back in about the order they were put (the render's
// workers, each page's Markdown), reads 128 KiB of the file at a time and
// serves the Refs that follow from it.
//
// A File is safe for use by many goroutines at once. A write that fails
// (a full disk) loses nothing: from then on the File keeps what it is
// given in memory. A read that fails makes that Get and every later one
// fail with its error, which the build reports.
package spill
