//go:build darwin

package app

import "os/exec"

// openFolder opens dir in the Finder.
func openFolder(dir string) error {
	cmd := exec.Command("open", dir)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap the opener; its exit status says nothing useful
	return nil
}
