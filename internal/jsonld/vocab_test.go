package jsonld_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// vocab is testdata/schemaorg.json: the part of schema.org this package
// uses.
type vocab struct {
	Types        map[string][]string `json:"types"`     // type -> its direct supertypes
	DataTypes    map[string][]string `json:"dataTypes"` // data type -> its supertypes
	Enumerations map[string][]string `json:"enumerations"`
	Properties   map[string]struct {
		Domain []string `json:"domainIncludes"`
		Range  []string `json:"rangeIncludes"`
		IDRef  bool     `json:"idRef"`
	} `json:"properties"`
}

func loadVocab(t *testing.T) *vocab {
	t.Helper()
	b, err := os.ReadFile("testdata/schemaorg.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vocab
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return &v
}

// isA reports whether type (or data type) t is s or a subtype of it.
func (v *vocab) isA(t, s string) bool {
	if t == s {
		return true
	}
	supers := v.Types[t]
	if d, ok := v.DataTypes[t]; ok {
		supers = d
	}
	return slices.ContainsFunc(supers, func(p string) bool { return v.isA(p, s) })
}

var (
	timeOfDay = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$`)
	langTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
)

// literal reports whether a JSON value that is not a node is a value of
// data type or enumeration r.
func (v *vocab) literal(x any, r string) bool {
	s, isString := x.(string)
	switch {
	case r == "Boolean":
		_, ok := x.(bool)
		return ok
	case r == "Number":
		_, ok := x.(float64)
		return ok
	case r == "Integer":
		f, ok := x.(float64)
		return ok && f == float64(int64(f))
	case !isString:
		return false
	case r == "Text":
		return strings.TrimSpace(s) != ""
	case r == "URL":
		u, err := url.Parse(s)
		return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	case r == "Date":
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	case r == "DateTime":
		_, err := time.Parse(time.RFC3339, s)
		return err == nil
	case r == "Time":
		return timeOfDay.MatchString(s)
	case r == "Language":
		return langTag.MatchString(s)
	}
	if members, ok := v.Enumerations[r]; ok {
		m, ok := strings.CutPrefix(s, "https://schema.org/")
		return ok && slices.Contains(members, m)
	}
	return false
}

// check walks node n, whose path in the page's graph is at, and reports
// every type, property and value schema.org does not have as emitted.
func (v *vocab) check(n map[string]any, at string, seen map[string]bool) []string {
	var bad []string
	typ, _ := n["@type"].(string)
	if _, ok := v.Types[typ]; !ok {
		return []string{fmt.Sprintf("%s: type %q is not in the vocabulary", at, typ)}
	}
	seen[typ] = true
	for key, val := range n {
		if strings.HasPrefix(key, "@") {
			continue
		}
		prop, ok := v.Properties[key]
		if !ok {
			bad = append(bad, fmt.Sprintf("%s: property %q is not in the vocabulary", at, key))
			continue
		}
		seen[key] = true
		if !slices.ContainsFunc(prop.Domain, func(d string) bool { return v.isA(typ, d) }) {
			bad = append(bad, fmt.Sprintf("%s: %s is not a property of %s (its domain is %v)", at, key, typ, prop.Domain))
		}
		vals, isList := val.([]any)
		if !isList {
			vals = []any{val}
		}
		for i, x := range vals {
			where := at + "." + key
			if isList {
				where += fmt.Sprintf("[%d]", i)
			}
			bad = append(bad, v.value(x, where, prop.Range, prop.IDRef, seen)...)
		}
	}
	return bad
}

// value checks one value of a property against its range.
func (v *vocab) value(x any, at string, rng []string, idRef bool, seen map[string]bool) []string {
	if m, ok := x.(map[string]any); ok {
		typ, _ := m["@type"].(string)
		if !slices.ContainsFunc(rng, func(r string) bool { return v.isA(typ, r) }) {
			return []string{fmt.Sprintf("%s: a %s, but the range is %v", at, typ, rng)}
		}
		return v.check(m, at, seen)
	}
	if idRef && v.literal(x, "URL") {
		return nil // the address of a thing, as schema.org's context reads it
	}
	if !slices.ContainsFunc(rng, func(r string) bool { return v.literal(x, r) }) {
		return []string{fmt.Sprintf("%s: %v is none of %v", at, x, rng)}
	}
	return nil
}

// TestVocabulary: every type and property the example site's pages emit
// exists in schema.org, each property on a type in its domain, each value
// in its range (a node of a type in it, a date, a time, an absolute URL,
// a member of the enumeration …), and every property of the vocabulary
// subset is used, so that it stays the part this package needs.
func TestVocabulary(t *testing.T) {
	v := loadVocab(t)
	seen := map[string]bool{}
	pages := 0
	for page, blocks := range graphs(t, exampleSite(t)) {
		pages++
		for _, b := range blocks {
			if b["@context"] != "https://schema.org" {
				t.Errorf("%s: @context %v", page, b["@context"])
			}
			nodes, ok := b["@graph"].([]any)
			if !ok || len(nodes) == 0 {
				t.Errorf("%s: no @graph", page)
			}
			for i, n := range nodes {
				m, ok := n.(map[string]any)
				if !ok {
					t.Errorf("%s: @graph[%d] is no node", page, i)
					continue
				}
				for _, e := range v.check(m, fmt.Sprintf("%s @graph[%d]", page, i), seen) {
					t.Error(e)
				}
			}
		}
	}
	if pages < 100 {
		t.Errorf("JSON-LD on %d pages of the example site; it should be on every page but one", pages)
	}
	for _, kind := range []string{"WebSite", "GovernmentOffice", "NewsArticle", "GovernmentService", "BreadcrumbList",
		"specialOpeningHoursSpecification", "validThrough", "amenityFeature", "isAccessibleForFree"} {
		if !seen[kind] {
			t.Errorf("the example site emits no %s", kind)
		}
	}
	for prop := range v.Properties {
		if !seen[prop] {
			t.Errorf("testdata/schemaorg.json has %s, which nothing emits", prop)
		}
	}
}

// TestVocabularyBites: the check finds what schema.org does not have.
func TestVocabularyBites(t *testing.T) {
	v := loadVocab(t)
	tests := []struct {
		node string
		want string
	}{
		{`{"@type":"GovernmentOfice"}`, `type "GovernmentOfice" is not in the vocabulary`},
		{`{"@type":"NewsArticle","openingHours":"Mo"}`, `property "openingHours" is not in the vocabulary`},
		{`{"@type":"NewsArticle","telephone":"1"}`, `telephone is not a property of NewsArticle`},
		{`{"@type":"GovernmentOffice","openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":"Monday","opens":"8:00"}]}`, `dayOfWeek: Monday is none of [DayOfWeek]`},
		{`{"@type":"GovernmentOffice","openingHoursSpecification":{"@type":"OpeningHoursSpecification","opens":"8.00"}}`, `opens: 8.00 is none of [Time]`},
		{`{"@type":"NewsArticle","datePublished":"16-11-2026"}`, `datePublished: 16-11-2026 is none of [Date DateTime]`},
		{`{"@type":"NewsArticle","publisher":{"@type":"PostalAddress"}}`, `publisher: a PostalAddress, but the range is [Organization Person]`},
		{`{"@type":"NewsArticle","url":"/nyheder/"}`, `url: /nyheder/ is none of [URL]`},
		{`{"@type":"GovernmentOffice","isAccessibleForFree":"ja"}`, `isAccessibleForFree: ja is none of [Boolean]`},
	}
	for _, tt := range tests {
		var n map[string]any
		if err := json.Unmarshal([]byte(tt.node), &n); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(v.check(n, "x", map[string]bool{}), "\n")
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: found %q, want %q", tt.node, got, tt.want)
		}
	}
}
