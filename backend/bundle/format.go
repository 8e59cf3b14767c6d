package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"chatflow/backend/apicall"
	"chatflow/backend/flow"
)

// Limits on what one bundle may hold.
const (
	MaxAttributes = 1000
	MaxAPIs       = 500
	MaxFlows      = 500
)

// CheckLimits returns the sentence for a bundle holding more items than the
// format allows ("" when it fits).
func CheckLimits(b Bundle) string {
	switch {
	case len(b.Attributes) > MaxAttributes:
		return fmt.Sprintf("a bundle holds at most %d attributes", MaxAttributes)
	case len(b.APIs) > MaxAPIs:
		return fmt.Sprintf("a bundle holds at most %d APIs", MaxAPIs)
	case len(b.Flows) > MaxFlows:
		return fmt.Sprintf("a bundle holds at most %d flows", MaxFlows)
	}
	seen := map[string]bool{}
	for i, f := range b.Files {
		sum := sha256.Sum256(f.Data)
		switch {
		case hex.EncodeToString(sum[:]) != f.Key:
			return fmt.Sprintf("file %d's content does not match its key %.80q", i+1, f.Key)
		case seen[f.Key]:
			return fmt.Sprintf("the file %s is listed twice", f.Key)
		}
		seen[f.Key] = true
	}
	return ""
}

// Structure finds what would make a flow unusable even as a draft in the
// editor: too many nodes, nodes without ids or with unknown types, and edges
// to nowhere. It returns "" for a sound flow. The editor never produces
// such a document, so only a file can hold one.
func Structure(f Flow) string {
	if len(f.Nodes) > flow.MaxNodes {
		return fmt.Sprintf("has %d nodes; at most %d fit in a flow", len(f.Nodes), flow.MaxNodes)
	}
	ids := map[string]bool{}
	for i, n := range f.Nodes {
		switch {
		case n.ID == "":
			return fmt.Sprintf("node %d has no id", i+1)
		case ids[n.ID]:
			return fmt.Sprintf("two nodes share the id %q", n.ID)
		case !flow.KnownType(n.Type):
			return fmt.Sprintf("node %q has the unknown type %q", n.ID, n.Type)
		}
		ids[n.ID] = true
	}
	for _, e := range f.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			return fmt.Sprintf("the connection %q joins nodes that do not exist (%q to %q)", e.ID, e.Source, e.Target)
		}
	}
	return ""
}

// WithoutSecrets blanks the secret values of an auth setting, keeping what
// says how to authenticate (type, where the key goes, its name, the user
// name). Exports use it unless secrets are asked for.
func WithoutSecrets(a apicall.Auth) apicall.Auth {
	a.Value, a.Token, a.Password = "", "", ""
	return a
}

// KeepSecrets fills the secrets an export left out from old, the API being
// replaced, when it uses the same kind of authentication.
func KeepSecrets(in, old apicall.Auth) apicall.Auth {
	if in.Type != old.Type {
		return in
	}
	keep := func(v *string, old string) {
		if *v == "" {
			*v = old
		}
	}
	keep(&in.Value, old.Value)
	keep(&in.Token, old.Token)
	keep(&in.Password, old.Password)
	return in
}
