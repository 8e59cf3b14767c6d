package engine

import (
	"fmt"
	"strings"

	"chatflow/backend/attribute"
)

// ValidationEnv is the flow.Env the editor and the bundle import validate
// with: the attributes and APIs that exist, and expressions compiled by the
// same code (and the same typed environment) that runs them.
type ValidationEnv struct {
	types map[string]attribute.Type
	apis  map[string]bool
	env   *exprEnv
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

// AttributeExists reports whether name is a built-in or custom attribute.
func (v *ValidationEnv) AttributeExists(name string) bool {
	_, ok := v.types[name]
	return ok
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
