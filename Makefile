# SkillMatch: the README's two commands.
#   make demo   install what is missing, build, and walk through a career advisor's session
#   make test   install what is missing, build, and run the whole test suite
SWIFT ?= swift
DEBIAN_PACKAGES = libblas-dev libopenblas0-pthread libsqlite3-dev pkg-config

.PHONY: demo test build deps clean

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

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
