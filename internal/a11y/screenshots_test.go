package a11y

import (
	"bytes"
	"fmt"
	"github.com/chromedp/cdproto/page"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// keyPage is one of the pages the suite looks at most closely.
type keyPage struct {
	name string
	site func(testing.TB) *site
	path string
}

// keyPages are the five pages that show every component: the home page,
// a law explainer, a place, figures with a chart, and the feedback form.
var keyPages = []keyPage{
	{"home", exampleSite, "/"},
	{"law", exampleSite, "/lov/sygedagpenge/"},
	{"place", exampleSite, "/steder/jobcenter-fjordby/"},
	{"figures", exampleSite, "/tal/taelleugerne/"},
	{"feedback", formSite, "/feedback/"},
}

// screenshotDir is where screenshots go: $TORV_SCREENSHOTS, else
// torv-screenshots in the system's temporary folder; never the repository.
func screenshotDir(t testing.TB) string {
	dir := os.Getenv("TORV_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "torv-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScreenshots writes PNGs of the key pages at 320 and 1280 px, light
// and dark: NAME-WIDTH-SCHEME.png is the whole page, NAME-WIDTH-SCHEME-top.png
// the first screen. It checks that each is as wide as the viewport and not
// blank.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	dir := screenshotDir(t)
	type shot struct {
		p keyPage
		s *site
		m mode
	}
	var jobs []shot
	for _, p := range keyPages {
		for _, m := range []mode{light320, dark320, light1280, dark1280} {
			jobs = append(jobs, shot{p, p.site(t), m})
		}
	}
	rep := newReport()
	t0 := time.Now()
	forPages(t, b, 1, jobs, func(tb *tab, j shot) {
		where := j.p.name + " (" + j.m.Name + ")"
		s := j.s
		var full, top []byte
		err := tb.emulate(j.m)
		if err == nil {
			err = tb.load(s.url(j.p.path))
		}
		if err == nil {
			err = tb.eval(`window.scrollTo(0, 0), 0`, nil)
		}
		if err == nil {
			top, err = tb.capture(nil)
		}
		if err == nil {
			full, err = tb.fullScreenshot()
		}
		if err != nil {
			rep.add("screenshot", where, err.Error())
			return
		}
		if testing.Verbose() {
			t.Logf("%s: %v", where, time.Since(t0))
		}
		base := fmt.Sprintf("%s-%d-%s", j.p.name, j.m.Width, strings.Fields(j.m.Name)[0])
		for name, b := range map[string][]byte{base + ".png": full, base + "-top.png": top} {
			if msg := checkPNG(b, int(j.m.Width)); msg != "" {
				rep.add("screenshot", where, name+": "+msg)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				rep.add("screenshot", where, err.Error())
			}
		}
	})
	rep.fail(t, 20)
	t.Logf("%d screenshots in %s (%v)", 2*len(jobs), dir, time.Since(t0).Round(time.Millisecond))
}

// checkPNG says what is wrong with a screenshot: not a PNG, not as wide
// as the viewport, or nearly one colour.
func checkPNG(b []byte, width int) string {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return "not a PNG: " + err.Error()
	}
	if w := img.Bounds().Dx(); w != width {
		return fmt.Sprintf("%d px wide, want %d", w, width)
	}
	if n := colours(img, 50); n < 50 {
		return fmt.Sprintf("only %d colours: is the page blank?", n)
	}
	return ""
}

// colours counts the distinct colours of an image, up to limit.
func colours(img image.Image, limit int) int {
	seen := map[uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>8<<16|cg>>8<<8|cb>>8] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// fullScreenshot captures the whole page.
func (tb *tab) fullScreenshot() ([]byte, error) {
	var h float64
	if err := tb.eval(`window.scrollTo(0, 0), Math.ceil(document.documentElement.scrollHeight)`, &h); err != nil {
		return nil, err
	}
	return tb.captureBeyond(&page.Viewport{Width: float64(tb.mode.Width), Height: min(h, 20000), Scale: 1})
}
