# One entry point per job; every target first makes sure .venv is complete
# (tools/setup_env.sh is idempotent and quick once the stack is installed).
PY := .venv/bin/python

.PHONY: setup test lint demo clean

setup:
	bash tools/setup_env.sh

# two workers for CI's two cores: much of a test's time is one core
# importing the stack or waiting on a subprocess
test: setup
	$(PY) -m pytest -q -n 2

lint: setup
	$(PY) -m flake8 deepmot mmdeepmot projects tools tests configs benchmarks
	$(PY) -m isort --check-only --diff deepmot mmdeepmot projects tools tests configs benchmarks

demo: setup
	bash tools/demo.sh

clean:
	rm -rf work_dirs .pytest_cache
