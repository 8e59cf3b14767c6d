// Package apicall configures, renders, sends and interprets calls to a
// business's own JSON APIs: the definitions the APIs page edits, the
// {{placeholder}} rendering, authentication, execution with a timeout and a
// size cap, the response structure, mappings into attributes, route matching
// for the flow's API node, secret redaction for the call log and cURL import.
//
// The pure parts import only the standard library, gjson and attribute.
package apicall

import (
	"fmt"
	"net/url"
	"strings"
)

// The HTTP methods an API may use.
var Methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// Body types. An empty BodyType means BodyJSON when the body is not empty.
// Multipart bodies are made of Parts; every other type is the Body template.
const (
	BodyJSON      = "json"
	BodyForm      = "form"
	BodyMultipart = "multipart"
	BodyText      = "text"
	BodyNone      = "none"
)

// Auth types and the places an API key can go.
const (
	AuthNone   = "none"
	AuthAPIKey = "apiKey"
	AuthBearer = "bearer"
	AuthBasic  = "basic"
	InHeader   = "header"
	InQuery    = "query"
)

// Timeout limits in milliseconds.
const (
	DefaultTimeoutMs = 10000
	MaxTimeoutMs     = 60000
)

// MaxNameLength bounds an API's name; it is shown in the flow editor.
const MaxNameLength = 80

// KV is one query parameter or header row. A disabled row is kept in the
// definition but not sent.
type KV struct {
	Key      string `json:"key"`
	Value    string `json:"value"`
	Disabled bool   `json:"disabled,omitempty"`
}

// Auth says how a request proves who is calling. Only the fields of the
// chosen Type matter; every value may contain placeholders.
type Auth struct {
	Type     string `json:"type"`
	In       string `json:"in,omitempty"`
	Name     string `json:"name,omitempty"`
	Value    string `json:"value,omitempty"`
	Token    string `json:"token,omitempty"`
	Username string `json:"username,omitempty"`
	Password string `json:"password,omitempty"`
}

