//go:build linux

package cli

import (
	"bufio"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Why serve releases pages it does not use: the desktop build links
// WebKitGTK, GTK and their dependencies (speech synthesis voices included),
// and the dynamic loader reads and relocates all of them when the process
// starts, in every mode. `chatflow serve` never calls them, yet the pages
// the loader touched count in its RSS (about 33 MB of the 66 MB an idle
// serve showed, docs/performance.md). The same goes for most of the
// program's own code and read-only data: the kernel maps the file in large
// blocks, so an idle serve showed 17 MB of the 19 MB executable resident,
// most of it desktop-window code. Once serve is up it asks the kernel to
// reclaim those pages (MADV_PAGEOUT). They are clean, read-only copies of
// files, so nothing is lost: a page that is still needed is read back on
// first use, and what serve then holds is its working set. Writable
// mappings (relocated data, the Go heap) are left alone, and so are the C
// library and the loader, which the Go runtime calls all the time.

// keptLibraries are the libraries a serving process uses (through cgo's
// thread creation and name resolution), by file name prefix.
var keptLibraries = []string{"libc.so", "ld-linux", "libpthread", "libdl.so", "libm.so", "libresolv", "libnss_", "librt.so", "libgcc_s"}

// mapping is one line of /proc/self/maps that names a file.
type mapping struct {
	start, end uintptr
	path       string
}

// releaseUnusedPages asks the kernel to reclaim the resident pages of every
// read-only mapping of the executable and of every shared library but
// keptLibraries, and logs how much RSS that gave back. It is best effort:
// on a kernel without MADV_PAGEOUT (before 5.4) nothing changes.
func releaseUnusedPages(log *slog.Logger) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	self, _ := os.Executable()
	if resolved, err := filepath.EvalSymlinks(self); err == nil {
		self = resolved
	}
	before := residentBytes()
	released := 0
	for _, m := range releasableMappings(string(maps), self) {
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_PAGEOUT); errno != 0 {
			if errno == unix.EINVAL && released == 0 {
				return // the kernel does not know MADV_PAGEOUT
			}
			continue
		}
		released++
	}
	if released > 0 {
		log.Info("released pages serve does not use", slog.Int("mappings", released),
			slog.Int64("rss_before_kb", before/1024), slog.Int64("rss_after_kb", residentBytes()/1024))
	}
}

// releasableMappings picks from /proc/self/maps the read-only file mappings
// of the executable self and of the shared libraries serve does not use.
func releasableMappings(maps, self string) []mapping {
	var out []mapping
	sc := bufio.NewScanner(strings.NewReader(maps))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 || !strings.HasPrefix(f[5], "/") || strings.Contains(f[1], "w") {
			continue
		}
		name := filepath.Base(f[5])
		library := strings.Contains(name, ".so") && !kept(name)
		if !library && (self == "" || f[5] != self) {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := parseHex(lo)
		end, err2 := parseHex(hi)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		out = append(out, mapping{start: start, end: end, path: f[5]})
	}
	return out
}

func kept(name string) bool {
	for _, p := range keptLibraries {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func parseHex(s string) (uintptr, error) {
	v, err := strconv.ParseUint(s, 16, 64)
	return uintptr(v), err
}

// residentBytes is the process's RSS from /proc/self/statm (0 if unknown).
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}
