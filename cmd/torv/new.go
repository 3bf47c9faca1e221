package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/sitefs"
)

func (c *cli) newFlags(fset *flag.FlagSet) func() int {
	source := fset.String("source", ".", "the site `folder`: it holds config.toml and content/")
	kind := fset.String("kind", "", "the page's `kind`: "+strings.Join(content.KindNames(), ", ")+" (default from config.toml's [sections])")
	return func() int {
		if fset.NArg() == 2 && fset.Arg(0) == "site" {
			return c.newSite(fset.Arg(1))
		}
		if fset.NArg() != 1 {
			fmt.Fprintln(c.stderr, "usage: torv new [-kind KIND] content/FOLDER/NAME.md   or   torv new site FOLDER")
			return exitUsage
		}
		return c.newPage(*source, fset.Arg(0), *kind)
	}
}

func (c *cli) newPage(source, arg, kind string) int {
	rel := strings.TrimPrefix(path.Clean(filepath.ToSlash(arg)), content.Dir+"/")
	if !strings.HasSuffix(rel, ".md") {
		rel += ".md"
	}
	if !fs.ValidPath(rel) || strings.HasPrefix(rel, "../") {
		fmt.Fprintf(c.stderr, "torv new: %s is outside content/; give a path like content/lov/boligstoette.md\n", arg)
		return exitUsage
	}
	site, err := sitefs.New(source)
	if err != nil {
		fmt.Fprintf(c.stderr, "torv new: cannot read the site folder: %v\n", err)
		return exitUsage
	}
	cfg, errs := config.Parse(site, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		c.report(errs)
		return exitContent
	}
	k := content.KindOf(rel, cfg.Sections)
	if kind != "" {
		if !content.ValidKind(kind) {
			fmt.Fprintf(c.stderr, "torv new: unknown kind %q; use one of %s\n", kind, strings.Join(content.KindNames(), ", "))
			return exitUsage
		}
		k = content.Kind(kind)
	}
	name := strings.TrimSuffix(path.Base(rel), ".md")
	title := strings.ReplaceAll(name, "-", " ")
	if name == "_index" {
		title = path.Base(path.Dir("/" + rel))
	}
	title = strings.ToUpper(title[:1]) + title[1:]
	text, err := content.Skeleton(k, title, time.Now())
	if err != nil {
		fmt.Fprintf(c.stderr, "torv new: %v\n", err)
		return exitUsage
	}
	file := filepath.Join(source, content.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintf(c.stderr, "torv new: %v\n", err)
		return exitContent
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(c.stderr, "torv new: %s exists already; choose another name\n", file)
			return exitUsage
		}
		fmt.Fprintf(c.stderr, "torv new: %v\n", err)
		return exitContent
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		fmt.Fprintf(c.stderr, "torv new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(c.stdout, "Made %s (a %s page). Fill in its front matter and text.\n", file, k)
	return exitOK
}

const newConfig = `title = "Mødet med borgeren"
municipality = "Min Kommune"
baseurl = "https://borger.example.dk/"
language = "da"

[contact]
phone = "+45 70 00 00 00"
email = "borgerservice@example.dk"

[sections]
principper = "principle"
moedet = "theme"
steder = "place"
lov = "law"
initiativer = "initiative"
tal = "figures"
nyheder = "news"
ordliste = "term"
`

const newHome = `+++
title = "Mødet med borgeren"
description = "Sådan møder kommunen dig."
lead = "Her kan du læse, hvordan vi møder dig, og hvor du finder os."
+++

Velkommen.
`

func (c *cli) newSite(dir string) int {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(c.stderr, "torv new site: %s exists and is not empty; choose a new folder\n", dir)
		return exitUsage
	}
	files := map[string]string{"config.toml": newConfig, "content/_index.md": newHome}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintf(c.stderr, "torv new site: %v\n", err)
			return exitContent
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			fmt.Fprintf(c.stderr, "torv new site: %v\n", err)
			return exitContent
		}
	}
	fmt.Fprintf(c.stdout, "Made a new site in %s. Preview it with: torv serve -source %s\n", dir, dir)
	return exitOK
}
