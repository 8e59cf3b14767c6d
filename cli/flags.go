package cli

import (
	"flag"

	"chatflow/backend/studio/config"
)

// addWhatsAppFlags adds the override flags (config.Overrides) to fl and
// returns a function that, after parsing, lays the given ones over
// env.Getenv: flag, then environment, then the value saved on the Settings
// page.
func addWhatsAppFlags(fl *flag.FlagSet) func(env *Env) {
	values := make([]*string, len(config.Overrides))
	for i, o := range config.Overrides {
		values[i] = fl.String(o.Flag, "", o.Usage)
	}
	return func(env *Env) {
		set := map[string]string{}
		for i, o := range config.Overrides {
			set[o.Env] = *values[i]
		}
		env.Getenv = config.Overlay(env.Getenv, set)
	}
}
