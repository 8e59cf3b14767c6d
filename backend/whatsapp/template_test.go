package whatsapp_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
)

func readTemplatePage(tb testing.TB, name string) whatsapp.TemplatePage {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "templates", name))
	if err != nil {
		tb.Fatal(err)
	}
	page, err := whatsapp.ParseTemplatePage(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

func findTemplate(tb testing.TB, ts []whatsapp.Template, name, lang string) whatsapp.Template {
	tb.Helper()
	for _, t := range ts {
		if t.Name == name && t.Language == lang {
			return t
		}
	}
	tb.Fatalf("template %s/%s not found in %d templates", name, lang, len(ts))
	return whatsapp.Template{}
}

func TestParseTemplatePage(t *testing.T) {
	page := readTemplatePage(t, "page1.json")
	if page.After != "QVFIUkVx" || page.Next == "" || page.Skipped != 0 || len(page.Templates) != 3 {
		t.Fatalf("paging/count wrong: after %q next %q skipped %d templates %d", page.After, page.Next, page.Skipped, len(page.Templates))
	}
	shipped := findTemplate(t, page.Templates, "order_shipped", "en_US")
	want := whatsapp.Template{
		ID: "1124581092389201", Name: "order_shipped", Language: "en_US", Category: "UTILITY", Status: "APPROVED",
		ParameterFormat: whatsapp.ParamsPositional,
		Header:          &whatsapp.TemplateHeader{Format: "image", Example: "https://scontent.whatsapp.net/v/t61/parcel.jpg"},
		Body:            "Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.",
		Footer:          "Shop Example",
		Buttons: []whatsapp.TemplateButton{{Type: "quick_reply", Text: "Track it"}, {Type: "quick_reply", Text: "Stop updates"},
			{Type: "url", Text: "Order details", URL: "https://shop.example/orders/{{1}}"}},
		Examples: map[string]string{"body.1": "Ana", "body.2": "A1001", "body.3": "on Friday"},
	}
	if !reflect.DeepEqual(shipped, want) {
		t.Fatalf("order_shipped\n got %+v\nwant %+v", shipped, want)
	}
	if !shipped.Sendable() || shipped.MediaHeader() != "image" {
		t.Fatalf("sendable %v, media header %q", shipped.Sendable(), shipped.MediaHeader())
	}
	if got := shipped.QuickReplies(); !reflect.DeepEqual(got, []string{"Track it", "Stop updates"}) {
		t.Fatalf("QuickReplies = %q", got)
	}
	var labels []string
	for _, p := range shipped.Parameters() {
		labels = append(labels, p.Label()+"="+p.Example)
	}
	if want := []string{"Body {{1}}=Ana", "Body {{2}}=A1001", "Body {{3}}=on Friday", "Button 3 URL {{1}}="}; !reflect.DeepEqual(labels, want) {
		t.Fatalf("Parameters = %q, want %q", labels, want)
	}

	named := findTemplate(t, page.Templates, "welcome_back", "en_US")
	if named.ParameterFormat != whatsapp.ParamsNamed || named.Header.Format != "text" {
		t.Fatalf("welcome_back: %+v", named)
	}
	var keys []string
	for _, p := range named.Parameters() {
		keys = append(keys, p.Key()+"="+p.Example)
	}
	if want := []string{"header.first_name=Ana", "body.points=120", "body.first_name=Ana"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("named Parameters = %q, want %q", keys, want)
	}
}

func TestParseTemplatePageStatusesAndUnsupported(t *testing.T) {
	page := readTemplatePage(t, "page2.json")
	if page.Next != "" || page.Skipped != 2 || len(page.Templates) != 4 {
		t.Fatalf("next %q skipped %d templates %d", page.Next, page.Skipped, len(page.Templates))
	}
	tests := []struct {
		name, status, reason, unsupported string
		sendable                          bool
	}{
		{"summer_sale", "REJECTED", "PROMOTIONAL", "", false},
		{"appointment_reminder", "PAUSED", "", "", false},
		{"verify_code", "APPROVED", "", "otp buttons", false},
		{"spring_carousel", "APPROVED", "", "carousel components", false},
	}
	for _, tt := range tests {
		got := findTemplate(t, page.Templates, tt.name, "en_US")
		if got.Status != tt.status || got.RejectedReason != tt.reason || got.Unsupported != tt.unsupported || got.Sendable() != tt.sendable {
			t.Errorf("%s: status %q reason %q unsupported %q sendable %v", tt.name, got.Status, got.RejectedReason, got.Unsupported, got.Sendable())
		}
	}
	if got := findTemplate(t, page.Templates, "appointment_reminder", "en_US").MediaHeader(); got != "document" {
		t.Errorf("document header = %q", got)
	}
}

func TestParseTemplatePageRefusesWhatIsNoList(t *testing.T) {
	for _, body := range []string{``, `  `, `[]`, `{"data": 4}`, `not json`,
		`{"error":{"message":"(#100) Tried accessing nonexisting field (message_templates)","code":100}}`} {
		if _, err := whatsapp.ParseTemplatePage([]byte(body)); err == nil {
			t.Errorf("ParseTemplatePage(%q) accepted it", body)
		}
	}
	page, err := whatsapp.ParseTemplatePage([]byte(`{"data":[]}`))
	if err != nil || len(page.Templates) != 0 || page.Next != "" {
		t.Fatalf("empty list: %+v, %v", page, err)
	}
}

func TestParameterFormatInferredWithoutTheField(t *testing.T) {
	page, err := whatsapp.ParseTemplatePage([]byte(`{"data":[
		{"name":"a","language":"en","components":[{"type":"BODY","text":"Hi {{name}}"}]},
		{"name":"b","language":"en","components":[{"type":"BODY","text":"Hi {{2}} and {{1}} and {{1}}"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if page.Templates[0].ParameterFormat != whatsapp.ParamsNamed || page.Templates[1].ParameterFormat != whatsapp.ParamsPositional {
		t.Fatalf("formats %q %q", page.Templates[0].ParameterFormat, page.Templates[1].ParameterFormat)
	}
	var names []string
	for _, p := range page.Templates[1].Parameters() {
		names = append(names, p.Name)
	}
	if !reflect.DeepEqual(names, []string{"1", "2"}) {
		t.Fatalf("positional parameters sorted and distinct: %q", names)
	}
}

func TestFillRendersAndEscapes(t *testing.T) {
	shipped := findTemplate(t, readTemplatePage(t, "page1.json").Templates, "order_shipped", "en_US")
	m := shipped.Fill([]string{"  Ana\nMaria ", "A1001", "on\tFriday     morning", "A 10/01?x"}, "https://cdn.example/p.jpg")
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ana Maria", "A1001", "on Friday morning", "A 10/01?x"}; !reflect.DeepEqual(m.ParameterValues(), want) {
		t.Fatalf("values = %q, want %q", m.ParameterValues(), want)
	}
	if m.Body != "Hi Ana Maria, your order A1001 has shipped and arrives on Friday morning." || m.Footer != "Shop Example" {
		t.Fatalf("body %q footer %q", m.Body, m.Footer)
	}
	if !reflect.DeepEqual(m.Buttons, []string{"Track it", "Stop updates", "Order details"}) {
		t.Fatalf("buttons %q", m.Buttons)
	}
	out := whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "15550001111", Text: m.Body, Template: &m}
	if parts := whatsapp.Expand(out); len(parts) != 1 || parts[0].Template == nil {
		t.Fatalf("Expand changed a template: %+v", parts)
	}
	body, err := out.Body()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"messaging_product":"whatsapp","recipient_type":"individual","template":{"components":[` +
		`{"parameters":[{"image":{"link":"https://cdn.example/p.jpg"},"type":"image"}],"type":"header"},` +
		`{"parameters":[{"text":"Ana Maria","type":"text"},{"text":"A1001","type":"text"},{"text":"on Friday morning","type":"text"}],"type":"body"},` +
		`{"index":"0","parameters":[{"payload":"Track it","type":"payload"}],"sub_type":"quick_reply","type":"button"},` +
		`{"index":"1","parameters":[{"payload":"Stop updates","type":"payload"}],"sub_type":"quick_reply","type":"button"},` +
		`{"index":"2","parameters":[{"text":"A%2010%2F01%3Fx","type":"text"}],"sub_type":"url","type":"button"}],` +
		`"language":{"code":"en_US"},"name":"order_shipped"},"to":"15550001111","type":"template"}`
	if string(body) != want {
		t.Fatalf("Body\n got %s\nwant %s", body, want)
	}
}

func TestFillNamedTemplate(t *testing.T) {
	named := findTemplate(t, readTemplatePage(t, "page1.json").Templates, "welcome_back", "en_US")
	m := named.Fill([]string{"Ana", "120", "Ana"}, "https://ignored.example/x.png")
	if m.Header != "Welcome back, Ana!" || m.Body != "Your 120 points are waiting, Ana. Reply to use them." || m.HeaderMediaURL != "" {
		t.Fatalf("header %q body %q media %q", m.Header, m.Body, m.HeaderMediaURL)
	}
	body, err := whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "1", Template: &m}.Body()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Template struct {
			Components []struct {
				Type       string `json:"type"`
				Parameters []struct {
					Type string `json:"type"`
					Name string `json:"parameter_name"`
					Text string `json:"text"`
				} `json:"parameters"`
			} `json:"components"`
		} `json:"template"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	comps := got.Template.Components
	if len(comps) != 2 || comps[0].Type != "header" || comps[0].Parameters[0].Name != "first_name" ||
		comps[1].Parameters[0].Name != "points" || comps[1].Parameters[1].Text != "Ana" {
		t.Fatalf("named components: %s", body)
	}
}

func TestURLButtonValueEscapedForItsPlace(t *testing.T) {
	tpl := whatsapp.Template{Name: "q", Language: "en", Status: "APPROVED", Body: "x",
		Buttons: []whatsapp.TemplateButton{{Type: "url", Text: "Open", URL: "https://shop.example/find?q={{1}}"}}}
	m := tpl.Fill([]string{"blue shoes & socks"}, "")
	body, err := whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "1", Template: &m}.Body()
	if err != nil || !strings.Contains(string(body), `"text":"blue+shoes+%26+socks"`) || m.ParameterValues()[0] != "blue shoes & socks" {
		t.Fatalf("query value: %s, %v", body, err)
	}
}

func TestTemplateCheckRefusesWhatMetaWould(t *testing.T) {
	shipped := findTemplate(t, readTemplatePage(t, "page1.json").Templates, "order_shipped", "en_US")
	tests := map[string]struct {
		values []string
		media  string
		want   string
	}{
		"a value missing":        {[]string{"Ana", "A1001"}, "https://cdn.example/p.jpg", "Body {{3}} of the template order_shipped has no value."},
		"a value only spaces":    {[]string{"Ana", " \n ", "x", "y"}, "https://cdn.example/p.jpg", "Body {{2}} of the template order_shipped has no value."},
		"no header link":         {[]string{"a", "b", "c", "d"}, "", "The image header of the template order_shipped needs an http(s) link."},
		"header link not a link": {[]string{"a", "b", "c", "d"}, "file:///etc/passwd", "The image header of the template order_shipped needs an http(s) link."},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := shipped.Fill(tt.values, tt.media)
			_, err := whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "1", Template: &m}.Body()
			if !errors.Is(err, whatsapp.ErrInvalidMessage) || err.Error() != tt.want {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := (whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "1"}).Body(); !errors.Is(err, whatsapp.ErrInvalidMessage) {
		t.Fatalf("a template message without its template: %v", err)
	}
}

func TestCleanValue(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "  both ends ": "both ends", "line\nbreak": "line break", "tab\there": "tab here",
		"five     spaces": "five spaces", "\r\n": "", "nbsp\u00a0\u2003x": "nbsp x",
	} {
		if got := whatsapp.CleanValue(in); got != want {
			t.Errorf("CleanValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestComposeRefusesWithASentence(t *testing.T) {
	page := readTemplatePage(t, "page2.json")
	shipped := findTemplate(t, readTemplatePage(t, "page1.json").Templates, "order_shipped", "en_US")
	tests := []struct {
		name   string
		tpl    whatsapp.Template
		values []string
		want   string
	}{
		{"rejected", findTemplate(t, page.Templates, "summer_sale", "en_US"), nil,
			"The template summer_sale (en_US) is rejected, and WhatsApp only sends approved templates."},
		{"paused", findTemplate(t, page.Templates, "appointment_reminder", "en_US"), []string{"a", "b"},
			"The template appointment_reminder (en_US) is paused, and WhatsApp only sends approved templates."},
		{"carousel", findTemplate(t, page.Templates, "spring_carousel", "en_US"), nil,
			"The template spring_carousel (en_US) uses carousel components, which Chatflow Studio cannot send."},
		{"wrong count", shipped, []string{"a"}, "The template order_shipped takes 4 values, not 1."},
		{"empty value", shipped, []string{"a", "", "c", "d"}, "Body {{2}} of the template order_shipped has no value."},
	}
	for _, tt := range tests {
		if _, err := tt.tpl.Compose(tt.values, "https://cdn.example/p.jpg"); err == nil || err.Error() != tt.want || !errors.Is(err, whatsapp.ErrInvalidMessage) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	m, err := shipped.Compose([]string{"Ana", "A1001", "Friday", "A1001"}, "https://cdn.example/p.jpg")
	if err != nil || m.Body != "Hi Ana, your order A1001 has shipped and arrives Friday." {
		t.Fatalf("Compose = %+v, %v", m, err)
	}
}
