package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"chatflow/backend/apperr"
)

// maxRPCBody bounds one RPC request; the largest legitimate argument is a
// bundle file as a JSON string: up to 64 MiB (bundle.MaxSize) with the
// files attached to its message nodes.
const maxRPCBody = 66 << 20

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// method is one bound Go method callable over RPC.
type method struct {
	fn      reflect.Value
	in      []reflect.Type
	hasOut  bool
	hasErr  bool
	service string
	name    string
}

// Registry maps "Service.Method" to bound methods, built by reflection from
// the same service values the Wails window binds, following Wails' rules:
// every exported method of each *Struct, named by the struct type.
type Registry struct {
	methods map[string]method
}

// NewRegistry reflects over services (pointers to structs).
func NewRegistry(services []any) (*Registry, error) {
	r := &Registry{methods: map[string]method{}}
	for _, s := range services {
		v := reflect.ValueOf(s)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("server: bound value %T is not a pointer to a struct", s)
		}
		svc := v.Elem().Type().Name()
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Type().Method(i)
			fn := v.Method(i)
			t := fn.Type()
			spec := method{fn: fn, service: svc, name: m.Name}
			for j := 0; j < t.NumIn(); j++ {
				spec.in = append(spec.in, t.In(j))
			}
			switch {
			case t.NumOut() == 0:
			case t.NumOut() == 1 && t.Out(0) == errorType:
				spec.hasErr = true
			case t.NumOut() == 1:
				spec.hasOut = true
			case t.NumOut() == 2 && t.Out(1) == errorType:
				spec.hasOut, spec.hasErr = true, true
			default:
				return nil, fmt.Errorf("server: %s.%s returns %d values; bound methods return (T, error), T, error or nothing", svc, m.Name, t.NumOut())
			}
			r.methods[svc+"."+m.Name] = spec
		}
	}
	return r, nil
}

// Names lists the services and their methods, for the browser bridge script.
func (r *Registry) Names() map[string][]string {
	out := map[string][]string{}
	for _, m := range r.methods {
		out[m.service] = append(out[m.service], m.name)
	}
	for _, names := range out {
		sort.Strings(names)
	}
	return out
}

// rpcError is the body of a failed call: Error is the one sentence to show
// (the contract every client reads), Code and Field come from the coded
// error (backend/apperr) so the UI can branch without reading the text.
type rpcError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Field string `json:"field,omitempty"`
}

// statusOf maps an error code to the HTTP status of its answer.
func statusOf(code string) int {
	switch code {
	case apperr.EINVALID:
		return http.StatusUnprocessableEntity
	case apperr.ENOTFOUND:
		return http.StatusNotFound
	case apperr.ECONFLICT:
		return http.StatusConflict
	case apperr.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case apperr.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// ServeHTTP answers POST /rpc/<Service>.<Method> with a JSON array of
// arguments: the JSON result, or {"error", "code", "field"} with 400 for
// bad arguments, 404 for an unknown method, 413 for a body over 16 MiB, and
// for an error the method returned the status of its code (422 EINVALID,
// 404 ENOTFOUND, 409 ECONFLICT, 401 EUNAUTHORIZED, 503 EUNAVAILABLE, 500
// EINTERNAL and uncoded errors).
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	name := strings.TrimPrefix(req.URL.Path, "/rpc/")
	m, ok := r.methods[name]
	if !ok {
		writeJSON(w, http.StatusNotFound, rpcError{Error: fmt.Sprintf("There is no method %q.", name), Code: apperr.ENOTFOUND})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, maxRPCBody))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, rpcError{Error: "The request is too large.", Code: apperr.EINVALID})
		return
	}
	args, err := decodeArgs(body, m.in)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, rpcError{Error: fmt.Sprintf("%s: %v.", name, err), Code: apperr.EINVALID})
		return
	}
	out, err := call(m, args)
	if err != nil {
		code := apperr.ErrorCode(err)
		writeJSON(w, statusOf(code), rpcError{Error: apperr.ErrorMessage(err), Code: code, Field: apperr.ErrorField(err)})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// call runs the method, turning a panic into an error so that one bad
// request can never take the process down.
func call(m method, args []reflect.Value) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("rpc: method panicked", slog.String("method", m.service+"."+m.name), slog.Any("panic", p))
			err = apperr.Errorf(apperr.EINTERNAL, "Internal error in %s.%s; the log has the details.", m.service, m.name)
		}
	}()
	out := m.fn.Call(args)
	if m.hasErr {
		if e, _ := out[len(out)-1].Interface().(error); e != nil {
			return nil, e
		}
	}
	if m.hasOut {
		return out[0].Interface(), nil
	}
	return nil, nil
}

func decodeArgs(body []byte, types []reflect.Type) ([]reflect.Value, error) {
	var raw []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, fmt.Errorf("arguments must be a JSON array: %v", err)
		}
	}
	if len(raw) > len(types) {
		return nil, fmt.Errorf("takes %d arguments, got %d", len(types), len(raw))
	}
	args := make([]reflect.Value, len(types))
	for i, t := range types {
		p := reflect.New(t)
		if i < len(raw) {
			if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
		}
		args[i] = p.Elem()
	}
	return args, nil
}
