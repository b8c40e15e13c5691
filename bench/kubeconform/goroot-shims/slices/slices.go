// Package slices is a stand-in for the Go 1.21 standard library package of the same name, with
// only the functions kubeconform's vendored santhosh-tekuri/jsonschema/v6 calls, so it builds
// with Debian's Go 1.19. Each function has the upstream semantics (see go1.21 src/slices).
package slices

import "sort"

// Ordered is cmp.Ordered (Go 1.21), inlined so no cmp shim is needed.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Clone returns a shallow copy; a nil slice stays nil, as upstream.
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S([]E{}), s...)
}

// Index returns the index of the first occurrence of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// Contains reports whether v is present in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Sort sorts s ascending; NaNs first, as cmp.Less orders them. Ascending order of a total
// order is unique, so the result equals upstream's pdqsort (kubeconform sorts strings only).
func Sort[S ~[]E, E Ordered](s S) {
	sort.Slice(s, func(i, j int) bool {
		x, y := s[i], s[j]
		return (x != x && y == y) || x < y
	})
}
