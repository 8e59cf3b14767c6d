//go:build windows

package app

import "os/exec"

// openFolder opens dir in File Explorer.
func openFolder(dir string) error {
	cmd := exec.Command("explorer", dir)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap the opener; its exit status says nothing useful
	return nil
}
