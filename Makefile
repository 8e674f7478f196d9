# The two commands: `make run` opens the app on the demo portfolio; `make test` runs every check.
# Each installs what is missing first (scripts/setup.sh).

.PHONY: run test setup build ui bindings fixtures lint check-rust check-ui test-rust test-ui e2e package package-test

run: build
	./scripts/run.sh

test: setup ui lint test-rust test-ui build e2e package-test

setup:
	./scripts/setup.sh

# The UI is built first: the desktop binary embeds it.
ui: setup
	npm run --silent ui:build

build: ui
	cargo build --workspace --exclude rapport-empty-window

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude rapport-empty-window --all-targets -- -D warnings
	npm run --silent ui:check
	npm run --silent ui:lint

# Includes the check that ui/src/bindings.ts matches the Rust types.
test-rust: ui
	cargo test --workspace --exclude rapport-empty-window

test-ui: setup
	npm run --silent ui:test

e2e: build
	npm run --silent e2e

# Release packages (.deb and .rpm, in target/release/bundle/), built with no network: the CLI,
# which both packages carry as /usr/bin/rapport, and the app in one build (built apart, the CLI's
# dependencies were compiled twice, with different features: 4 minutes more), then bundled by Tauri.
package: ui
	cargo build --release --locked --bins -p rapport -p rapport-desktop
	npx tauri build --ci --bundles deb,rpm

# Installs the .deb on this machine, uses it as a user would, removes it, and checks the user's
# data is still there (scripts/package-test.sh).
package-test: package
	./scripts/package-test.sh

# Regenerates the TypeScript bindings after a change to a Rust type or command.
# Freezes a database of every schema version that has none yet, for the migration tests.
fixtures:
	RAPPORT_WRITE_FIXTURES=1 cargo test -p rapport --quiet --test migrations write_missing_fixtures

bindings: ui
	UPDATE_BINDINGS=1 cargo test -p rapport-desktop --quiet ui_bindings
