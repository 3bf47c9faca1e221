package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/server"
)

func (c *cli) serveFlags(fs *flag.FlagSet) func() int {
	var sf siteFlags
	fs.StringVar(&sf.source, "source", ".", "the site `folder`: it holds config.toml and content/")
	fs.BoolVar(&sf.drafts, "drafts", true, "include pages marked draft = true (on by default in the preview)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; anything but loopback shows the preview to your network")
	port := fs.Int("port", 1313, "the `port` to listen on")
	return func() int {
		if fs.NArg() > 0 {
			fmt.Fprintf(c.stderr, "torv serve: unexpected argument %q (the site folder is given with -source)\n", fs.Arg(0))
			return exitUsage
		}
		srv := server.New(os.DirFS(sf.source), torv.Defaults(), sf.options(), c.stderr)
		srv.Build()
		addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			fmt.Fprintf(c.stderr, "torv serve: cannot listen on %s: %v\n", addr, err)
			if free := freePort(*bind, *port); free != 0 {
				fmt.Fprintf(c.stderr, "The port may be taken. Try: torv serve -port %d\n", free)
			}
			return exitUsage
		}
		if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(c.stderr, "Warning: listening on %s shows the preview, drafts included, to every machine that can reach this one.\n", *bind)
		}
		fmt.Fprintf(c.stdout, "Preview at http://%s/ (Ctrl-C stops it)\n", ln.Addr())
		hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		go func() {
			<-ctx.Done()
			shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			hs.Shutdown(shut)
		}()
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(c.stderr, "torv serve: %v\n", err)
			return exitContent
		}
		fmt.Fprintln(c.stdout, "Stopped.")
		return exitOK
	}
}

// freePort finds the next port after port that is free on bind, or 0.
func freePort(bind string, port int) int {
	for p := port + 1; p < port+20 && p < 65536; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			ln.Close()
			return p
		}
	}
	return 0
}
