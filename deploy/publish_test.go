package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/outdir"
	"github.com/torv/torv/internal/overlay"
)

// buildSite builds the repository's example site into a folder of its
// own, as torv build does, with a marker of version in every page's footer
// and in the stylesheet: "publish-test-v1" or "publish-test-v2".
func buildSite(t *testing.T, version int) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	footer, err := os.ReadFile(filepath.Join(root, "layouts/partials/footer.html"))
	if err != nil {
		t.Fatal(err)
	}
	marker := fmt.Sprintf("publish-test-v%d", version)
	changed := fstest.MapFS{
		"layouts/partials/footer.html": {Data: bytes.Replace(footer, []byte("</footer>"),
			[]byte(`<p class="`+marker+`">`+marker+"</p>\n</footer>"), 1)},
		"assets/css/zz-publish-test.css": {Data: []byte("." + marker + "{margin-top:1rem}\n")},
	}
	res := build.Build(overlay.New(changed, os.DirFS(root)), torv.Defaults(), build.Options{})
	if res.Failed(false) {
		t.Fatalf("building version %d of the example site:\n%s", version, res.Diags.Error())
	}
	dest := filepath.Join(t.TempDir(), "public")
	dir, err := outdir.Open(dest, outdir.Options{Site: root})
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	if err := dir.Write(res.Output); err != nil {
		t.Fatal(err)
	}
	return dest
}

// publish runs torv-publish with the test server's ssh command and
// returns its output; it must succeed.
func publish(t *testing.T, s *sshServer, action string, args ...string) string {
	t.Helper()
	out, err := script(s.rsh(), action, args...)
	if err != nil {
		t.Fatalf("torv-publish %s %s: %v\n%s", action, strings.Join(args, " "), err, out)
	}
	return out
}

func script(rsh, action string, args ...string) (string, error) {
	cmd := exec.Command("./torv-publish", append([]string{action, "-e", rsh}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

var publishedAs = regexp.MustCompile(`(?m)^published \S+ to \S+/releases/(\S+)$`)

// release is the name of the release a publish's output reports.
func release(t *testing.T, out string) string {
	t.Helper()
	m := publishedAs.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("torv-publish did not say which release it made:\n%s", out)
	}
	return m[1]
}

// The pages the load asks for; each has the version marker and links the
// stylesheet, the place page also a script.
var loadPages = []string{"/", "/lov/sygedagpenge/", "/en/", "/steder/jobcenter-fjordby/", "/nyheder/"}

// Other files, the same in both versions: they must simply always be there.
var loadFiles = []string{"/robots.txt", "/sitemap.xml", "/tal/svartid.csv"}

var (
	versionMark = regexp.MustCompile(`publish-test-v(\d)`)
	assetRef    = regexp.MustCompile(`(?:href|src)="?(/(?:css|js)/[^"\s>]+)`)
)

// load asks nginx for pages and their stylesheets and scripts from a few
// clients at once, until stopped, and records what went wrong.
type load struct {
	base     string
	client   *http.Client
	stopped  atomic.Bool
	wg       sync.WaitGroup
	requests atomic.Int64
	seen     [3]atomic.Int64 // pages answered per version
	mu       sync.Mutex
	errs     []string
}

func startLoad(base string, clients int) *load {
	l := &load{base: base, client: &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients}}}
	for c := range clients {
		l.wg.Go(func() {
			for i := c; !l.stopped.Load(); i++ {
				l.page(loadPages[i%len(loadPages)])
				l.file(loadFiles[i%len(loadFiles)])
			}
		})
	}
	return l
}

func (l *load) stop() {
	l.stopped.Store(true)
	l.wg.Wait()
}

func (l *load) fail(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.errs) < 20 {
		l.errs = append(l.errs, fmt.Sprintf(format, args...))
	}
}

func (l *load) get(path string) ([]byte, bool) {
	l.requests.Add(1)
	resp, err := l.client.Get(l.base + path)
	if err != nil {
		l.fail("GET %s: %v", path, err)
		return nil, false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		l.fail("GET %s: %s %v", path, resp.Status, err)
		return nil, false
	}
	return b, true
}

func (l *load) file(path string) { l.get(path) }

// page fetches a page, checks that it is wholly one version, and fetches
// the stylesheet and scripts it links: they must be there and, for the
// stylesheet, of the same version, even when the page came just before a
// switch.
func (l *load) page(path string) {
	b, ok := l.get(path)
	if !ok {
		return
	}
	marks := versionMark.FindAllSubmatch(b, -1)
	if len(marks) == 0 || slices.ContainsFunc(marks, func(m [][]byte) bool { return !bytes.Equal(m[1], marks[0][1]) }) {
		l.fail("GET %s: a page of no one version (markers %q)", path, marks)
		return
	}
	version := marks[0][1]
	l.seen[version[0]-'0'].Add(1)
	refs := assetRef.FindAllSubmatch(b, -1)
	if len(refs) == 0 {
		l.fail("GET %s: no stylesheet linked", path)
	}
	for _, ref := range refs {
		asset, ok := l.get(string(ref[1]))
		if ok && bytes.HasSuffix(ref[1], []byte(".css")) && !bytes.Contains(asset, []byte("publish-test-v"+string(version))) {
			l.fail("GET %s (version %s) linked %s, which is not of its version", path, version, ref[1])
		}
	}
}

