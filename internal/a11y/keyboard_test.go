package a11y

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// keyboardPages are the pages tabbed through: the home page, a law
// explainer, a place and the feedback form.
var keyboardPages = []keyPage{keyPages[0], keyPages[1], keyPages[2], keyPages[4]}

// focusInfo is __torv.focused(): where focus is.
type focusInfo struct {
	Index         int
	Sel, Text     string
	Tag           string
	X, Y, W, H    float64
	InView        bool
	VisiblePoints int
	CoveredBy     []string
	FocusVisible  bool
	Hash          string
	IsMain        bool
	Sig           string // what decides the look of its focus indicator
}

func (f focusInfo) String() string { return fmt.Sprintf("%s %q", f.Sel, f.Text) }

// TestKeyboard tabs through every focusable element of the keyboard pages
// in light and dark at 1280 px, in forced colours, and at 320 px:
//
//   - the first Tab reaches the skip link, and Enter on it moves focus to
//     <main>, from where the next Tab reaches the first link of the
//     content;
//   - Tab reaches every focusable element once, in document order (no
//     positive tabindex), and at 320 px, where the layout is one column,
//     each stop is below or to the right of the one before (reading order);
//   - each focused element is in view and not entirely covered by another
//     (2.4.11 Focus Not Obscured);
//   - each gets a visible focus indicator: comparing screenshots of the
//     element with and without focus, the pixels that change with at
//     least 3:1 contrast between the two states must add up to at least a
//     one-pixel line around the element (2.4.7 with 1.4.11's 3:1).
func TestKeyboard(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	tb := newTab(t, b)
	rep := newReport()
	forcedLight := light1280.with(func(m *mode) { m.ForcedColors = true; m.Name = "forced colours 1280px" })
	t0 := time.Now()
	stops := 0
	for _, p := range keyboardPages {
		s := p.site(t)
		for _, m := range []mode{light1280, dark1280, forcedLight, light320} {
			pixels := m.Width == 1280 // the indicator's colours; 320 px checks order and visibility
			stops += tabThrough(tb, s, p, m, pixels, rep)
		}
	}
	t.Logf("%d focus stops checked in %v", stops, time.Since(t0).Round(time.Millisecond))
	rep.fail(t, 20)
}

