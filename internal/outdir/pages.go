package outdir

// The manifest also remembers the address of each page of the build,
// with the file it was made from, so that the next build can tell that a
// page moved (package moved) and suggest keeping its old address.

// A Page is one page of a build: its source file ("content/om.md"), its
// address (a site path, "/om/") and its title.
type Page struct {
	File  string `json:"file"`
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
}

// SetPages sets the pages Commit's manifest lists. It is safe to call
// from one goroutine before Commit.
func (s *Staging) SetPages(pages []Page) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages = pages
}

// Pages returns the pages dir's manifest lists: those of the build that
// wrote it; nil when it has no manifest, or one from before pages were
// listed.
func Pages(dir string) []Page {
	m, ok := readManifest(dir, whole)
	if !ok {
		return nil
	}
	return m.Pages
}
