package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestBuildProfiles shows torv build's developer profiles: each flag
// writes a pprof file (gzipped protocol buffers), even for a site so
// small that no garbage collection ran.
func TestBuildProfiles(t *testing.T) {
	site := writeSite(t, 3)
	for _, flag := range []string{"-cpuprofile", "-memprofile"} {
		t.Run(flag, func(t *testing.T) {
			dir := t.TempDir()
			prof := filepath.Join(dir, "prof")
			code, _, stderr := runCLI("build", "-quiet", "-source", site, "-destination", filepath.Join(dir, "public"), flag, prof)
			if code != exitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			b, err := os.ReadFile(prof)
			if err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
				t.Errorf("%s wrote no pprof file (%d bytes, %v)", flag, len(b), err)
			}
		})
	}
}
