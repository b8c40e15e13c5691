// Go 1.20's strings.CutPrefix/CutSuffix, copied from upstream, added to the private GOROOT copy
// because kubeconform's vendored jsonschema/v6 calls them and Debian's Go is 1.19.

package strings

// CutPrefix returns s without the provided leading prefix string and reports whether it found
// the prefix. If s doesn't start with prefix, CutPrefix returns s, false.
func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without the provided ending suffix string and reports whether it found
// the suffix. If s doesn't end with suffix, CutSuffix returns s, false.
func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}
