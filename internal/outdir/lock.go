package outdir

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// lock is a held lock file.
type lock struct {
	f    *os.File
	path string
}

// busyError says that another build holds the lock.
type busyError struct{ holder string }

func (e *busyError) Error() string { return "locked by " + e.holder }

// writeHolder records in the lock file who holds it, for the message a
// second build gives.
func writeHolder(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(fmt.Sprintf("pid %d\nstarted %s\n", os.Getpid(), time.Now().Format(time.RFC3339))), 0)
	return err
}

// readHolder describes the holder written in the lock file: "process 4242,
// started at 09:14:03". known is false while the holder has taken the lock
// but not yet written who it is.
func readHolder(f *os.File) (holder string, known bool) {
	b, _ := io.ReadAll(io.NewSectionReader(f, 0, 1<<10))
	var pid int
	var started time.Time
	for line := range strings.Lines(string(b)) {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch key {
		case "pid":
			pid, _ = strconv.Atoi(val)
		case "started":
			started, _ = time.Parse(time.RFC3339, val)
		}
	}
	if pid == 0 {
		return "process unknown; it has only just started", false
	}
	s := "process " + strconv.Itoa(pid)
	if !started.IsZero() {
		layout := "15:04:05"
		if time.Since(started) > 20*time.Hour {
			layout = "2006-01-02 15:04:05"
		}
		s += ", started at " + started.Local().Format(layout)
	}
	return s, true
}

// nameWait is how long a build that gives up on a lock waits for its
// holder to write who it is, so the message can name it.
const nameWait = 200 * time.Millisecond
