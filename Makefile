# Chatflow Studio. `make run` opens the app, `make test` runs every test.
# Both install what they need on a Debian machine first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

WAILS_VERSION := v2.12.0
WAILS := go run github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
LDFLAGS := -s -w -X chatflow/app.version=$(VERSION) -X chatflow/app.commit=$(COMMIT)

# The desktop build: Wails' production mode, WebKitGTK 4.1 (Debian 12+), and
# the real UI embedded (without embedui a placeholder page is embedded).
DESKTOP_TAGS := desktop,production,webkit2_41,embedui

BIN := bin/chatflow
# Everything the binary embeds besides the UI counts as a source too (the
# //go:embed files: migrations and the starter flow templates).
GO_SOURCES := $(shell find . -name '*.go' -not -path './frontend/node_modules/*') go.mod go.sum \
	$(shell find backend/store/migrations -name '*.sql') $(wildcard backend/studio/templates/*.json)
FRONTEND_SOURCES := $(shell find frontend/src frontend/wailsjs frontend/index.html frontend/public -type f 2>/dev/null) \
	$(wildcard frontend/*.json frontend/*.ts frontend/*.js)

DEBIAN_PACKAGES := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
TEST_PACKAGES := xvfb xauth chromium imagemagick

CACHE := .cache

.PHONY: run serve build test bench package deps deps-test bindings frontend \
	test-go test-frontend test-e2e test-desktop test-package vet clean fuzz \
	check-bindings check-clean

## run: install what is missing, build, and open the desktop window
run: build
	./$(BIN)

## serve: run headless with the UI in a browser (prints the address to open)
serve: build
	./$(BIN) serve

## build: the desktop binary with the UI embedded, at bin/chatflow
build: $(BIN)

$(BIN): $(CACHE)/deps-debian frontend/dist/index.html $(GO_SOURCES)
	CGO_ENABLED=1 go build -tags $(DESKTOP_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

## deps: Debian packages for the desktop build, then the npm packages
deps: $(CACHE)/deps-debian frontend/node_modules/.package-lock.json

$(CACHE)/deps-debian:
	@mkdir -p $(CACHE)
	./build/scripts/apt-install.sh $(DEBIAN_PACKAGES)
	@touch $@

$(CACHE)/deps-test: $(CACHE)/deps-debian
	./build/scripts/apt-install.sh $(TEST_PACKAGES)
	@touch $@

# The go.mod dropped into node_modules makes it a module of its own, so npm
# packages that ship Go files (flatted does) stay out of `go vet ./...`.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	printf 'module chatflow.invalid/node_modules\n' > frontend/node_modules/go.mod
	@touch $@

## frontend: build the UI into frontend/dist
frontend: frontend/dist/index.html

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

## bindings: regenerate frontend/wailsjs after changing a bound service
# `wails generate module` chmods all of frontend/wailsjs 0755, while `wails
# build` (make package) extracts the runtime files again with 0644, so a
# committed mode flipped with every build. None of them is a program: they are
# kept 0644, whichever command wrote them last.
bindings:
	$(WAILS) generate module
	find frontend/wailsjs -type f -exec chmod 644 {} +

## check-bindings: fails when frontend/wailsjs is not what the bound
## services generate (regenerates them; commit the result)
check-bindings: bindings
	@test -z "$$(git status --porcelain -- frontend/wailsjs)" || { \
		echo "frontend/wailsjs is stale: commit what make bindings wrote:"; git status --porcelain -- frontend/wailsjs; exit 1; }

## check-clean: fails when make test left the tree dirty (a file it wrote
## that is neither committed nor gitignored, go.mod changed by a tidy) or
## when the binary was built from a dirty tree (its version says -dirty)
check-clean:
	@test -z "$$(git status --porcelain)" || { \
		echo "the tree is not clean after make test:"; git status --porcelain; exit 1; }
	@v="$$(./$(BIN) version)"; case "$$v" in *-dirty*) \
		echo "$(BIN) was built from a dirty tree:"; echo "$$v"; exit 1;; esac

## test: every test — Go (vet, race, the go generate outputs current, the
## dependency graph), frontend (types, lint, unit), the desktop build, browser
## tests in Chromium, a desktop smoke test in Xvfb, the packages; then the
## bindings current and the tree still clean
test: test-go fuzz test-frontend build test-e2e test-desktop test-package
	$(MAKE) check-bindings check-clean
	@echo "make test: all suites passed"

vet:
	@[ ! -d frontend/node_modules ] || [ -f frontend/node_modules/go.mod ] || printf 'module chatflow.invalid/node_modules\n' > frontend/node_modules/go.mod
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

test-go: vet
	go test -race -count=1 ./...

test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run typecheck && npm run lint && npm run test

test-e2e: $(CACHE)/deps-test build bin/fakengrok
	cd frontend && CHATFLOW_BIN=$(CURDIR)/$(BIN) FAKENGROK_BIN=$(CURDIR)/bin/fakengrok npm run e2e

# The loopback stand-in for ngrok's service that the tunnel's browser test
# points chatflow serve at (internal/fakengrok).
bin/fakengrok: $(GO_SOURCES)
	go build -o bin/fakengrok ./internal/fakengrok/cmd/fakengrok

test-desktop: $(CACHE)/deps-test build
	CHATFLOW_BIN=$(CURDIR)/$(BIN) go test -count=1 -tags desktopsmoke -run TestDesktopSmoke -v ./app/desktoptest/

## package: Windows amd64 app + NSIS installer and a Linux .deb, in dist/
package: $(CACHE)/deps-package build
	$(WAILS) build -platform windows/amd64 -nsis -s -m -skipbindings -tags embedui -trimpath -ldflags "$(LDFLAGS)"
	rm -rf dist && mkdir -p dist
	mv build/bin/chatflow.exe dist/chatflow-windows-amd64.exe
	mv "build/bin/Chatflow Studio-amd64-installer.exe" dist/chatflow-windows-amd64-installer.exe
	./build/linux/package-deb.sh $(VERSION)

$(CACHE)/deps-package: $(CACHE)/deps-debian
	./build/scripts/apt-install.sh nsis imagemagick dpkg-dev
	@touch $@

## test-package: the packages build, the .deb unpacks and its binary runs
test-package: package
	go test -count=1 -tags packaging -run TestPackages -v ./app/desktoptest/

## bench: Go benchmarks of the hot paths, the end-to-end load benchmark of
## chatflow serve against an in-memory baseline (one table with ratios and
## targets), and the editor on a 500-node flow in Chromium; docs/performance.md
bench: $(CACHE)/deps-test build
	CHATFLOW_BIN=$(CURDIR)/$(BIN) go test -run '^$$' -bench . -benchmem ./backend/...
	go run ./internal/loadbench/cmd/loadbench -bin $(BIN)
	cd frontend && CHATFLOW_BIN=$(CURDIR)/$(BIN) npx vitest run --config e2e/bench/vitest.config.ts

## fuzz: every fuzz test of the parsers of outside input, FUZZTIME each
## (seed corpora in testdata/fuzz also run as plain tests in test-go).
## Go's fuzz coordinator can fail a run with a bare "context deadline
## exceeded" when -fuzztime expires while a starved worker is mid-call
## (golang/go#51484, #75804): nothing was found and no input was written.
## Such a run is retried once; anything else (a written failing input, a
## panic, a t.Fatal) fails at once.
FUZZTIME ?= 5s
fuzz:
	@for pkg in $$(go list ./backend/...); do \
		for name in $$(go test -short -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			for try in 1 2; do \
				echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
				out=$$(go test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg 2>&1) && break; \
				if [ $$try = 1 ] && echo "$$out" | grep -q 'context deadline exceeded' \
					&& ! echo "$$out" | grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:'; then \
					echo "  (the fuzz coordinator's deadline race, nothing found: once more)"; continue; fi; \
				echo "$$out"; exit 1; \
			done; \
		done; \
	done

clean:
	rm -rf bin dist build/bin frontend/dist $(CACHE)
