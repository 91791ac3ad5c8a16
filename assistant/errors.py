"""Errors a user can act on: each message says what went wrong and what to do."""


class KapError(Exception):
    """Base class; the CLI prints the message as one line and exits with status 2."""


class ConfigError(KapError):
    """A setting is missing or invalid."""


class CorpusError(KapError):
    """The knowledge base has invalid documents."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base; first: {problems[0]}")


class IndexMissingError(KapError):
    """No index has been built yet, or it was built with another model."""


class InputError(KapError):
    """User input (a question, a JSONL line, a file) is unusable."""


class ScrubberError(KapError):
    """PHI scrubbing failed; the request stops rather than leak (fail closed)."""


class StoreError(KapError):
    """The vector store could not be reached or used."""
