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
