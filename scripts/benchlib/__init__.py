"""The benchmark behind ``scripts/bench.py``, in modules (bench.py parses the flags and runs them)."""
