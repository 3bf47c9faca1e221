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
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/server"
	"github.com/torv/torv/internal/sitefs"
	"github.com/torv/torv/internal/watch"
)

// serveContext is cancelled when the preview must stop: on Ctrl-C or
// SIGTERM. Tests replace it.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func (c *cli) serveFlags(fs *flag.FlagSet) func() int {
	var sf siteFlags
	fs.StringVar(&sf.source, "source", ".", "the site `folder`: it holds config.toml and content/")
	fs.BoolVar(&sf.drafts, "drafts", true, "include pages marked draft = true (on by default in the preview)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; anything but loopback shows the preview to your network")
	port := fs.Int("port", 1313, "the `port` to listen on")
	findings := fs.Bool("check", true, "show torv check's findings in a panel at the bottom of each page (never in the built site)")
	return func() int {
		if fs.NArg() > 0 {
			fmt.Fprintf(c.stderr, "torv serve: unexpected argument %q (the site folder is given with -source)\n", fs.Arg(0))
			return exitUsage
		}
		if *port < 0 || *port > 65535 {
			fmt.Fprintf(c.stderr, "torv serve: -port %d is not a port (use 1 to 65535)\n", *port)
			return exitUsage
		}
		ctx, stop := serveContext()
		defer stop()
		return c.serve(ctx, sf.source, c.options(&sf), *bind, *port, *findings)
	}
}

// serve previews the site in folder source until ctx ends; with findings,
// each page shows torv check's findings for it.
func (c *cli) serve(ctx context.Context, source string, opts build.Options, bind string, port int, findings bool) int {
	if info, err := os.Stat(source); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "torv serve: there is no folder %s (give the site folder with -source)\n", source)
		return exitUsage
	}
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "torv serve: cannot listen on %s: %v\n", addr, errors.Unwrap(err))
		if errors.Is(err, syscall.EADDRINUSE) {
			if free := freePort(bind, port); free != 0 {
				fmt.Fprintf(c.stderr, "Port %d is taken, perhaps by another torv serve. Port %d is free: torv serve -port %d\n", port, free, free)
			} else {
				fmt.Fprintf(c.stderr, "Port %d is taken, perhaps by another torv serve. Choose another with -port.\n", port)
			}
		}
		return exitUsage
	}
	defer ln.Close()
	if ip := net.ParseIP(bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(c.stderr, "Warning: listening on %s shows the preview, drafts included, to every machine that can reach this one.\n", bind)
	}

	// Watch before the first build, so that no save is missed.
	w, err := watch.New(source, watch.Options{Log: c.stderr})
	if err != nil {
		fmt.Fprintf(c.stderr, "torv serve: cannot watch the site folder: %v\n", err)
		return exitUsage
	}
	defer w.Close()
	site, err := sitefs.New(source)
	if err != nil {
		fmt.Fprintf(c.stderr, "torv serve: cannot read the site folder: %v\n", err)
		return exitUsage
	}
	srv := server.New(site, torv.Defaults(), opts, c.stderr)
	if findings {
		// The panel links findings to the editor by absolute path.
		root, err := filepath.Abs(source)
		if err != nil {
			root = ""
		}
		srv.ShowFindings(root)
	}
	srv.Build()
	stopWatch := make(chan struct{})
	watching := make(chan struct{})
	go func() {
		srv.Watch(w.C, stopWatch)
		close(watching)
	}()

	host := ln.Addr().String()
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		_, p, _ := net.SplitHostPort(host)
		host = net.JoinHostPort("127.0.0.1", p)
	}
	fmt.Fprintf(c.stdout, "Preview at http://%s%s (Ctrl-C stops it)\n", host, srv.BasePath())
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.Close)
	go func() {
		<-ctx.Done()
		srv.Close() // the event streams end, so Shutdown need not wait for them
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	err = hs.Serve(ln)
	close(stopWatch)
	<-watching
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(c.stderr, "torv serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(c.stdout, "Stopped.")
	return exitOK
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
