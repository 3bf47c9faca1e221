package tmplexec

import (
	"bytes"
	"fmt"
	"reflect"
	"text/template/parse"
)

type state struct {
	w     *bytes.Buffer
	vars  []variable // the variables in scope, from vars[base], the executing template's $
	base  int
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

// failure is the panic that ends an Execute with an error.
type failure struct{ err error }

func (s *state) fail(format string, args ...any) {
	panic(failure{fmt.Errorf(format, args...)})
}

type missingType struct{}

// missingVal stands for "no final argument", as in text/template.
var missingVal = reflect.ValueOf(missingType{})

func isMissing(v reflect.Value) bool {
	return v.IsValid() && v.Type() == missingVal.Type()
}

func (s *state) walk(body []action, dot reflect.Value) ctrl {
	for _, a := range body {
		if c := a(s, dot); c != next {
			return c
		}
	}
	return next
}

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, value reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = value
			return
		}
	}
	s.fail("undefined variable: %s", name)
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.fail("undefined variable: %s", name)
	return reflect.Value{}
}

func (s *state) notAFunction(nargs int, final reflect.Value) {
	if nargs > 1 || !isMissing(final) {
		s.fail("can't give argument to non-function")
	}
}

var stringType = reflect.TypeFor[string]()

// print writes a pipeline's value as text/template's printValue does.
func (s *state) print(v reflect.Value) {
	if v.IsValid() && v.Type() == stringType {
		s.w.WriteString(v.String())
		return
	}
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		s.w.WriteString("<no value>")
		return
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(stringerType) {
		pt := reflect.PointerTo(v.Type())
		if v.CanAddr() && (pt.Implements(errorType) || pt.Implements(stringerType)) {
			v = v.Addr()
		} else if k := v.Kind(); k == reflect.Chan || k == reflect.Func {
			s.fail("can't print value of type %s", v.Type())
		}
	}
	fmt.Fprint(s.w, v.Interface())
}

// chain is the names of a field chain, .A.B.C, each with what was found
// for the last type it met.
type chain []*step

type step struct {
	name string
	typ  reflect.Type // the receiver's type, after pointers
	addr bool         // whether the receiver was addressable
	how  uint8
	meth int   // how == byMethod: the method's index in typ's (or *typ's) set
	idx  []int // how == byField
}

const (
	unknown uint8 = iota
	byMethod
	byField
	byKey
)

func newChain(names []string) chain {
	c := make(chain, len(names))
	for i, n := range names {
		c[i] = &step{name: n}
	}
	return c
}

// fieldChain evaluates receiver.A.B...; the last name gets the arguments,
// when it is a method.
func (s *state) fieldChain(dot, receiver reflect.Value, c chain, args []arg, final reflect.Value) reflect.Value {
	n := len(c)
	for i := 0; i < n-1; i++ {
		receiver = s.field(dot, c[i], nil, missingVal, receiver)
	}
	return s.field(dot, c[n-1], args, final, receiver)
}

// field is text/template's evalField for a receiver that is not nil; a
// nil pointer or interface on the way fails, for text/template to say
// what it does with it. Arguments, or a final value, are a mistake for a
// field or a map key.
func (s *state) field(dot reflect.Value, st *step, args []arg, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		s.fail("nil pointer evaluating .%s", st.name)
	}
	rt, addr := receiver.Type(), receiver.CanAddr()
	if st.typ != rt || st.addr != addr || st.how == unknown {
		s.resolve(st, rt, addr)
	}
	hasArgs := len(args) > 0 || !isMissing(final)
	switch st.how {
	case byMethod:
		if addr {
			receiver = receiver.Addr()
		}
		return s.call(dot, receiver.Method(st.meth), st.name, args, final)
	case byField:
		if hasArgs {
			s.fail("%s has arguments but cannot be invoked as function", st.name)
		}
		v, err := receiver.FieldByIndexErr(st.idx)
		if err != nil {
			s.fail("%v", err)
		}
		return v
	default: // byKey
		if hasArgs {
			s.fail("%s is not a method but has arguments", st.name)
		}
		return receiver.MapIndex(reflect.ValueOf(st.name))
	}
}

