// Package reads records what one page's rendering read besides its own
// file, so that after an edit the preview re-renders exactly the pages
// whose reads changed (package build), instead of predicting it.
//
// A read is a Key: another page as its own file makes it (its address
// and front matter), or what it is made of other pages (the pages it
// lists, its translations and topics); never its body, which no other page
// shows. Or a layout or partial that executed, a
// file of content/ a link points at, the site's list of every page, or a
// reference that found nothing (a broken link or page "x": any page that
// appears may be the one it wanted).
//
// The renderer fills a Set while it renders a page; build keeps each
// page's Set in an Index and asks it which pages read any of the keys an
// edit changed.
package reads
