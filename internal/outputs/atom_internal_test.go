package outputs

import "testing"

// TestAbsHTML: the site's addresses in an entry's HTML become absolute,
// a link to a part of the page gets the page's address, and nothing else
// changes.
func TestAbsHTML(t *testing.T) {
	const origin, page = "https://x.dk", "https://x.dk/b/om/?a=1&b=2"
	tests := []struct{ in, want string }{
		{`<p><a href="/b/lov/">lov</a></p>`, `<p><a href="https://x.dk/b/lov/">lov</a></p>`},
		{`<img src="/b/k.png" alt="/b/k.png">`, `<img src="https://x.dk/b/k.png" alt="/b/k.png">`},
		{`<a href="#del">del</a>`, `<a href="https://x.dk/b/om/?a=1&amp;b=2#del">del</a>`},
		{`<a href="https://y.dk/">y</a> <a href="//y.dk/">y</a> <a href="mailto:a@x.dk">a</a>`, `<a href="https://y.dk/">y</a> <a href="//y.dk/">y</a> <a href="mailto:a@x.dk">a</a>`},
		{`<a class="term" href='/b/ord/' title="x">ord</a>`, `<a class="term" href='https://x.dk/b/ord/' title="x">ord</a>`},
		{`<a href=/b/x/>x</a>`, `<a href="https://x.dk/b/x/">x</a>`},
		{`<p>href="/b/" &amp; &lt;a href="/b/"&gt;</p>`, `<p>href="/b/" &amp; &lt;a href="/b/"&gt;</p>`},
		{`<pre><code>&lt;img src="/x"&gt;
</code></pre>`, `<pre><code>&lt;img src="/x"&gt;
</code></pre>`},
	}
	for _, tt := range tests {
		if got := absHTML(tt.in, origin, page); got != tt.want {
			t.Errorf("absHTML(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestEsc: text is escaped for XML, and what XML 1.0 forbids is dropped.
func TestEsc(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a & b < c > d "e"`, "a &amp; b &lt; c &gt; d &quot;e&quot;"},
		{"tab\tand\nlines\r", "tab\tand\nlines\r"},
		{"v\x0bt\x00x\x1f", "vtx"},
		{"bad \xff utf-8, \uFFFE", "bad  utf-8, "},
		{"æøå – €", "æøå – €"},
	}
	for _, tt := range tests {
		if got := esc(tt.in); got != tt.want {
			t.Errorf("esc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
