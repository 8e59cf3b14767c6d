//go:build desktopsmoke

package desktoptest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chatflow/backend/store"
)

// startXvfb starts a private X server and returns its display name; -displayfd
// lets Xvfb pick a free display number, so parallel runs never collide.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1440x900x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb (is the xvfb package installed?): %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb did not report its display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

func TestDesktopSmoke(t *testing.T) {
	bin := os.Getenv("CHATFLOW_BIN")
	if bin == "" {
		t.Fatal("CHATFLOW_BIN must name the built desktop binary (make test-desktop sets it)")
	}
	display := startXvfb(t)
	dir := t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// The window opens on the Order status flow of the starter template (a
	// bundle file), so the screenshot shows the editor as a new owner first
	// sees a flow: readable, the canvas taking the window.
	dbPath := filepath.Join(dir, "chatflow.db")
	if out, err := exec.CommandContext(ctx, bin, "import", "--db", dbPath, "../../backend/studio/templates/order-status.json").CombinedOutput(); err != nil {
		t.Fatalf("import the starter template: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, bin, "--db", dbPath, "--webhook-addr", "127.0.0.1:0", "--open-flow", "Order status")
	cmd.Env = append(os.Environ(),
		"DISPLAY="+display,
		// Xvfb has no GPU: keep WebKit on its software paths.
		"WEBKIT_DISABLE_COMPOSITING_MODE=1",
		"WEBKIT_DISABLE_DMABUF_RENDERER=1",
		"LIBGL_ALWAYS_SOFTWARE=1",
		"NO_AT_BRIDGE=1",
	)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = os.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	ready := make(chan struct{})
	var log strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), `msg="frontend ready"`) && strings.Contains(sc.Text(), "mode=desktop") &&
				strings.Contains(sc.Text(), "route=#/flows/") {
				close(ready)
			}
		}
	}()

	select {
	case <-ready:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the window's frontend never called System.FrontendReady on the flow's page; log:\n%s", log.String())
	}

	// Give the page a moment to load the flow and fit it, then keep a
	// screenshot for people.
	time.Sleep(3 * time.Second)
	out := filepath.Join("..", "..", "frontend", "test-results")
	os.MkdirAll(out, 0o755)
	shot := filepath.Join(out, "desktop.png")
	if err := exec.Command("import", "-display", display, "-window", "root", shot).Run(); err != nil {
		t.Logf("screenshot not taken (imagemagick missing?): %v", err)
	} else {
		t.Logf("screenshot: %s", shot)
	}

	// A clean shutdown on SIGTERM: the window quits and the process exits 0.
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the app did not exit cleanly on SIGTERM: %v\n%s", err, log.String())
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the app did not exit within 15 s of SIGTERM")
	}
	// The window's size was remembered for the next start.
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if w, _ := db.IntSetting(context.Background(), "window.width", 0); w <= 0 {
		t.Errorf("window width not remembered (got %d)", w)
	}
	fmt.Println("desktop smoke: window opened on the flow, frontend called Go, size remembered, clean exit")
}
