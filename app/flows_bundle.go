package app

import (
	"errors"
	"strings"

	"chatflow/backend/bundle"
)

// ImportBundle imports a bundle file's text. Names that exist already are
// refused (with the item named) unless replace is set; nothing changes when
// anything is wrong.
func (s *Flows) ImportBundle(data string, replace bool) (bundle.Result, error) {
	b, err := bundle.Parse([]byte(data))
	if err != nil {
		return bundle.Result{}, bundleError(err)
	}
	res, err := bundle.Import(s.deps.Ctx, s.deps.DB, b, replace)
	if err != nil {
		s.deps.Log.Warn("flows: import bundle", "err", err)
		return bundle.Result{}, bundleError(err)
	}
	s.deps.Events.Emit(EventFlowsChanged, int64(0))
	s.deps.Events.Emit(EventAttributesChanged, nil)
	s.deps.Events.Emit(EventAPIsChanged, nil)
	return res, nil
}

// ExportBundle returns every attribute, API and flow as bundle JSON.
// Secrets are left out unless includeSecrets is set.
func (s *Flows) ExportBundle(includeSecrets bool) (string, error) {
	b, err := bundle.Export(s.deps.Ctx, s.deps.DB, includeSecrets)
	if err != nil {
		return "", s.fail("export", err)
	}
	out, err := bundle.Encode(b)
	if err != nil {
		return "", s.fail("export", err)
	}
	return string(out), nil
}

// bundleError drops the package prefix of a bundle error, which is already a
// sentence naming the item, and starts it with a capital letter.
func bundleError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "bundle: ")
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, ")") {
		msg += "."
	}
	return errors.New(msg)
}
