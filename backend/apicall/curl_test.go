package apicall_test

import (
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/apicall"
)

func TestParseCurl(t *testing.T) {
	tests := []struct {
		name string
		cmd  string
		want apicall.Definition
	}{
		{
			name: "simple GET with query split",
			cmd:  `curl https://shop.test/api/orders?status=open&page=2`,
			want: apicall.Definition{Method: "GET", URL: "https://shop.test/api/orders",
				Query: []apicall.KV{{Key: "status", Value: "open"}, {Key: "page", Value: "2"}}},
		},
		{
			name: "POST JSON with headers, line continuations and quotes",
			cmd: "curl -X POST 'https://shop.test/api/orders' \\\n  -H 'Content-Type: application/json' \\\n" +
				"  -H \"X-Shop: main\" \\\n  -d '{\"sku\": \"A1\", \"qty\": 2}'",
			want: apicall.Definition{Method: "POST", URL: "https://shop.test/api/orders",
				Headers: []apicall.KV{{Key: "Content-Type", Value: "application/json"}, {Key: "X-Shop", Value: "main"}},
				Body:    `{"sku": "A1", "qty": 2}`, BodyType: apicall.BodyJSON},
		},
		{
			name: "data implies POST; JSON detected without content type",
			cmd:  `curl https://shop.test/x --data-raw '{"a":1}'`,
			want: apicall.Definition{Method: "POST", URL: "https://shop.test/x", Body: `{"a":1}`, BodyType: apicall.BodyJSON},
		},
		{
			name: "form data joined",
			cmd:  `curl https://shop.test/x -d name=Ann -d 'city=New York' --data-urlencode 'note=a&b'`,
			want: apicall.Definition{Method: "POST", URL: "https://shop.test/x", Body: "name=Ann&city=New York&note=a%26b", BodyType: apicall.BodyForm},
		},
		{
			name: "--json",
			cmd:  `curl --json '{"q":"tea"}' https://shop.test/search`,
			want: apicall.Definition{Method: "POST", URL: "https://shop.test/search", Body: `{"q":"tea"}`, BodyType: apicall.BodyJSON},
		},
		{
			name: "basic auth with -u",
			cmd:  `curl -u shop:s3cr3t:x https://shop.test/x`,
			want: apicall.Definition{Method: "GET", URL: "https://shop.test/x", Auth: apicall.Auth{Type: apicall.AuthBasic, Username: "shop", Password: "s3cr3t:x"}},
		},
		{
			name: "bearer header becomes auth",
			cmd:  `curl -H 'Authorization: Bearer eyJ.abc.def' -H 'Accept: application/json' https://shop.test/me`,
			want: apicall.Definition{Method: "GET", URL: "https://shop.test/me", Headers: []apicall.KV{{Key: "Accept", Value: "application/json"}},
				Auth: apicall.Auth{Type: apicall.AuthBearer, Token: "eyJ.abc.def"}},
		},
		{
			name: "basic header decoded",
			cmd:  `curl -H "Authorization: Basic dXNlcjpwYXNz" https://shop.test/x`,
			want: apicall.Definition{Method: "GET", URL: "https://shop.test/x", Auth: apicall.Auth{Type: apicall.AuthBasic, Username: "user", Password: "pass"}},
		},
		{
			name: "-G moves data to the query",
			cmd:  `curl -G https://shop.test/s?x=1 -d 'q=green tea' --data-urlencode 'lang=en gb'`,
			want: apicall.Definition{Method: "GET", URL: "https://shop.test/s",
				Query: []apicall.KV{{Key: "x", Value: "1"}, {Key: "q", Value: "green tea"}, {Key: "lang", Value: "en gb"}}},
		},
		{
			name: "glued short options, -L, -m, --url, and ignored flags",
			cmd:  `curl -sSL -XPUT -m 90 --compressed -k -o out.json --url http://127.0.0.1:9000/items/3 -HX-A:1`,
			want: apicall.Definition{Method: "PUT", URL: "http://127.0.0.1:9000/items/3", Headers: []apicall.KV{{Key: "X-A", Value: "1"}},
				FollowRedirects: true, TimeoutMs: 60000},
		},
		{
			name: "no scheme means http, placeholders kept, double-quote escapes",
			cmd:  `curl "shop.test/orders/{{order_id}}" -H "X-Say: \"hi\" \$HOME"`,
			want: apicall.Definition{Method: "GET", URL: "http://shop.test/orders/{{order_id}}", Headers: []apicall.KV{{Key: "X-Say", Value: `"hi" $HOME`}}},
		},
		{
			name: "ANSI-C quoting and a prompt sign",
			cmd:  `$ curl -X PATCH https://shop.test/x --data $'{"a":"line\nnext"}' -H $'Content-Type: application/json'`,
			want: apicall.Definition{Method: "PATCH", URL: "https://shop.test/x", Body: "{\"a\":\"line\nnext\"}", BodyType: apicall.BodyJSON,
				Headers: []apicall.KV{{Key: "Content-Type", Value: "application/json"}}},
		},
		{
			name: "explicit form content type",
			cmd:  `curl -X DELETE https://shop.test/x -H 'content-type: application/x-www-form-urlencoded' -d '{"looks":"json"}'`,
			want: apicall.Definition{Method: "DELETE", URL: "https://shop.test/x", Body: `{"looks":"json"}`, BodyType: apicall.BodyForm,
				Headers: []apicall.KV{{Key: "content-type", Value: "application/x-www-form-urlencoded"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := apicall.ParseCurl(tt.cmd)
			if err != nil {
				t.Fatalf("ParseCurl: %v", err)
			}
			want := tt.want
			want.Name = got.Name
			if want.Query == nil {
				want.Query = []apicall.KV{}
			}
			if want.Headers == nil {
				want.Headers = []apicall.KV{}
			}
			want.Mappings = []apicall.Mapping{}
			if want.Auth.Type == "" {
				want.Auth.Type = apicall.AuthNone
			}
			if want.BodyType == "" {
				want.BodyType = apicall.BodyNone
			}
			if want.TimeoutMs == 0 {
				want.TimeoutMs = apicall.DefaultTimeoutMs
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("ParseCurl =\n%#v\nwant\n%#v", got, want)
			}
			if got.Name == "" {
				t.Error("no suggested name")
			}
			if err := got.Validate(); err != nil {
				t.Errorf("imported definition does not validate: %v", err)
			}
		})
	}
}

func TestParseCurlErrors(t *testing.T) {
	tests := []struct {
		cmd  string
		want string
	}{
		{"", "starts with curl"},
		{"wget https://x.test", "starts with curl"},
		{"curl -H 'X: 1", "never closed"},
		{"curl -X", "needs a value"},
		{"curl -s", "no URL"},
		{"curl -d @body.json https://x.test", "from a file"},
		{"curl -F file=@a.png https://x.test", "multipart"},
		{"curl -I https://x.test", "HEAD is not supported"},
		{"curl -H NoColon https://x.test", "no colon"},
	}
	for _, tt := range tests {
		_, err := apicall.ParseCurl(tt.cmd)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "apicall: parse curl: ") {
			t.Errorf("ParseCurl(%q) error = %v, want %q", tt.cmd, err, tt.want)
		}
	}
}

func TestParseCurlName(t *testing.T) {
	def, err := apicall.ParseCurl("curl https://api.shop.test/v1/orders/")
	if err != nil || def.Name != "api.shop.test orders" {
		t.Fatalf("name = %q, %v", def.Name, err)
	}
}
