package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// ErrUnsupported is what Compile returns, wrapped, for a template it cannot
// execute as text/template would.
var ErrUnsupported = errors.New("not supported by the fast executor")

// maxDepth is text/template's limit on nested template calls, so that a
// template that calls itself for ever fails here as it does there.
const maxDepth = 100000

// Program is the compiled form of one template and every template it
// calls; see the package documentation.
type Program struct {
	entry *tmpl
}

type tmpl struct {
	name string
	body []action
}

// ctrl says how an action ended: normally, or by {{break}} or {{continue}}.
type ctrl uint8

const (
	next ctrl = iota
	brk
	cont
)

type action func(s *state, dot reflect.Value) ctrl

// pipeFn evaluates a pipeline; valFn a command, given the value of the
// command before it (missing for the first).
type (
	pipeFn func(s *state, dot reflect.Value) reflect.Value
	valFn  func(s *state, dot, final reflect.Value) reflect.Value
)

type compiler struct {
	set   *template.Template
	funcs map[string]reflect.Value
	tmpls map[string]*tmpl
}

// Compile compiles the template called name in t's set and the templates
// it calls. t must have executed name once, so that html/template has
// escaped them. funcs are the functions t's set was given (Funcs), bound
// as they will be when the Program runs.
func Compile(t *template.Template, name string, funcs template.FuncMap) (_ *Program, err error) {
	defer func() {
		// A tree of a shape this package does not expect is one it
		// leaves to html/template, not a crash of the build.
		if r := recover(); r != nil {
			err = unsupported("%v", r)
		}
	}()
	c := &compiler{set: t, funcs: map[string]reflect.Value{}, tmpls: map[string]*tmpl{}}
	for k, f := range funcs {
		c.funcs[k] = reflect.ValueOf(f) // a function of one or two results: Funcs checked
	}
	entry, err := c.template(name)
	if err != nil {
		return nil, err
	}
	return &Program{entry: entry}, nil
}

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// Execute runs the program with data as dot, writing to w. On an error, w
// holds part of the output, which the caller must discard.
func (p *Program) Execute(w *bytes.Buffer, data any) (err error) {
	s := &state{w: w}
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(failure); ok {
				err = f.err
				return
			}
			err = fmt.Errorf("tmplexec: %v", r)
		}
	}()
	dot := reflect.ValueOf(data)
	s.vars = append(s.vars, variable{"$", dot})
	s.walk(p.entry.body, dot)
	return nil
}

func (c *compiler) template(name string) (*tmpl, error) {
	if t, ok := c.tmpls[name]; ok {
		return t, nil
	}
	ht := c.set.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		// Not in the set: a template html/template derived for a call
		// in another context, which only its text set holds.
		return nil, unsupported("template %q", name)
	}
	t := &tmpl{name: name}
	c.tmpls[name] = t // before its body, for a template that calls itself
	body, err := c.list(ht.Tree.Root)
	if err != nil {
		return nil, err
	}
	t.body = body
	return t, nil
}

func (c *compiler) list(l *parse.ListNode) ([]action, error) {
	if l == nil {
		return nil, nil
	}
	var out []action
	for _, n := range l.Nodes {
		a, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

func (c *compiler) node(n parse.Node) (action, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) ctrl { s.w.Write(text); return next }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		if a, err := c.escapedAction(n.Pipe); a != nil || err != nil {
			return a, err
		}
		pipe, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		if len(n.Pipe.Decl) > 0 {
			return func(s *state, dot reflect.Value) ctrl { pipe(s, dot); return next }, nil
		}
		return func(s *state, dot reflect.Value) ctrl { s.print(pipe(s, dot)); return next }, nil
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) ctrl { return brk }, nil
	case *parse.ContinueNode:
		return func(*state, reflect.Value) ctrl { return cont }, nil
	case *parse.ListNode:
		body, err := c.list(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) ctrl { return s.walk(body, dot) }, nil
	}
	return nil, unsupported("node %s", n)
}

func (c *compiler) ifOrWith(p *parse.PipeNode, list, elseList *parse.ListNode, with bool) (action, error) {
	pipe, err := c.pipeline(p)
	if err != nil {
		return nil, err
	}
	then, err := c.list(list)
	if err != nil {
		return nil, err
	}
	otherwise, err := c.list(elseList)
	if err != nil {
		return nil, err
	}
	// The variables the pipeline and the bodies declare go at the end.
	// A failure needs no popping: it ends the execution.
	return func(s *state, dot reflect.Value) ctrl {
		mark := len(s.vars)
		val := pipe(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			s.fail("if/with can't use %v", val)
		}
		body, in := otherwise, dot
		switch {
		case truth && with:
			body, in = then, val
		case truth:
			body = then
		}
		c := s.walk(body, in)
		s.pop(mark)
		return c
	}, nil
}