// tabThrough walks one page in one mode and returns the number of stops.
func tabThrough(tb *tab, s *site, p keyPage, m mode, pixels bool, rep *report) int {
	where := p.name + " " + p.path + " (" + m.Name + ")"
	fail := func(check string, details ...string) { rep.add(check, where, details...) }
	var focusables, positive []string
	start := func() bool {
		err := tb.emulate(m)
		if err == nil {
			err = tb.load(s.url(p.path))
		}
		if err == nil {
			err = tb.inject(checksJS)
		}
		if err == nil {
			err = tb.eval(`__torv.focusables()`, &focusables)
		}
		if err == nil {
			err = tb.run(10*time.Second, page.BringToFront())
		}
		if err != nil {
			fail("the browser could not load the page", err.Error())
			return false
		}
		return true
	}
	if !start() {
		return 0
	}
	if err := tb.eval(`__torv.positiveTabindex()`, &positive); err != nil {
		fail("the browser could not run a check", err.Error())
		return 0
	}
	fail("tab order: tabindex > 0 changes the order", positive...)

	press := func(key string) (focusInfo, error) {
		var f focusInfo
		err := tb.run(10*time.Second, chromedp.KeyEvent(key))
		if err == nil {
			err = tb.eval(`__torv.focused()`, &f)
		}
		return f, err
	}

	var prev focusInfo
	n := 0
	seen := map[string]bool{}
	for i := 0; i <= len(focusables); i++ {
		f, err := press(kb.Tab)
		if err != nil {
			fail("the browser could not press Tab", err.Error())
			return n
		}
		if i == len(focusables) {
			if f.Index >= 0 {
				fail("tab order: Tab reaches more than the focusable elements", f.String())
			}
			break
		}
		if f.Index != i {
			got := "the page itself (focus left the page)"
			if f.Index >= 0 || f.Tag != "body" {
				got = f.String()
			}
			fail("tab order: Tab does not reach every focusable element in document order",
				fmt.Sprintf("stop %d should be %s, is %s", i+1, focusables[i], got))
			return n
		}
		n++
		if i == 0 && !strings.Contains(f.Sel, "skip-link") {
			fail("skip link: the first Tab does not reach it", f.String())
		}
		if !f.FocusVisible {
			fail("focus: the focused element does not match :focus-visible", f.String())
		}
		if !f.InView {
			fail("focus not obscured (2.4.11): the focused element is out of view", f.String())
		} else if f.VisiblePoints == 0 {
			fail("focus not obscured (2.4.11): the focused element is hidden behind another", f.String()+" under "+strings.Join(f.CoveredBy, ", "))
		}
		if m.Width == 320 && i > 0 && !(f.Y >= prev.Y-2 || (math.Abs(f.Y-prev.Y) < 6 && f.X >= prev.X)) {
			fail("reading order: at 320 px a Tab stop is above the one before",
				fmt.Sprintf("%s at y=%.0f comes after %s at y=%.0f", f, f.Y, prev, prev.Y))
		}
		// Elements that look alike with focus on the same background
		// are compared once a page.
		if pixels && !seen[f.Sig] {
			seen[f.Sig] = true
			if msg := focusIndicator(tb, f, i); msg != "" {
				fail("focus indicator: not visible at 3:1", f.String()+": "+msg)
			}
		}
		prev = f
	}

	// Skip link: Enter moves focus to <main>, and Tab goes on from there.
	if !start() {
		return n
	}
	var firstInMain int
	if err := tb.eval(`(window.__torvFocusables || []).findIndex((el) => document.querySelector("main").compareDocumentPosition(el) & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING))`, &firstInMain); err != nil {
		fail("the browser could not run a check", err.Error())
		return n
	}
	if _, err := press(kb.Tab); err != nil {
		fail("the browser could not press Tab", err.Error())
		return n
	}
	f, err := press(kb.Enter)
	if err != nil {
		fail("the browser could not press Enter", err.Error())
		return n
	}
	if !f.IsMain || f.Hash != "#main" {
		fail("skip link: Enter does not move focus to <main>", fmt.Sprintf("focus is on %s, address ends in %q", f, f.Hash))
	}
	if f, err := press(kb.Tab); err != nil {
		fail("the browser could not press Tab", err.Error())
	} else if f.Index != firstInMain {
		want := "nothing"
		if firstInMain >= 0 {
			want = focusables[firstInMain]
		}
		fail("skip link: Tab after it does not go on in <main>", fmt.Sprintf("focus is on %s, want %s", f, want))
	}
	return n
}

// focusIndicator compares the focused element (index i of focusables)
// with itself unfocused and says what is wrong, or "".
func focusIndicator(tb *tab, f focusInfo, i int) string {
	const margin = 8 // outline width + offset + a little
	clip := &page.Viewport{X: math.Max(0, math.Floor(f.X-margin)), Y: math.Max(0, math.Floor(f.Y-margin)), Scale: 1}
	clip.Width = math.Ceil(f.X+f.W+margin) - clip.X
	clip.Height = math.Ceil(f.Y+f.H+margin) - clip.Y
	on, err := tb.captureBeyond(clip)
	if err != nil {
		return err.Error()
	}
	var blurred, back bool
	if err := tb.eval(`__torv.blur()`, &blurred); err != nil || !blurred {
		return fmt.Sprintf("cannot take focus away (%v)", err)
	}
	off, err := tb.captureBeyond(clip)
	if err != nil {
		return err.Error()
	}
	if err := tb.eval(fmt.Sprintf(`__torv.refocus(%d)`, i), &back); err != nil || !back {
		return fmt.Sprintf("cannot give focus back (%v)", err)
	}
	changed, err := indicatorPixels(on, off)
	if err != nil {
		return err.Error()
	}
	// A one-pixel line around the element's box.
	need := int(2 * (f.W + f.H))
	if changed < need {
		return fmt.Sprintf("%d pixels change at 3:1 or more when it gets focus; a 1 px line around it is %d", changed, need)
	}
	return ""
}

// indicatorPixels counts the pixels whose colours with and without focus
// differ by a contrast ratio of at least 3:1.
func indicatorPixels(on, off []byte) (int, error) {
	a, err := png.Decode(bytes.NewReader(on))
	if err != nil {
		return 0, err
	}
	b, err := png.Decode(bytes.NewReader(off))
	if err != nil {
		return 0, err
	}
	r := a.Bounds().Intersect(b.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if contrast(a.At(x, y), b.At(x, y)) >= 3 {
				n++
			}
		}
	}
	return n, nil
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b interface{ RGBA() (r, g, b, a uint32) }) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
	r, g, b, _ := c.RGBA()
	f := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(b)
}
