package render

import "testing"

// TestFieldHint: a field a layout misspells gets the nearest field or
// method of the type text/template names, whatever the layout reached it
// through: the dot, .Site.Config, a page, a kind's front matter, a link of
// the language switcher.
func TestFieldHint(t *testing.T) {
	tests := map[string]string{
		`can't evaluate field Titel in type *render.View`:               "did you mean .Title?",
		`can't evaluate field Municipalty in type *config.Config`:       "did you mean .Municipality?",
		`can't evaluate field Descripton in type *content.Page`:         "did you mean .Description?",
		`can't evaluate field Statment in type *content.Principle`:      "did you mean .Statement?",
		`can't evaluate field Lnag in type render.LangLink`:             "did you mean .Lang?",
		`can't evaluate field Phnoe in type config.Contact`:             "did you mean .Phone?",
		`can't evaluate field Zzzzzzzzzz in type *config.Config`:        "",
		`can't evaluate field Title in type *somewhere.Else`:            "",
		`error calling t: the UI string "x" is missing in i18n/da.toml`: "",
	}
	for msg, want := range tests {
		if got := fieldHint(msg); got != want {
			t.Errorf("fieldHint(%q) = %q, want %q", msg, got, want)
		}
	}
}
