"""The default limits of one file's extraction in a bulk load (``vanban.extractors.bounded``
enforces them); a module of its own so that the CLI can show them without importing the
worker pool."""

DEFAULT_TIMEOUT_S = 120.0  # seconds one file may take to extract
DEFAULT_MEMORY_MB = 2048  # megabytes of address space one extraction process may use
