// Command torv builds, previews and creates sites for municipalities'
// citizen-facing service pages. Run "torv help" for the commands.
package main

import (
	"fmt"
	"os"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // content or config errors: the editor can fix them
	exitUsage   = 2 // the command line is wrong
)

func main() {
	defer func() {
		// Editors must never see a stack trace: say what happened and how
		// to report it. TORV_DEBUG=1 keeps the trace for developers.
		if r := recover(); r != nil {
			if os.Getenv("TORV_DEBUG") != "" {
				panic(r)
			}
			fmt.Fprintf(os.Stderr, "torv: internal error: %v\nThis is a bug in torv. Please report it, with the command you ran; run again with TORV_DEBUG=1 for details.\n", r)
			os.Exit(exitContent)
		}
	}()
	os.Exit(newCLI(os.Stdout, os.Stderr).run(os.Args[1:]))
}
