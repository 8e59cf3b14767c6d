package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultPath is where the database lives when neither --db nor CHATFLOW_DB
// says otherwise: <user config dir>/chatflow/chatflow.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("CHATFLOW_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: find the user config folder (set --db or CHATFLOW_DB): %w", err)
	}
	return filepath.Join(dir, "chatflow", "chatflow.db"), nil
}