// Part is one field of a multipart/form-data body. Value is a template; a
// File part's value renders to the path of a stored file (such as
// {{message.media.path}}, a customer's photo), which is sent as the field's
// content.
type Part struct {
	Key      string `json:"key"`
	Value    string `json:"value"`
	File     bool   `json:"file,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
}

// Retry says whether a failed call is tried again. The zero value means one
// try. POST and PATCH are retried only when Idempotent says a repeat is safe
// (the API ignores a duplicate), since the first try may have been applied
// before its answer was lost.
type Retry struct {
	MaxTries   int  `json:"maxTries"`
	Idempotent bool `json:"idempotent"`
}

// MaxTries bounds Retry.MaxTries: a customer waits while the bot retries.
const MaxTries = 5

// Mapping copies the value at a gjson Path of the response into an attribute.
type Mapping struct {
	Path      string `json:"path"`
	Attribute string `json:"attribute"`
}

// PathSample is one path of a response structure with a short sample of the
// value found there. Type is the JSON kind: string, number, boolean, null,
// object or array. An array also says how many items it has and their shape
// ("{id, date, time}" for objects, else the kind of the first item), which
// is what a list attribute mapped from it will hold.
type PathSample struct {
	Path      string `json:"path"`
	Sample    string `json:"sample"`
	Type      string `json:"type"`
	Items     int    `json:"items,omitempty"`
	ItemShape string `json:"itemShape,omitempty"`
}

// Definition is one configured API, in the shape of the bundle format (see
// docs/bundle.md). ID, SampleResponse and SampleStructure belong to this
// database only and are left out of bundles.
type Definition struct {
	ID              int64        `json:"id,omitempty"`
	Name            string       `json:"name"`
	Method          string       `json:"method"`
	URL             string       `json:"url"`
	Query           []KV         `json:"query"`
	Headers         []KV         `json:"headers"`
	Body            string       `json:"body"`
	BodyType        string       `json:"bodyType,omitempty"`
	Parts           []Part       `json:"parts,omitempty"`
	Auth            Auth         `json:"auth"`
	TimeoutMs       int          `json:"timeoutMs"`
	FollowRedirects bool         `json:"followRedirects"`
	Retry           Retry        `json:"retry,omitzero"`
	Mappings        []Mapping    `json:"mappings"`
	SampleResponse  string       `json:"sampleResponse,omitempty"`
	SampleStructure []PathSample `json:"sampleStructure,omitempty"`
}

// FieldError is a validation problem tied to one field of a definition, so
// the editor can point at it. Field uses the JSON names ("url", "auth.token",
// "mappings.2.path").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error returns the message, a sentence meant for the user.
func (e *FieldError) Error() string { return e.Message }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Normalized returns a copy with defaults filled in: upper-case method (GET
// when empty), the default timeout, the effective body type, auth type
// "none" when empty, and nil slices replaced by empty ones.
func (d Definition) Normalized() Definition {
	d.Name = strings.TrimSpace(d.Name)
	d.URL = strings.TrimSpace(d.URL)
	d.Method = strings.ToUpper(strings.TrimSpace(d.Method))
	if d.Method == "" {
		d.Method = "GET"
	}
	if d.TimeoutMs == 0 {
		d.TimeoutMs = DefaultTimeoutMs
	}
	d.BodyType = d.EffectiveBodyType()
	if d.Auth.Type == "" {
		d.Auth.Type = AuthNone
	}
	if d.Auth.Type == AuthAPIKey && d.Auth.In == "" {
		d.Auth.In = InHeader
	}
	d.Query = nonNil(d.Query)
	d.Headers = nonNil(d.Headers)
	if d.Mappings == nil {
		d.Mappings = []Mapping{}
	}
	return d
}

func nonNil(rows []KV) []KV {
	if rows == nil {
		return []KV{}
	}
	return rows
}

// EffectiveBodyType resolves an omitted body type: json when there is a
// body, none otherwise.
func (d Definition) EffectiveBodyType() string {
	if d.BodyType != "" {
		return d.BodyType
	}
	if len(d.Parts) > 0 {
		return BodyMultipart
	}
	if strings.TrimSpace(d.Body) == "" {
		return BodyNone
	}
	return BodyJSON
}

// Validate checks a definition before it is saved or run and returns the
// first problem as a *FieldError. It checks form only: whether mapped
// attributes exist is for the caller, which knows them.
func (d Definition) Validate() error {
	d = d.Normalized()
	switch {
	case d.Name == "":
		return fieldErr("name", "Give the API a name.")
	case len(d.Name) > MaxNameLength:
		return fieldErr("name", "The name is longer than %d characters.", MaxNameLength)
	case !validMethod(d.Method):
		return fieldErr("method", "%q is not a supported method (use GET, POST, PUT, PATCH or DELETE).", d.Method)
	}
	if err := validateURL(d.URL); err != nil {
		return err
	}
	if d.TimeoutMs < 0 || d.TimeoutMs > MaxTimeoutMs {
		return fieldErr("timeoutMs", "The timeout must be between 1 and %d seconds.", MaxTimeoutMs/1000)
	}
	switch d.BodyType {
	case BodyJSON, BodyForm, BodyMultipart, BodyText, BodyNone:
	default:
		return fieldErr("bodyType", "%q is not a body type (use json, form, multipart, text or none).", d.BodyType)
	}
	if err := validateParts(d); err != nil {
		return err
	}
	if d.Retry.MaxTries < 0 || d.Retry.MaxTries > MaxTries {
		return fieldErr("retry.maxTries", "An API is tried at most %d times.", MaxTries)
	}
	if err := validateRows("query", d.Query); err != nil {
		return err
	}
	if err := validateRows("headers", d.Headers); err != nil {
		return err
	}
	if err := validateAuth(d.Auth); err != nil {
		return err
	}
	for i, m := range d.Mappings {
		if strings.TrimSpace(m.Path) == "" {
			return fieldErr(fmt.Sprintf("mappings.%d.path", i), "Mapping %d needs a response path.", i+1)
		}
		if strings.TrimSpace(m.Attribute) == "" {
			return fieldErr(fmt.Sprintf("mappings.%d.attribute", i), "Mapping %d (%s) needs an attribute.", i+1, m.Path)
		}
	}
	return nil
}

func validMethod(m string) bool {
	for _, k := range Methods {
		if k == m {
			return true
		}
	}
	return false
}

func validateURL(raw string) error {
	if raw == "" {
		return fieldErr("url", "Enter the URL of the API.")
	}
	// Placeholders may stand for any part, so check the URL with each one
	// replaced by a harmless stand-in.
	probe := placeholderRE.ReplaceAllString(raw, "x")
	u, err := url.Parse(probe)
	if err != nil {
		return fieldErr("url", "The URL is not valid: %v.", unwrapURLError(err))
	}
	if !strings.HasPrefix(raw, "{{") && u.Scheme != "http" && u.Scheme != "https" {
		return fieldErr("url", "The URL must start with http:// or https://.")
	}
	if !strings.HasPrefix(raw, "{{") && u.Host == "" {
		return fieldErr("url", "The URL needs a host name, like https://shop.example/api.")
	}
	return nil
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

func validateRows(field string, rows []KV) error {
	for i, r := range rows {
		if strings.TrimSpace(r.Key) == "" && r.Value != "" && !r.Disabled {
			return fieldErr(fmt.Sprintf("%s.%d.key", field, i), "Row %d of %s has a value but no name.", i+1, field)
		}
		if field == "headers" && strings.ContainsAny(r.Key, " :\r\n\t") {
			return fieldErr(fmt.Sprintf("%s.%d.key", field, i), "%q is not a valid header name.", r.Key)
		}
	}
	return nil
}

func validateParts(d Definition) error {
	if d.BodyType != BodyMultipart {
		return nil
	}
	for i, p := range d.Parts {
		switch {
		case p.Disabled:
		case strings.TrimSpace(p.Key) == "":
			return fieldErr(fmt.Sprintf("parts.%d.key", i), "Field %d of the body needs a name.", i+1)
		case strings.ContainsAny(p.Key, "\"\r\n"):
			return fieldErr(fmt.Sprintf("parts.%d.key", i), "%q is not a valid field name.", p.Key)
		case p.File && strings.TrimSpace(p.Value) == "":
			return fieldErr(fmt.Sprintf("parts.%d.value", i), "Field %s sends a file: give its path, such as {{message.media.path}}.", p.Key)
		}
	}
	return nil
}

func validateAuth(a Auth) error {
	switch a.Type {
	case AuthNone:
	case AuthAPIKey:
		if a.In != InHeader && a.In != InQuery {
			return fieldErr("auth.in", "An API key goes in a header or in the query.")
		}
		if strings.TrimSpace(a.Name) == "" {
			return fieldErr("auth.name", "Enter the name of the API key header or parameter.")
		}
		if a.Value == "" {
			return fieldErr("auth.value", "Enter the API key.")
		}
	case AuthBearer:
		if a.Token == "" {
			return fieldErr("auth.token", "Enter the bearer token.")
		}
	case AuthBasic:
		if a.Username == "" {
			return fieldErr("auth.username", "Enter the user name for basic authentication.")
		}
	default:
		return fieldErr("auth.type", "%q is not an authentication type (use none, apiKey, bearer or basic).", a.Type)
	}
	return nil
}
