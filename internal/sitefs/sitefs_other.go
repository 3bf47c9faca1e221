//go:build !linux

package sitefs

import (
	"io/fs"
	"os"
)

// beneath is Linux's openat2; elsewhere FS takes the portable path.
type beneath struct{}

func newBeneath(*os.Root) *beneath { return nil }

func (*beneath) close() {}

func (*beneath) open(f *FS, op, name string, dir bool) (*os.File, error) { panic("unreachable") }

func (*beneath) stat(f *FS, name string) (fs.FileInfo, error) { panic("unreachable") }
