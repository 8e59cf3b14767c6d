package engine

import (
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// ValidationEnv is the flow.Env the editor and the bundle import validate
// with: the attributes and APIs that exist, and expressions compiled by the
// same code (and the same typed environment) that runs them.
type ValidationEnv struct {
	types map[string]attribute.Type
	apis  map[string]bool
	env   *exprEnv
	// apiWarnings holds apicall.Lint's sentences per lower-cased API name
	// (nil until WithAPIs).
	apiWarnings map[string][]string
	// mediaExists answers flow.MediaChecker (nil until WithMediaFiles).
	mediaExists func(key string) bool
}

// WithMediaFiles makes the environment check that a message node's attached
// file is stored (flow.MediaChecker), asking exists for each key.
func (v *ValidationEnv) WithMediaFiles(exists func(key string) bool) *ValidationEnv {
	v.mediaExists = exists
	return v
}

// MediaFileExists reports whether an attached file is stored (always true
// unless WithMediaFiles was given a way to look).
func (v *ValidationEnv) MediaFileExists(key string) bool {
	return v.mediaExists == nil || v.mediaExists(key)
}

// NewValidationEnv builds an environment from the custom attribute
// definitions (built-ins are added) and the names of the saved APIs.
func NewValidationEnv(defs []attribute.Definition, apiNames []string) *ValidationEnv {
	v := &ValidationEnv{types: attribute.TypeMap(defs), apis: map[string]bool{}, env: newExprEnv(defs)}
	for _, n := range apiNames {
		v.apis[strings.ToLower(n)] = true
	}
	return v
}

// WithAPIs makes the environment check the definitions of the APIs the
// flow calls too (flow.APIChecker): their apicall.Lint warnings show on the
// API nodes that call them.
func (v *ValidationEnv) WithAPIs(defs []apicall.Definition) *ValidationEnv {
	v.apiWarnings = make(map[string][]string, len(defs))
	for _, d := range defs {
		for _, w := range apicall.Lint(d, v.AttributeExists) {
			v.apiWarnings[strings.ToLower(d.Name)] = append(v.apiWarnings[strings.ToLower(d.Name)], w.Message)
		}
	}
	return v
}

// APIWarnings returns the warnings of the API called name (none unless
// WithAPIs was given its definition).
func (v *ValidationEnv) APIWarnings(name string) []string {
	return v.apiWarnings[strings.ToLower(name)]
}

// AttributeExists reports whether name is a built-in or custom attribute.
func (v *ValidationEnv) AttributeExists(name string) bool {
	_, ok := v.types[name]
	return ok
}

// AttributeType returns the type of an attribute (built-ins included), or
// "" when there is none; flow validation checks rowsFrom names a list.
func (v *ValidationEnv) AttributeType(name string) string {
	return string(v.types[name])
}

// APIExists reports whether a saved API is called name. API names are
// unique regardless of case, and looked up that way, so the check is too.
func (v *ValidationEnv) APIExists(name string) bool {
	return v.apis[strings.ToLower(name)]
}

// CheckExpression compiles src as a value expression (setAttribute).
func (v *ValidationEnv) CheckExpression(src string) error {
	return checkCompile(v.env, src, false)
}

// CheckCondition compiles src as a condition, which must give true or false.
func (v *ValidationEnv) CheckCondition(src string) error {
	return checkCompile(v.env, src, true)
}

// checkCompile compiles src, turning a panic inside the compiler (which
// would be a bug there) into an error so that odd input cannot crash a save.
func checkCompile(env *exprEnv, src string, asBool bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the expression could not be read")
		}
	}()
	_, err = env.compile(src, asBool)
	return err
}
