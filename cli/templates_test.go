package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatflow/backend/whatsapp/whatsapptest"
)

// graphEnv runs the command line against the fake Graph API through the
// WHATSAPP_* variables, as a user without stored settings would.
func graphEnv(g *whatsapptest.Graph) map[string]string {
	c := g.Config()
	return map[string]string{"WHATSAPP_GRAPH_URL": c.GraphURL, "WHATSAPP_API_VERSION": c.APIVersion,
		"WHATSAPP_TOKEN": c.AccessToken, "WHATSAPP_PHONE_NUMBER_ID": c.PhoneNumberID, "WHATSAPP_WABA_ID": c.BusinessAccountID}
}

// runCLIEnv is runCLI with environment variables.
func runCLIEnv(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut strings.Builder
	env := testEnv(&out, &errOut)
	env.Stdin = strings.NewReader(stdin)
	env.Getenv = func(k string) string { return vars[k] }
	code := Main(t.Context(), args, env)
	return code, out.String(), errOut.String()
}

// shippedBundle has a flow whose start sends order_shipped with two
// parameters and branches on its quick reply.
const shippedBundle = `{"format":"chatflow-bundle","version":1,
 "attributes":[{"name":"order_id","type":"text"}],
 "flows":[{"name":"Shipped","published":true,"nodes":[
  {"id":"start","type":"start","position":{"x":0,"y":0},"data":{"keywords":["hi"]}},
  {"id":"tpl","type":"template","position":{"x":200,"y":0},"data":{"template":"order_shipped","language":"en_US",
   "parameters":["{{contact.name}}","{{order_id}}"],"headerMediaUrl":"","quickReplies":["Track it"]}},
  {"id":"track","type":"message","position":{"x":400,"y":0},"data":{"text":"Tracking {{order_id}}"}}],
 "edges":[{"id":"e1","source":"start","sourceHandle":"out","target":"tpl"},
  {"id":"e2","source":"tpl","sourceHandle":"Track it","target":"track"}]}]}`

func TestTemplatesSyncThenTemplateNode(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	g.SetTemplatePageSize(1)
	g.SetTemplates(
		whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} shipped.", "Track it"),
		whatsapptest.Template("welcome", "es_ES", "Hola."),
	)
	vars := graphEnv(g)
	dir := t.TempDir()
	db := filepath.Join(dir, "chatflow.db")
	bundleFile := filepath.Join(dir, "shipped.json")
	if err := os.WriteFile(bundleFile, []byte(shippedBundle), 0o644); err != nil {
		t.Fatal(err)
	}

	// Before a sync the import refuses the node: nobody would see it cannot send.
	code, _, stderr := runCLIEnv(t, vars, "", "import", bundleFile, "--db", db)
	if code != 1 || !strings.Contains(stderr, `"order_shipped" (en_US), which is not synced`) {
		t.Fatalf("import before sync: exit %d, %q", code, stderr)
	}

	code, stdout, stderr := runCLIEnv(t, vars, "", "templates", "sync", "--db", db)
	if code != 0 || stdout != "order_shipped en_US APPROVED UTILITY\nwelcome es_ES APPROVED UTILITY\n" {
		t.Fatalf("templates sync: exit %d\n%s%s", code, stdout, stderr)
	}
	if g.TemplateListRequests() != 2 {
		t.Fatalf("two pages of one template need two requests, made %d", g.TemplateListRequests())
	}
	if code, _, stderr := runCLIEnv(t, vars, "", "import", bundleFile, "--db", db); code != 0 {
		t.Fatalf("import after sync: exit %d %s", code, stderr)
	}
	code, stdout, stderr = runCLIEnv(t, vars, "hi\nTrack it\n", "simulate", "--flow", "Shipped", "--json", "--set", "order_id=A 1001", "--db", db)
	want := `{"type":"template","name":"order_shipped","language":"en_US","parameters":["Test customer","A 1001"]}` + "\n" +
		`{"type":"wait"}` + "\n" + `{"type":"text","text":"Tracking A 1001"}` + "\n" + `{"type":"end"}` + "\n"
	if code != 0 || stdout != want {
		t.Fatalf("simulate: exit %d\n%s\nwant\n%s%s", code, stdout, want, stderr)
	}
}

func TestTemplatesSyncErrors(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	db := filepath.Join(t.TempDir(), "chatflow.db")
	vars := graphEnv(g)
	delete(vars, "WHATSAPP_WABA_ID")
	tests := []struct {
		name   string
		vars   map[string]string
		args   []string
		code   int
		stderr string
	}{
		{"no action", vars, []string{"templates"}, 2, "templates sync"},
		{"unknown action", vars, []string{"templates", "pull"}, 2, `unknown action "pull"`},
		{"no business account", vars, []string{"templates", "sync", "--db", db}, 1, "WHATSAPP_WABA_ID"},
		{"refused token", vars, []string{"templates", "sync", "--db", db, "--whatsapp-waba-id", "1234", "--whatsapp-token", "wrong"}, 1,
			"WhatsApp refused the template sync"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLIEnv(t, tt.vars, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}
