package flow_test

import (
	"strings"
	"testing"

	"chatflow/backend/flow"
)

// A message node sending an attached file (a media-store key) is valid
// without a link; its caption follows the caption limit.
func TestValidateAttachedFile(t *testing.T) {
	f := good()
	d := &f.Nodes[4].Data
	d.MediaFile, d.MediaName, d.MediaType, d.Text = strings.Repeat("0f", 32), "menu.pdf", "document", "Our menu"
	if p := flow.Validate(f, env{}); len(p) != 0 {
		t.Fatalf("problems: %+v", p)
	}
	d.Text = strings.Repeat("x", flow.MaxCaption+1)
	if p := flow.Validate(f, env{}); len(p) != 1 || p[0].Field != "text" {
		t.Fatalf("a caption over the limit: %+v", p)
	}
}

// mediaEnv is an env that knows which attached files are stored.
type mediaEnv struct {
	env
	stored map[string]bool
}

func (e mediaEnv) MediaFileExists(key string) bool { return e.stored[key] }

// An attached file missing from this computer's media folder (a flow
// imported from another computer) is an error on the node, where the env
// can look; well-formed keys are only checked for form otherwise.
func TestValidateAttachedFileMissingHere(t *testing.T) {
	f := good()
	key := strings.Repeat("ab", 32)
	d := &f.Nodes[4].Data
	d.MediaFile, d.MediaName, d.MediaType = key, "menu.pdf", "document"
	p := flow.Validate(f, mediaEnv{stored: map[string]bool{}})
	if len(p) != 1 || p[0].Field != "mediaFile" || p[0].NodeID != f.Nodes[4].ID || !strings.Contains(p[0].Message, "not on this computer") {
		t.Fatalf("a missing file: %+v", p)
	}
	if p := flow.Validate(f, mediaEnv{stored: map[string]bool{key: true}}); len(p) != 0 {
		t.Fatalf("a stored file: %+v", p)
	}
}
