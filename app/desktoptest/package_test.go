//go:build packaging

package desktoptest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackages checks what `make package` produced: a Windows executable and
// installer that are real PE files, and a .deb that unpacks into a scratch
// root with a binary that runs there.
func TestPackages(t *testing.T) {
	dist := filepath.Join("..", "..", "dist")
	for _, name := range []string{"chatflow-windows-amd64.exe", "chatflow-windows-amd64-installer.exe"} {
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(b) < 1<<20 || !bytes.HasPrefix(b, []byte("MZ")) {
			t.Errorf("%s is not a Windows executable (%d bytes)", name, len(b))
		}
	}

	debs, _ := filepath.Glob(filepath.Join(dist, "chatflow_*_amd64.deb"))
	if len(debs) == 0 {
		t.Fatal("no .deb in dist/")
	}
	root := t.TempDir()
	if out, err := exec.Command("dpkg-deb", "-x", debs[len(debs)-1], root).CombinedOutput(); err != nil {
		t.Fatalf("dpkg-deb -x: %v\n%s", err, out)
	}
	for _, f := range []string{"usr/share/applications/chatflow.desktop", "usr/share/icons/hicolor/256x256/apps/chatflow.png"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("the package lacks %s", f)
		}
	}
	out, err := exec.Command(filepath.Join(root, "usr", "bin", "chatflow"), "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "chatflow ") {
		t.Fatalf("the unpacked binary does not run: %v\n%s", err, out)
	}
	info, _ := exec.Command("dpkg-deb", "-f", debs[len(debs)-1], "Depends").Output()
	if !strings.Contains(string(info), "libwebkit2gtk-4.1-0") {
		t.Errorf("Depends = %q, want the WebKitGTK runtime", info)
	}
	t.Logf("unpacked binary says: %s", strings.TrimSpace(string(out)))
}
