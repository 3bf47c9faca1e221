package outdir

import (
	"io/fs"
	"syscall"
)

// stampOf is the change time of the file info describes.
func stampOf(info fs.FileInfo) stamp {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}
	}
	return stamp{dev: uint64(st.Dev), ns: st.Ctim.Sec*1e9 + st.Ctim.Nsec}
}
