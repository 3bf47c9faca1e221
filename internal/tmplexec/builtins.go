package tmplexec

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// builtins are text/template's functions of the same names, for the
// arguments they are given in torv's layouts; anything else fails. and
// and or are in function, for they stop early.
var builtins = map[string]func(s *state, args []reflect.Value) reflect.Value{
	"not": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 1)
		return reflect.ValueOf(!truth(args[0]))
	},
	"len": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 1)
		item, isNil := indirect(args[0])
		switch {
		case isNil:
			s.fail("len of nil pointer")
		case item.Kind() == reflect.Array || item.Kind() == reflect.Map || item.Kind() == reflect.Slice || item.Kind() == reflect.String:
			return reflect.ValueOf(item.Len())
		}
		s.fail("len of %s", args[0].Kind())
		return reflect.Value{}
	},
	"index": index,
	"print": func(s *state, args []reflect.Value) reflect.Value {
		return reflect.ValueOf(fmt.Sprint(anys(args)...))
	},
	"printf": func(s *state, args []reflect.Value) reflect.Value {
		if len(args) == 0 || !args[0].IsValid() || args[0].Type() != stringType {
			s.fail("printf without a format")
		}
		return reflect.ValueOf(fmt.Sprintf(args[0].String(), anys(args[1:])...))
	},
	"eq": func(s *state, args []reflect.Value) reflect.Value {
		if len(args) < 2 {
			s.fail("missing argument for comparison")
		}
		for _, a := range args[1:] {
			if s.equal(args[0], a) {
				return reflect.ValueOf(true)
			}
		}
		return reflect.ValueOf(false)
	},
	"ne": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 2)
		return reflect.ValueOf(!s.equal(args[0], args[1]))
	},
	"lt": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 2)
		return reflect.ValueOf(s.less(args[0], args[1]))
	},
	"le": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 2)
		return reflect.ValueOf(s.less(args[0], args[1]) || s.equal(args[0], args[1]))
	},
	"gt": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 2)
		return reflect.ValueOf(!s.less(args[0], args[1]) && !s.equal(args[0], args[1]))
	},
	"ge": func(s *state, args []reflect.Value) reflect.Value {
		s.want(args, 2)
		return reflect.ValueOf(!s.less(args[0], args[1]))
	},
}

func (s *state) want(args []reflect.Value, n int) {
	if len(args) != n {
		s.fail("wrong number of args: want %d got %d", n, len(args))
	}
}

// anys is the arguments as a function of ...any gets them; a missing
// value is nil.
func anys(args []reflect.Value) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if a.IsValid() {
			out[i] = a.Interface()
		}
	}
	return out
}

type kind uint8

const (
	otherKind kind = iota
	boolKind
	intKind
	uintKind
	floatKind
	stringKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}

// equal is text/template's eq of two values.
func (s *state) equal(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			return a.Int() >= 0 && uint64(a.Int()) == b.Uint()
		case ka == uintKind && kb == intKind:
			return b.Int() >= 0 && a.Uint() == uint64(b.Int())
		case a.IsValid() && b.IsValid():
			s.fail("incompatible types for comparison")
		}
		return false
	}
	switch ka {
	case boolKind:
		return a.Bool() == b.Bool()
	case intKind:
		return a.Int() == b.Int()
	case uintKind:
		return a.Uint() == b.Uint()
	case floatKind:
		return a.Float() == b.Float()
	case stringKind:
		return a.String() == b.String()
	}
	// Neither is of a basic kind: equal when both are nil, or, of two of
	// one kind, when their interface values are.
	if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
		s.fail("comparison of a %s with a %s", a.Kind(), b.Kind())
	}
	if isNil(a) || isNil(b) {
		return isNil(a) == isNil(b)
	}
	if !b.Type().Comparable() {
		s.fail("non-comparable type %s", b.Type())
	}
	return a.Interface() == b.Interface()
}

func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// less is text/template's lt.
func (s *state) less(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka == otherKind || kb == otherKind || ka == boolKind || kb == boolKind {
		s.fail("invalid type for comparison")
	}
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			return a.Int() < 0 || uint64(a.Int()) < b.Uint()
		case ka == uintKind && kb == intKind:
			return b.Int() >= 0 && a.Uint() < uint64(b.Int())
		}
		s.fail("incompatible types for comparison")
	}
	switch ka {
	case intKind:
		return a.Int() < b.Int()
	case uintKind:
		return a.Uint() < b.Uint()
	case floatKind:
		return a.Float() < b.Float()
	}
	return a.String() < b.String()
}

// index is text/template's index for slices, arrays, strings and maps.
func index(s *state, args []reflect.Value) reflect.Value {
	if len(args) == 0 {
		s.fail("wrong number of args for index")
	}
	item := indirectInterface(args[0])
	if !item.IsValid() {
		s.fail("index of untyped nil")
	}
	for _, x := range args[1:] {
		x = indirectInterface(x)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			s.fail("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var i int64
			switch basicKind(x) {
			case intKind:
				i = x.Int()
			case uintKind:
				i = int64(x.Uint())
			default:
				s.fail("cannot index slice/array with %v", x)
			}
			if i < 0 || i >= int64(item.Len()) {
				s.fail("index out of range: %d", i)
			}
			item = item.Index(int(i))
		case reflect.Map:
			if !x.IsValid() || !x.Type().AssignableTo(item.Type().Key()) {
				s.fail("a map key of another type")
			}
			if v := item.MapIndex(x); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			s.fail("can't index item of type %s", item.Type())
		}
	}
	return item
}

// truth is text/template's: whether a value is non-empty.
func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// sortedKeys is the keys of a map with string or int keys in
// text/template's order (package fmtsort's); other maps fail.
func (s *state) sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch basicKind(reflect.Zero(m.Type().Key())) {
	case stringKind:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	case intKind:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Int(), b.Int()) })
	default:
		s.fail("range over a map with keys of type %s", m.Type().Key())
	}
	return keys
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
