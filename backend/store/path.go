package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultPath is where the database lives when neither --db nor CHATFLOW_DB
// says otherwise: <user config dir>/chatflow/chatflow.db. (The command line
// reads both; CHATFLOW_DB is config.EnvDB, owned by backend/studio/config
// like every other environment variable.)
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: find the user config folder (set --db or CHATFLOW_DB): %w", err)
	}
	return filepath.Join(dir, "chatflow", "chatflow.db"), nil
}
