// Package sitepath maps a site address to the file that holds it in the
// output, and back: the one rule the build, the preview's server, the
// findings panel and torv check share, so that a page is found where it
// was written.
//
// An address ends in "/" for a page, which is written as index.html in
// its folder ("/lov/x/" is "lov/x/index.html", "/" is "index.html"); an
// address naming an .html file is that file ("/404.html" is "404.html").
// Any other address, a file torv copies or makes ("/css/site.css"), is
// its path without the leading slash. File names have no leading slash,
// addresses always have one.
package sitepath
