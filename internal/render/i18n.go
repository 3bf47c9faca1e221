package render

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/sitefs"
)

// uiStrings is one language's UI strings, from i18n/<lang>.toml.
type uiStrings map[string]string

func loadStrings(fsys fs.FS, lang string) (uiStrings, diag.List) {
	file := "i18n/" + lang + ".toml"
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.List{diag.Errorf(file, 0, 0, "there are no UI strings for language %q", lang).
				WithHint("copy i18n/da.toml to %s and translate it", file)}
		}
		if d := sitefs.Diag(err); d != nil {
			return nil, diag.List{d}
		}
		return nil, diag.List{diag.Errorf(file, 0, 0, "cannot read: %v", err)}
	}
	src := decode.Source{File: file, Text: string(b), Line: 1, What: file}
	var m map[string]any
	out := uiStrings{}
	errs := decode.DecodeAs(src, func(raw map[string]any, errorf func(string, string, ...any) *diag.Error) any {
		m = raw
		return nil
	})
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s, ok := m[k].(string)
		if !ok {
			line, col := decode.PosOf(src, k)
			errs.Add(diag.Errorf(file, line, col, "%s must be text", k).WithHint(`write %s = "..."`, k))
			continue
		}
		out[k] = s
	}
	return out, errs
}

func (s uiStrings) get(lang, key string) (string, error) {
	if v, ok := s[key]; ok {
		return v, nil
	}
	return "", fmt.Errorf("the UI string %q is missing in i18n/%s.toml; add a line %s = \"...\"", key, lang, key)
}
