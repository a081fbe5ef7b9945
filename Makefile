# Convenience targets; .ci/run is what CI runs.
.PHONY: build test lint ci bench

build:
	go build -o bin/gog ./cmd/gog

test:
	go test ./...

lint:
	test -z "$$(gofmt -l $$(git ls-files '*.go'))"
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

ci:
	./.ci/run

bench:
	go test -run '^$$' -bench . -benchtime 20x ./bench/...
