//go:build !windows && !darwin

package app

import "os/exec"

// openFolder opens dir in the desktop's file manager through xdg-open.
func openFolder(dir string) error {
	cmd := exec.Command("xdg-open", dir)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap the opener; its exit status says nothing useful
	return nil
}
