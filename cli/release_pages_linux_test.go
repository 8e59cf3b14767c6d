//go:build linux

package cli

import (
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestReleasableMappingsAreReadOnlyFilesServeDoesNotNeed(t *testing.T) {
	maps := `00400000-00b79000 r-xp 00002000 fe:00 1 /usr/bin/chatflow
00b79000-00c00000 rw-p 00779000 fe:00 1 /usr/bin/chatflow
00c00000-00d00000 r--p 00000000 fe:00 9 /usr/bin/other-program
7f00000a0000-7f00000b0000 r--p 00000000 fe:00 2 /usr/lib/x86_64-linux-gnu/libwebkit2gtk-4.1.so.0.19.9
7f00000b0000-7f00000c0000 r-xp 00010000 fe:00 2 /usr/lib/x86_64-linux-gnu/libwebkit2gtk-4.1.so.0.19.9
7f00000c0000-7f00000d0000 rw-p 00000000 00:00 0
7f00000c8000-7f00000c9000 rw-p 00020000 fe:00 2 /usr/lib/x86_64-linux-gnu/libwebkit2gtk-4.1.so.0.19.9
7f00000d0000-7f00000e0000 r-xp 00000000 fe:00 3 /usr/lib/x86_64-linux-gnu/libc.so.6
7f00000e0000-7f00000f0000 r-xp 00000000 fe:00 4 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f00000f0000-7f0000100000 r-xp 00000000 fe:00 5 /usr/lib/x86_64-linux-gnu/libnss_files.so.2
7f0000100000-7f0000110000 r--p 00000000 fe:00 6 /usr/lib/x86_64-linux-gnu/libflite_cmu_us_slt.so.2.2
7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]
`
	var got []string
	for _, m := range releasableMappings(maps, "/usr/bin/chatflow") {
		got = append(got, filepath.Base(m.path)+" "+strconv.FormatUint(uint64(m.end-m.start), 16))
	}
	want := "chatflow 779000,libwebkit2gtk-4.1.so.0.19.9 10000,libwebkit2gtk-4.1.so.0.19.9 10000,libflite_cmu_us_slt.so.2.2 10000"
	if strings.Join(got, ",") != want {
		t.Fatalf("picked %v\nwant   %s", got, want)
	}
}

// A library the process has read is resident; after the release its pages
// are not, and reading it again still gives its contents.
func TestReleaseUnusedLibraryPagesLowersRSS(t *testing.T) {
	const size = 8 << 20
	path := filepath.Join(t.TempDir(), "libchatflow-test.so.1")
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(i / 4096)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Installed libraries are clean in the page cache; a file just written
	// is not until it is on disk, and dirty pages are not reclaimed.
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	mem, err := unix.Mmap(int(f.Fd()), 0, size, unix.PROT_READ, unix.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(mem)
	sum := 0
	for i := 0; i < size; i += 4096 {
		sum += int(mem[i])
	}
	if rss := mappingRSS(t, path); rss < size/2 {
		t.Fatalf("the test library is only %d KiB resident after reading it", rss/1024)
	}

	releaseUnusedPages(slog.New(slog.DiscardHandler))

	// Pages faulted in a moment ago may still sit in another CPU's batch on
	// their way to the LRU lists, where the kernel cannot take them yet; a
	// library loaded at exec has long left those. Most must go.
	if rss := mappingRSS(t, path); rss > size/2 {
		t.Fatalf("still %d KiB of the %d KiB test library resident after the release", rss/1024, size/1024)
	}
	again := 0
	for i := 0; i < size; i += 4096 {
		again += int(mem[i])
	}
	if again != sum {
		t.Fatal("the library's contents changed after its pages were released")
	}
}

// mappingRSS sums the Rss of path's mappings in /proc/self/smaps, in bytes.
func mappingRSS(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	total, in := 0, false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-"):
			// A mapping's header line; anonymous mappings have no path.
			in = len(f) >= 6 && f[5] == path
		case in && len(f) == 3 && f[0] == "Rss:":
			kb, _ := strconv.Atoi(f[1])
			total += kb * 1024
		}
	}
	return total
}
