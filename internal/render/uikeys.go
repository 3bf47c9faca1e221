package render

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/torv/torv/internal/diag"
)

// A UI string missing in one language would show up only when a page in
// that language uses it, perhaps on a page nobody previewed, perhaps as an
// empty label. So every key the layouts name as {{t "key"}} is looked up
// in every language of the site when the layouts are parsed, and each
// missing one is an error naming the key, the language's file and where
// the layouts use it. Keys chosen at run time ({{t .Key}}) are still
// checked when they are used.

// uiKey is one use of a UI string in the layouts.
type uiKey struct {
	key, file string
	line      int
}

// usedKeys lists the keys of {{t "key"}} calls in the templates of sets,
// each with its first use.
func (r *Renderer) usedKeys(sets ...*template.Template) []uiKey {
	seen := map[string]uiKey{}
	for _, set := range sets {
		for _, t := range set.Templates() {
			if t.Tree == nil || t.Tree.Root == nil {
				continue
			}
			name := t.Tree.ParseName
			walkNodes(t.Tree.Root, func(n parse.Node) {
				cmd, ok := n.(*parse.CommandNode)
				if !ok || len(cmd.Args) < 2 {
					return
				}
				id, ok := cmd.Args[0].(*parse.IdentifierNode)
				s, isStr := cmd.Args[1].(*parse.StringNode)
				if !ok || id.Ident != "t" || !isStr {
					return
				}
				line := 1 + strings.Count(r.sources[name][:min(int(cmd.Pos), len(r.sources[name]))], "\n")
				k := uiKey{key: s.Text, file: LayoutDir + "/" + name, line: line}
				// The first use in file order, so that the message does
				// not change between builds.
				if old, dup := seen[k.key]; !dup || k.file < old.file || k.file == old.file && k.line < old.line {
					seen[k.key] = k
				}
			})
		}
	}
	keys := slices.Sorted(maps.Keys(seen))
	out := make([]uiKey, len(keys))
	for i, k := range keys {
		out[i] = seen[k]
	}
	return out
}

// missingKeys reports each used key that a language lacks.
func missingKeys(used []uiKey, lang string, ui uiStrings) diag.List {
	var errs diag.List
	for _, k := range used {
		if _, ok := ui[k.key]; ok {
			continue
		}
		file := "i18n/" + lang + ".toml"
		user := fmt.Sprintf("%s:%d", k.file, k.line)
		if k.file == "" {
			user = "the language switcher"
		}
		errs.Add(diag.Errorf(file, 0, 0, "the UI string %q is missing for %s (%s uses it)", k.key, lang, user).
			WithHint("add a line %s = \"...\" in %s; i18n/da.toml in torv's own files has every key", k.key, file))
	}
	return errs
}

// walkNodes calls f for every node below n.
func walkNodes(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			walkNodes(c, f)
		}
	case *parse.ActionNode:
		walkNodes(x.Pipe, f)
	case *parse.PipeNode:
		if x == nil {
			return
		}
		for _, c := range x.Cmds {
			walkNodes(c, f)
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			walkNodes(a, f)
		}
	case *parse.IfNode:
		walkBranch(&x.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&x.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&x.BranchNode, f)
	case *parse.TemplateNode:
		walkNodes(x.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walkNodes(b.Pipe, f)
	walkNodes(b.List, f)
	if b.ElseList != nil {
		walkNodes(b.ElseList, f)
	}
}