func (c *compiler) templateNode(n *parse.TemplateNode) (action, error) {
	t, err := c.template(n.Name)
	if err != nil {
		return nil, err
	}
	var pipe pipeFn
	if n.Pipe != nil {
		if pipe, err = c.pipeline(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) ctrl {
		if s.depth == maxDepth {
			s.fail("exceeded maximum template depth (%v)", maxDepth)
		}
		var val reflect.Value
		if pipe != nil {
			val = pipe(s, dot)
		}
		// A template call sees no variable but its own $: its frame
		// starts above the caller's variables, which it leaves as they
		// were.
		saved := s.base
		s.base = len(s.vars)
		s.vars = append(s.vars, variable{"$", val})
		s.depth++
		s.walk(t.body, val)
		s.depth--
		s.vars = s.vars[:s.base]
		s.base = saved
		return next
	}, nil
}

func (c *compiler) pipeline(p *parse.PipeNode) (pipeFn, error) {
	if p == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }, nil
	}
	cmds, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	var decl []string
	for _, v := range p.Decl {
		decl = append(decl, v.Ident[0])
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		value := runCommands(s, dot, cmds)
		for _, name := range decl {
			if assign {
				s.setVar(name, value)
			} else {
				s.vars = append(s.vars, variable{name, value})
			}
		}
		return value
	}, nil
}

// command compiles one command of a pipeline, as text/template's
// evalCommand evaluates it.
func (c *compiler) command(cmd *parse.CommandNode) (valFn, error) {
	nargs := len(cmd.Args)
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		args, err := c.args(cmd.Args[1:])
		if err != nil {
			return nil, err
		}
		chain := newChain(n.Ident)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.fieldChain(dot, dot, chain, args, final)
		}, nil
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			return nil, unsupported("chain without fields")
		}
		recv, err := c.operand(n.Node)
		if err != nil {
			return nil, err
		}
		args, err := c.args(cmd.Args[1:])
		if err != nil {
			return nil, err
		}
		chain := newChain(n.Field)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.fieldChain(dot, recv(s, dot), chain, args, final)
		}, nil
	case *parse.VariableNode:
		args, err := c.args(cmd.Args[1:])
		if err != nil {
			return nil, err
		}
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return func(s *state, _, final reflect.Value) reflect.Value {
				s.notAFunction(nargs, final)
				return s.varValue(name)
			}, nil
		}
		chain := newChain(n.Ident[1:])
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.fieldChain(dot, s.varValue(name), chain, args, final)
		}, nil
	case *parse.IdentifierNode:
		return c.function(n.Ident, cmd.Args[1:])
	case *parse.PipeNode:
		pipe, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.notAFunction(nargs, final)
			return pipe(s, dot)
		}, nil
	case *parse.DotNode:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.notAFunction(nargs, final)
			return dot
		}, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := constant(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, _, final reflect.Value) reflect.Value {
			s.notAFunction(nargs, final)
			return v
		}, nil
	}
	return nil, unsupported("command %s", cmd)
}

// operand compiles the receiver of a chain, (x).Field, as evalArg with no
// type evaluates it.
func (c *compiler) operand(n parse.Node) (pipeFn, error) {
	a, err := c.arg(n)
	if err != nil {
		return nil, err
	}
	if a.val == nil {
		return nil, unsupported("constant receiver %s", n)
	}
	return func(s *state, dot reflect.Value) reflect.Value { return a.val(s, dot) }, nil
}

// constant is the value text/template gives a constant where nothing says
// its type (idealConstant and evalEmptyInterface).
func constant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		switch {
		case n.IsComplex || strings.HasPrefix(n.Text, "'") || strings.Contains(strings.ToLower(n.Text), "0x"):
			return reflect.Value{}, unsupported("number %s", n.Text)
		case n.IsFloat && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), nil
		case n.IsInt && int64(int(n.Int64)) == n.Int64:
			return reflect.ValueOf(int(n.Int64)), nil
		}
		return reflect.Value{}, unsupported("number %s", n.Text)
	}
	return reflect.Value{}, unsupported("constant %s", n)
}

