package outputs

// PageText is what a page's body says, as the renderer parsed it: for a
// stage that indexes text (the search index), without parsing the
// Markdown a second time.
type PageText struct {
	Headings []string // the body's headings, in order, as plain text
	Text     []byte   // the body's text blocks (headings too), one a line; not to be changed
}
