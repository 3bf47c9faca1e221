package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRendersAPage proves the set-up: Chromium starts, loads a page
// from loopback and reports what it shows.
func TestBrowserRendersAPage(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="da"><title>t</title><h1>Goddag</h1>`))
	}))
	defer ts.Close()
	ctx := New(t)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var h1 string
	if err := chromedp.Run(ctx, chromedp.Navigate(ts.URL), chromedp.Text("h1", &h1)); err != nil {
		t.Fatal(err)
	}
	if h1 != "Goddag" {
		t.Errorf("h1 = %q, want Goddag", h1)
	}
}
