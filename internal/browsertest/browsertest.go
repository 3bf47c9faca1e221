// Package browsertest starts headless Chromium for torv's browser tests.
//
// Browser tests drive Debian's chromium (apt-get install chromium) through
// the DevTools protocol with chromedp, so that "go test ./..." runs them
// with every other test and no Node.js test runner is needed. On a
// developer's machine without Chromium they skip with a message that says
// how to install it; in CI (CI=true) a missing Chromium fails the test
// instead, so a broken install can never pass as a skipped suite.
//
// Chromium is started the way this machine's closed network needs:
// headless, without sandbox (tests run as root), without background
// networking, component updates or sync, with a fresh profile, so it makes
// no request but the test's own.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path finds the Chromium binary: $CHROMIUM, else chromium or
// chromium-browser on PATH.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options start Chromium at path headless, with a new profile in the
// folder profile, and without the background traffic (updates, sync,
// metrics) that this machine's closed network refuses: so the only
// requests are the pages'. The bench's browser driver starts it so too.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-pings", true),
	}
}

// Require skips the test when Chromium is missing, or fails it in CI.
func Require(t testing.TB) string {
	t.Helper()
	p := Path()
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is missing, and CI=true requires the browser tests: apt-get install chromium")
		}
		t.Skip("browser test skipped: Chromium is not installed (apt-get install chromium, or set CHROMIUM=/path/to/chrome)")
	}
	return p
}

// New starts a headless Chromium and returns a browser context that lives
// until the test ends. chromedp.NewContext(ctx) opens more tabs in it.
func New(t testing.TB, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := Require(t)
	all := append(Options(path, t.TempDir()), opts...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), all...)
	ctx, cancel := chromedp.NewContext(actx)
	// Start the browser now, so a failure to start is reported here. The
	// first Run ties the browser's life to its context: it must be ctx
	// itself, not a context with a shorter deadline.
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	t.Cleanup(func() {
		// Close the browser properly first: killed at once, Chromium's
		// helper processes may still write to the profile folder while
		// the test removes it.
		if ctx.Err() == nil { // the test may have closed it already
			chromedp.Cancel(ctx)
		}
		cancel()
		cancelAlloc()
	})
	return ctx
}
