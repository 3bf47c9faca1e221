package markup_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv/internal/markup"
)

// TestPathologicalInput feeds the converter input that makes Markdown
// parsers recurse deeply or rescan the rest of the input: it must neither
// panic nor take more than a few seconds. The build's preview converts
// whatever an editor saves.
func TestPathologicalInput(t *testing.T) {
	const budget = 3 * time.Second
	tests := []struct {
		name string
		src  string
	}{
		{"10 000 [", strings.Repeat("[", 10000)},
		{"10 000 ![", strings.Repeat("![", 10000)},
		{"5 000 nested >", strings.Repeat(">", 5000) + " x"},
		{"5 000 nested > with spaces", strings.Repeat("> ", 5000) + "x"},
		{"5 000 nested lists", strings.Repeat("- ", 5000) + "x"},
		{"10 000 [ then 10 000 ](x)", strings.Repeat("[", 10000) + "a" + strings.Repeat("](x)", 10000)},
		{"10 000 *", strings.Repeat("*", 10000) + "a"},
		{"10 000 <", strings.Repeat("<", 10000)},
		{"10 000 `", strings.Repeat("`", 10000)},
		{"20 000 <!--", strings.Repeat("a <!--", 20000)},
		{"wide table", strings.Repeat("|a", 5000) + "\n" + strings.Repeat("|-", 5000) + "\n" + strings.Repeat("|b", 5000)},
		{"200 000 lines", strings.Repeat("a\n", 200000)},
		{"40 000 [a](", strings.Repeat("[a](", 40000)},
	}
	md := markup.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				defer func() {
					if r := recover(); r != nil {
						done <- fmt.Errorf("panic: %v", r)
					}
				}()
				var out bytes.Buffer
				_, err := md.Convert(&out, "content/a.md", []byte(tt.src), fakeSite)
				if err == nil && out.Len() == 0 {
					err = fmt.Errorf("no output")
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(budget):
				t.Fatalf("%d bytes of Markdown take more than %v", len(tt.src), budget)
			}
			t.Logf("%v", time.Since(start))
		})
	}
}
