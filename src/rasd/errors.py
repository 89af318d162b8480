"""One exception tree with stable codes; the CLI prints ``code: message`` on one line."""

from __future__ import annotations


class RasdError(Exception):
    """Base of every error rasd raises on purpose."""

    code = "rasd_error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(RasdError):
    """An input that cannot be read or is not an article (empty, binary, undecodable, too long)."""

    code = "bad_input"


class RecordError(InputError):
    """One record of a batch (a JSONL line) is malformed; the batch goes on."""

    code = "bad_record"


class DataError(RasdError):
    """A bundled data file (lexicon, gazetteer) is missing or malformed."""

    code = "bad_data"


class EvalError(RasdError):
    """A gold file or article file for evaluation is unusable."""

    code = "bad_eval_input"