// rangeNode compiles {{range}} over slices, arrays and maps with string or
// int keys; anything else fails at run time.
func (c *compiler) rangeNode(n *parse.RangeNode) (action, error) {
	pipe, err := c.pipeline(n.Pipe)
	if err != nil {
		return nil, err
	}
	body, err := c.list(n.List)
	if err != nil {
		return nil, err
	}
	otherwise, err := c.list(n.ElseList)
	if err != nil {
		return nil, err
	}
	var decl []string
	for _, v := range n.Pipe.Decl {
		decl = append(decl, v.Ident[0])
	}
	assign := n.Pipe.IsAssign
	// set gives the range's variables their values for one element, as
	// text/template's walkRange does.
	set := func(s *state, index, elem reflect.Value) {
		switch {
		case len(decl) == 0:
		case assign && len(decl) > 1:
			s.setVar(decl[0], index)
			s.setVar(decl[1], elem)
		case assign:
			s.setVar(decl[0], elem)
		case len(decl) > 1:
			s.vars[len(s.vars)-1].value = elem
			s.vars[len(s.vars)-2].value = index
		default:
			s.vars[len(s.vars)-1].value = elem
		}
	}
	return func(s *state, dot reflect.Value) ctrl {
		outer := len(s.vars)
		val, _ := indirect(pipe(s, dot))
		mark := len(s.vars)
		one := func(index, elem reflect.Value) bool {
			set(s, index, elem)
			c := s.walk(body, elem)
			s.pop(mark)
			return c != brk
		}
		ran := false
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			ran = val.Len() > 0
			for i := 0; i < val.Len(); i++ {
				if !one(reflect.ValueOf(i), val.Index(i)) {
					break
				}
			}
		case reflect.Map:
			if ran = val.Len() > 0; ran { // an empty map needs no key order
				for _, k := range s.sortedKeys(val) {
					if !one(k, val.MapIndex(k)) {
						break
					}
				}
			}
		case reflect.Invalid:
		default:
			s.fail("range over %s", val.Kind())
		}
		c := next
		if !ran {
			c = s.walk(otherwise, dot)
		}
		s.pop(outer) // a failure needs no popping: it ends the execution
		return c
	}, nil
}

// escapedAction compiles an action that ends in escapers, as html/template
// leaves every action that prints: the escapers run on the text of the
// value before them, one after the other, and the last one's text is
// written, which is what the pipeline would print. nil when p is not
// such an action.
func (c *compiler) escapedAction(p *parse.PipeNode) (action, error) {
	k := len(p.Cmds)
	for k > 0 && len(p.Cmds[k-1].Args) == 1 {
		id, ok := p.Cmds[k-1].Args[0].(*parse.IdentifierNode)
		if !ok || escapers[id.Ident] == nil || c.funcs[id.Ident].IsValid() {
			break
		}
		k--
	}
	if len(p.Decl) > 0 || k == len(p.Cmds) || k == 0 {
		return nil, nil
	}
	cmds, err := c.commands(p.Cmds[:k])
	if err != nil {
		return nil, err
	}
	var escs []escaper
	for _, cmd := range p.Cmds[k:] {
		escs = append(escs, escapers[cmd.Args[0].(*parse.IdentifierNode).Ident])
	}
	// The last escaper writes into the page when it can (writers).
	last := writers[p.Cmds[len(p.Cmds)-1].Args[0].(*parse.IdentifierNode).Ident]
	if last != nil {
		escs = escs[:len(escs)-1]
	}
	return func(s *state, dot reflect.Value) ctrl {
		str, t := stringify(s.validate(runCommands(s, dot, cmds), anyType))
		for _, esc := range escs {
			str, t = esc(s, str, t), typePlain
		}
		if last == nil || !last(s, s.w, str, t) {
			s.w.WriteString(str)
		}
		return next
	}, nil
}

func (c *compiler) commands(cmds []*parse.CommandNode) ([]valFn, error) {
	out := make([]valFn, len(cmds))
	for i, cmd := range cmds {
		f, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// runCommands runs a pipeline's commands, each given the value of the one
// before it, an empty interface value replaced by what it holds.
func runCommands(s *state, dot reflect.Value, cmds []valFn) reflect.Value {
	value := missingVal
	for _, cmd := range cmds {
		value = cmd(s, dot, value)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = value.Elem()
		}
	}
	return value
}
