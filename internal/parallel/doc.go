// Package parallel runs the same work on many items on every core.
//
// Loading, checking and rendering a site are each a loop over thousands of
// independent pages, where each iteration writes only its own slot of a
// result slice. Each is that loop: one goroutine per core takes indexes
// from a channel, so a slow page does not hold up a fixed share of the
// others, and a short loop runs on the calling goroutine, where starting
// workers would cost more than it saves (an edit in the preview touches one
// or two pages).
//
// EachReading is the same loop with twice as many goroutines as cores, for
// work that waits on the disk: parsing the site's Markdown files, where a
// file's read would otherwise leave its core idle (at 10 000 pages the
// load stage went from 356–386 to 334–353 ms).
package parallel
