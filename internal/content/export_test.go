package content

// ForgetTitleRanks clears the titleRank of every page of s: link makes the
// ranks to sort faster and Patch drops the patched page's, so two Sites of
// the same pages, in the same order, may differ in them alone.
func ForgetTitleRanks(s *Site) {
	for _, p := range s.Pages {
		p.titleRank = 0
	}
}
