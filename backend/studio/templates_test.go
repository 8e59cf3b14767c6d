package studio

import (
	"testing"

	"chatflow/backend/apperr"
	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp/whatsapptest"
)

// graphSettings saves the settings that reach g, the business account id
// left out unless withAccount.
func graphSettings(t *testing.T, st *Studio, g *whatsapptest.Graph, withAccount bool) {
	t.Helper()
	c := g.Config()
	in := config.WhatsAppInput{PhoneNumberID: c.PhoneNumberID, AccessToken: c.AccessToken, GraphURL: c.GraphURL, APIVersion: c.APIVersion}
	if withAccount {
		in.BusinessAccountID = c.BusinessAccountID
	}
	if _, err := st.Settings.Save(bg, in); err != nil {
		t.Fatal(err)
	}
}

func TestTemplatesSyncNeedsTheBusinessAccount(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	st, ev := newTestStudio(t, nil)
	view, err := st.Templates.List(bg)
	if err != nil || len(view.Templates) != 0 || view.Templates == nil || view.SyncedAt != "" || view.Missing == "" {
		t.Fatalf("before any setting: %+v, %v", view, err)
	}
	graphSettings(t, st, g, false)
	_, err = st.Templates.Sync(bg)
	if !apperr.Is(err, apperr.EINVALID) || apperr.ErrorField(err) != "businessAccountId" || g.TemplateListRequests() != 0 {
		t.Fatalf("sync without the account id: %v (%d requests)", err, g.TemplateListRequests())
	}
	if ev.count(EventTemplatesChanged) != 0 {
		t.Fatal("a refused sync announced a change")
	}
}

func TestTemplatesSyncStoresAndAnnounces(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	g.SetTemplatePageSize(2)
	g.SetTemplates(
		whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} shipped.", "Track it"),
		whatsapptest.Template("order_shipped", "es_ES", "Hola {{1}}, pedido {{2}} enviado."),
		whatsapptest.Template("welcome", "en_US", "Welcome!"),
	)
	st, ev := newTestStudio(t, nil)
	graphSettings(t, st, g, true)
	res, err := st.Templates.Sync(bg)
	if err != nil || res.Added != 3 || len(res.Templates) != 3 || res.SyncedAt == "" {
		t.Fatalf("sync: %+v, %v", res, err)
	}
	if ev.count(EventTemplatesChanged) != 1 {
		t.Fatal("the sync was not announced to open views")
	}
	view, err := st.Templates.List(bg)
	if err != nil || len(view.Templates) != 3 || view.Missing != "" || view.SyncedAt != res.SyncedAt {
		t.Fatalf("list after sync: %+v, %v", view, err)
	}

	// WhatsApp refusing the token: one sentence, and the synced set stays.
	g.FailNext(whatsapptest.Failure{Status: 401,
		Body: `{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190}}`})
	_, err = st.Templates.Sync(bg)
	if !apperr.Is(err, apperr.EUNAVAILABLE) || err.Error() != "WhatsApp refused the template sync: Error validating access token: Session has expired (code 190)." {
		t.Fatalf("refused sync: %v", err)
	}
	if view, _ := st.Templates.List(bg); len(view.Templates) != 3 {
		t.Fatalf("a failed sync lost the synced templates: %+v", view)
	}
}

func TestTemplatesBusinessAccountFromTheEnvironment(t *testing.T) {
	st, _ := newTestStudio(t, map[string]string{"WHATSAPP_WABA_ID": "102290129340398"})
	got, err := st.Settings.Get(bg)
	if err != nil || got.BusinessAccountID.Value != "102290129340398" || !got.BusinessAccountID.Overridden ||
		got.BusinessAccountID.EnvVar != "WHATSAPP_WABA_ID" {
		t.Fatalf("settings: %+v, %v", got.BusinessAccountID, err)
	}
	rt, _ := st.Config().Runtime(bg)
	if rt.Graph.BusinessAccountID != "102290129340398" {
		t.Fatalf("runtime: %+v", rt.Graph)
	}
}