func (s *state) resolve(st *step, rt reflect.Type, addr bool) {
	st.typ, st.addr, st.how = rt, addr, unknown
	mt := rt
	if addr {
		mt = reflect.PointerTo(rt)
	}
	if m, ok := mt.MethodByName(st.name); ok {
		st.how, st.meth = byMethod, m.Index
		return
	}
	switch rt.Kind() {
	case reflect.Struct:
		if f, ok := rt.FieldByName(st.name); ok && f.IsExported() {
			st.how, st.idx = byField, f.Index
			return
		}
	case reflect.Map:
		if stringType.AssignableTo(rt.Key()) {
			st.how = byKey
			return
		}
	}
	s.fail("can't evaluate field %s in type %s", st.name, rt)
}

// arg is one argument of a call: a constant, whose value depends on the
// parameter's type, or an expression.
type arg struct {
	node parse.Node
	val  pipeFn // nil for a constant
}

func (c *compiler) args(nodes []parse.Node) ([]arg, error) {
	out := make([]arg, len(nodes))
	for i, n := range nodes {
		a, err := c.arg(n)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

func (c *compiler) arg(n parse.Node) (arg, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return arg{n, func(_ *state, dot reflect.Value) reflect.Value { return dot }}, nil
	case *parse.FieldNode:
		ch := newChain(n.Ident)
		return arg{n, func(s *state, dot reflect.Value) reflect.Value { return s.fieldChain(dot, dot, ch, nil, missingVal) }}, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return arg{n, func(s *state, _ reflect.Value) reflect.Value { return s.varValue(name) }}, nil
		}
		ch := newChain(n.Ident[1:])
		return arg{n, func(s *state, dot reflect.Value) reflect.Value {
			return s.fieldChain(dot, s.varValue(name), ch, nil, missingVal)
		}}, nil
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		return arg{n, p}, err
	case *parse.IdentifierNode:
		f, err := c.function(n.Ident, nil)
		if err != nil {
			return arg{}, err
		}
		return arg{n, func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, missingVal) }}, nil
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			return arg{}, unsupported("chain without fields")
		}
		recv, err := c.operand(n.Node)
		if err != nil {
			return arg{}, err
		}
		ch := newChain(n.Field)
		return arg{n, func(s *state, dot reflect.Value) reflect.Value {
			return s.fieldChain(dot, recv(s, dot), ch, nil, missingVal)
		}}, nil
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode, *parse.NilNode:
		return arg{node: n}, nil
	}
	return arg{}, unsupported("argument %s", n)
}

// eval is text/template's evalArg: the argument as a value of typ.
func (s *state) eval(a arg, dot reflect.Value, typ reflect.Type) reflect.Value {
	if a.val != nil {
		return s.validate(a.val(s, dot), typ)
	}
	if _, ok := a.node.(*parse.NilNode); ok {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.fail("cannot assign nil to %s", typ)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if n, ok := a.node.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(n.True)
			return v
		}
	case reflect.String:
		if n, ok := a.node.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(n.Text)
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(n.Int64)
			return v
		}
	case reflect.Float32, reflect.Float64:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(n.Float64)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			v, err := constant(a.node)
			if err != nil {
				s.fail("%v", err)
			}
			return v
		}
	case reflect.Struct:
		if typ == reflectValueType {
			v, err := constant(a.node)
			if err != nil {
				s.fail("%v", err)
			}
			return reflect.ValueOf(v)
		}
	}
	s.fail("can't handle %s for arg of type %s", a.node, typ)
	return reflect.Value{}
}

// validate is text/template's validateType.
func (s *state) validate(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.fail("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.fail("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.fail("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// indirect follows pointers and interfaces to a value that is neither, or
// to a nil one.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}
