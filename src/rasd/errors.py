"""One exception tree with stable codes; the CLI prints ``rasd: error: code: message`` on one
line (see :func:`rasd.cli.error_line`) and exits with :attr:`RasdError.exit_status`; the API
answers with the code in its JSON error."""

from __future__ import annotations


class RasdError(Exception):
    """Base of every error rasd raises on purpose."""

    code = "rasd_error"
    exit_status = 1  #: the command line's exit status for this error

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


class UsageError(RasdError):
    """A command-line option or argument that cannot be used as given (exit status 2, as for
    click's own usage errors)."""

    code = "bad_usage"
    exit_status = 2


class OutputError(RasdError):
    """A file or stream rasd was asked to write cannot be written."""

    code = "bad_output"


class EvalError(RasdError):
    """A gold file or article file for evaluation is unusable."""

    code = "bad_eval_input"
