// Package bundle is the bundle file format: attributes, APIs and flows as
// one JSON file (version 1, documented in docs/bundle.md). It parses and
// encodes the file and knows the rules of the format itself (limits, a
// flow's structure, secrets left out). Importing one into a database, under
// the same rules the editor applies, is backend/studio's Bundles.
package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// Format and Version identify a bundle file.
const (
	Format  = "chatflow-bundle"
	Version = 1
)

// MaxSize bounds the bundle files Parse accepts. It leaves room for files
// attached to message nodes, which a bundle carries (base64).
const MaxSize = 64 << 20

// Bundle is the content of a bundle file.
type Bundle struct {
	Format     string               `json:"format"`
	Version    int                  `json:"version"`
	Attributes []Attribute          `json:"attributes"`
	APIs       []apicall.Definition `json:"apis"`
	Flows      []Flow               `json:"flows"`
	// Files are the files attached to the flows' message nodes, so a flow
	// that sends a menu as a PDF works on another computer too. Optional:
	// a bundle without them names the files by key only.
	Files []File `json:"files,omitempty"`
}

// File is a file attached in the editor: its key (the SHA-256 of Data, what
// a node's mediaFile names), its type and its content (base64 in the file).
type File struct {
	Key  string `json:"key"`
	Mime string `json:"mime"`
	Data []byte `json:"data"`
}

// Attribute is a custom attribute definition in a bundle.
type Attribute struct {
	Name        string         `json:"name"`
	Type        attribute.Type `json:"type"`
	Description string         `json:"description"`
}

// Flow is a flow in a bundle: its name, whether it is the live one, and its
// document.
type Flow struct {
	Name      string      `json:"name"`
	Published bool        `json:"published"`
	Nodes     []flow.Node `json:"nodes"`
	Edges     []flow.Edge `json:"edges"`
}

// Result says what an import did, item by item.
type Result struct {
	Created  []string `json:"created"`  // e.g. `attribute "order_id"`
	Replaced []string `json:"replaced"` // items that existed and were overwritten
	// Published is the flow the import made live, if any.
	Published string `json:"published"`
	// Drafts lists the flows imported with validation errors, as drafts.
	Drafts []string `json:"drafts"`
}

// Parse reads a bundle file. Unknown fields are refused (a typo would
// otherwise be dropped silently), and so are other formats and versions.
// Every refusal is an EINVALID error with one sentence.
func Parse(data []byte) (Bundle, error) {
	b, err := parse(data)
	if err != nil {
		return Bundle{}, &apperr.Error{Code: apperr.EINVALID, Message: sentence(err.Error()), Err: fmt.Errorf("bundle: %w", err)}
	}
	return b, nil
}

func parse(data []byte) (Bundle, error) {
	if len(data) > MaxSize {
		return Bundle{}, fmt.Errorf("the file is larger than %d MiB", MaxSize>>20)
	}
	var probe struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return Bundle{}, fmt.Errorf("the file is not valid JSON: %s", describeJSONError(data, err))
	}
	switch {
	case probe.Format == nil || *probe.Format != Format:
		return Bundle{}, fmt.Errorf("this is not a Chatflow bundle (\"format\" must be %q)", Format)
	case probe.Version == nil:
		return Bundle{}, errors.New("the bundle has no \"version\"")
	case *probe.Version != Version:
		return Bundle{}, fmt.Errorf("version %d bundles are not supported; this app reads version %d", *probe.Version, Version)
	}
	var b Bundle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return Bundle{}, errors.New(describeJSONError(data, err))
	}
	return b, nil
}

// Encode writes b as indented JSON, ready to save as a file.
func Encode(b Bundle) ([]byte, error) {
	if b.Attributes == nil {
		b.Attributes = []Attribute{}
	}
	if b.APIs == nil {
		b.APIs = []apicall.Definition{}
	}
	if b.Flows == nil {
		b.Flows = []Flow{}
	}
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("bundle: encode: %w", err)
	}
	return append(out, '\n'), nil
}

// describeJSONError turns a decoding error into a sentence with a line
// number, which is what someone fixing the file by hand needs.
func describeJSONError(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("%s (line %d)", syntax.Error(), lineOf(data, syntax.Offset))
	case errors.As(err, &typ):
		field := "the bundle"
		if typ.Field != "" {
			field = strconv.Quote(typ.Field)
		}
		return fmt.Sprintf("%s should be %s, not %s (line %d)", field, typ.Type, typ.Value, lineOf(data, typ.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends too early"
	}
	return err.Error()
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// sentence starts msg with a capital letter and ends it with a period.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
