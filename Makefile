# SkillMatch: the README's two commands.
#   make demo   install what is missing, build, and walk through a career advisor's session
#   make test   install what is missing, build, and run the whole test suite
#   make demo-model   retrain models/demo, the relatedness model shipped with the demo catalogue
SWIFT ?= swift
DEBIAN_PACKAGES = libblas-dev libopenblas0-pthread libsqlite3-dev pkg-config

.PHONY: demo demo-model test build deps clean

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

demo: build
	@scripts/advisor-demo.sh "$$($(SWIFT) build --show-bin-path)/skillmatch"

# Retrains the shipped demo relatedness model (models/demo) on datasets/demo; rebuild afterwards to embed it.
demo-model: build
	@bin="$$($(SWIFT) build --show-bin-path)/skillmatch"; tmp="$$(mktemp -d)"; \
	"$$bin" import demo --db "$$tmp/demo.sqlite" >/dev/null && \
	"$$bin" train --db "$$tmp/demo.sqlite" --dim 32 --seed 1 --out models/demo; status=$$?; rm -rf "$$tmp"; exit $$status

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
