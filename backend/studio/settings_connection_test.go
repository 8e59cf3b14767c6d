package studio

import (
	"net"
	"strings"
	"testing"

	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestTestConnectionAgainstTheGraphAPI(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	st, _ := newTestStudio(t, nil)
	good := config.WhatsAppInput{PhoneNumberID: whatsapptest.PhoneNumberID, AccessToken: whatsapptest.Token,
		AppSecret: whatsapptest.AppSecret, GraphURL: g.URL, APIVersion: whatsapptest.Version}
	// Saved secrets are used when the form leaves them empty.
	if _, err := st.Settings.Save(bg, good); err != nil {
		t.Fatal(err)
	}
	closed := func() string {
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		defer ln.Close()
		return "http://" + ln.Addr().String()
	}()
	tests := []struct {
		name string
		edit func(*config.WhatsAppInput)
		ok   bool
		want string
	}{
		{"typed values", func(*config.WhatsAppInput) {}, true, "Connected to +1 555-010-0199 (Test Number). The access token, the phone number ID and the app secret belong together."},
		{"saved secrets", func(in *config.WhatsAppInput) { in.AccessToken, in.AppSecret = "", "" }, true, "app secret belong together"},
		{"no app secret", func(in *config.WhatsAppInput) { in.AppSecret, in.ClearAppSecret = "", true }, true, "the app secret is not set, so it was not checked"},
		{"expired token", func(in *config.WhatsAppInput) { in.AccessToken = "expired-token" }, false, "Meta refused the access token (Invalid OAuth access token). A temporary token expires after 24 hours"},
		{"another app's secret", func(in *config.WhatsAppInput) { in.AppSecret = "another-apps-secret" }, false, "The app secret does not belong to this access token's app"},
		{"unknown phone number id", func(in *config.WhatsAppInput) { in.PhoneNumberID = "123456789" }, false, "Meta does not know the phone number ID 123456789"},
		{"no token", func(in *config.WhatsAppInput) { in.AccessToken, in.ClearAccessToken = "", true }, false, "Fill in the phone number ID and the access token first."},
		{"bad field", func(in *config.WhatsAppInput) { in.PhoneNumberID = "abc" }, false, "digits only"},
		{"offline", func(in *config.WhatsAppInput) { in.GraphURL = closed }, false, "Could not reach the Graph API at 127.0.0.1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good
			tt.edit(&in)
			got, err := st.Settings.TestConnection(bg, in)
			if err != nil {
				t.Fatal(err)
			}
			if got.OK != tt.ok || !strings.Contains(got.Message, tt.want) {
				t.Fatalf("TestConnection = %+v, want ok=%v with %q", got, tt.ok, tt.want)
			}
			if strings.Contains(got.Message, whatsapptest.Token) || strings.Contains(got.Message, whatsapptest.AppSecret) {
				t.Fatalf("a secret leaked: %q", got.Message)
			}
		})
	}
}

func TestCheckWhatsAppNamesEveryField(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	got := st.Settings.CheckWhatsApp(config.WhatsAppInput{PhoneNumberID: "12ab", AccessToken: "a b", APIVersion: "21",
		GraphURL: "ftp://x", WebhookAddr: "nowhere", StaleMinutes: -1, RateLimit: 5000})
	want := []string{"phoneNumberId", "accessToken", "apiVersion", "graphUrl", "webhookAddr", "staleMinutes", "rateLimit"}
	if len(got) != len(want) {
		t.Fatalf("problems = %+v", got)
	}
	for i, f := range want {
		if got[i].Field != f || got[i].Message == "" {
			t.Fatalf("problem %d = %+v, want field %s", i, got[i], f)
		}
	}
	if p := st.Settings.CheckWhatsApp(config.WhatsAppInput{PhoneNumberID: whatsapptest.PhoneNumberID}); len(p) != 0 {
		t.Fatalf("a good form has problems: %+v", p)
	}
}