// fetch gets one address once and returns the page's version marker.
func fetchVersion(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	m := versionMark.FindSubmatch(b)
	if m == nil {
		t.Fatalf("GET %s: no version marker", url)
	}
	return "v" + string(m[1])
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// releases lists the folders in DIR/releases, hidden ones included.
func releases(t *testing.T, srv string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(srv, "releases"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

func currentRelease(t *testing.T, srv string) string {
	t.Helper()
	link, err := os.Readlink(filepath.Join(srv, "current"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(link, "releases/")
}

// TestPublishWhileServing publishes two builds of the example site to
// sshd on loopback while nginx serves DIR/current to clients that keep
// asking: no request may fail, and no page may come with a stylesheet of
// the other build. Then it rolls back, and publishes until five releases
// are kept.
func TestPublishWhileServing(t *testing.T) {
	t.Parallel()
	progs := need(t, "bash", "sshd", "ssh", "ssh-keygen", "rsync", "nginx")
	start := time.Now()
	v1, v2 := buildSite(t, 1), buildSite(t, 2)
	ssh := startSSH(t, progs)
	srv := t.TempDir()
	base := startNginx(t, progs, filepath.Join(srv, "current"))
	target := "127.0.0.1:" + srv
	// Not torv-publish's: they must survive every publish.
	if err := os.WriteFile(filepath.Join(srv, "keep.txt"), []byte("the server's own file"), 0o644); err != nil {
		t.Fatal(err)
	}

	r1 := release(t, publish(t, ssh, "publish", v1, target))
	if err := os.Mkdir(filepath.Join(srv, "releases", "copy-by-hand"), 0o755); err != nil {
		t.Fatal(err)
	}
	if v := fetchVersion(t, base+"/"); v != "v1" {
		t.Fatalf("after publishing version 1, nginx serves %s", v)
	}

	// Requests run through three switches: the publish of version 2, the
	// rollback to version 1, and the rollback to version 2 by name.
	l := startLoad(base, 4)
	time.Sleep(300 * time.Millisecond)
	r2 := release(t, publish(t, ssh, "publish", v2, target))
	time.Sleep(300 * time.Millisecond)
	// --link-dest: a file unchanged since the release before is that
	// release's file, not a copy.
	if inode(t, filepath.Join(srv, "releases", r1, "robots.txt")) != inode(t, filepath.Join(srv, "releases", r2, "robots.txt")) {
		t.Errorf("robots.txt, the same in both builds, is not hard-linked between releases %s and %s", r1, r2)
	}
	if css, _ := filepath.Glob(filepath.Join(srv, "releases", r2, "css", "*.css")); len(css) != 2 {
		t.Errorf("release %s holds stylesheets %v; want its own and version 1's, for pages loaded before the switch", r2, css)
	}

	publish(t, ssh, "rollback", target)
	if v := fetchVersion(t, base+"/lov/sygedagpenge/"); v != "v1" || currentRelease(t, srv) != r1 {
		t.Errorf("after rollback: nginx serves %s and current is %s; want v1 and %s", v, currentRelease(t, srv), r1)
	}
	time.Sleep(300 * time.Millisecond)
	publish(t, ssh, "rollback", target, r2)
	if v := fetchVersion(t, base+"/"); v != "v2" {
		t.Errorf("after rollback to %s: nginx serves %s, want v2", r2, v)
	}
	time.Sleep(300 * time.Millisecond)
	l.stop()
	t.Logf("%d requests while switching: %d pages of version 1, %d of version 2",
		l.requests.Load(), l.seen[1].Load(), l.seen[2].Load())
	if len(l.errs) > 0 {
		t.Errorf("requests failed while switching:\n%s", strings.Join(l.errs, "\n"))
	}
	if l.seen[1].Load() == 0 || l.seen[2].Load() == 0 {
		t.Errorf("the load saw version 1 %d times and version 2 %d times; it must span the switches",
			l.seen[1].Load(), l.seen[2].Load())
	}

	checkKeepsFive(t, ssh, srv, target, []string{v2, v1, v2, v1, v2}, r1)
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// checkKeepsFive publishes the builds in turn (publishes 3 to 7) and checks
// that exactly the last five releases remain, and everything that is not
// torv-publish's.
func checkKeepsFive(t *testing.T, ssh *sshServer, srv, target string, builds []string, gone string) {
	t.Helper()
	var names []string
	for i, b := range builds {
		names = append(names, release(t, publish(t, ssh, "publish", b, target)))
		if i == 0 {
			// The release before kept version 1's stylesheet for pages
			// loaded before its switch; the next one does not carry it on.
			css, _ := filepath.Glob(filepath.Join(srv, "releases", names[0], "css", "*.css"))
			if len(css) != 1 {
				t.Errorf("release %s holds %d stylesheets, want its own only: %v", names[0], len(css), css)
			}
		}
	}
	got := releases(t, srv)
	want := append([]string{"copy-by-hand"}, names...)
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("after 7 publishes DIR/releases holds %v, want %v", got, want)
	}
	if cur := currentRelease(t, srv); cur != names[len(names)-1] {
		t.Errorf("current is %s, want the last release %s", cur, names[len(names)-1])
	}
	if _, err := os.Stat(filepath.Join(srv, "releases", gone)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("release %s, the sixth newest, is still there", gone)
	}
	if _, err := os.Stat(filepath.Join(srv, "keep.txt")); err != nil {
		t.Errorf("the server's own file is gone: %v", err)
	}
	if out := publish(t, ssh, "list", target); strings.Count(out, "\n") != 5 || !strings.Contains(out, "* "+names[len(names)-1]) {
		t.Errorf("torv-publish list shows:\n%s\nwant five releases, the last one marked current", out)
	}
}
