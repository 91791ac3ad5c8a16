"""The CLI's one error boundary: whatever fails, the user sees one line and status 2.

Typer's parameter errors, our KapErrors, file-system errors and anything unexpected all
end here. A message never repeats a value from the command line or an input file
(either may hold PHI); it names the option, file and line instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import traceback

import typer
from pydantic import ValidationError
from typer._click import exceptions as typer_click  # typer vendors its own click

from assistant.cli.common import EXIT_USAGE, report
from assistant.errors import KapError

log = logging.getLogger(__name__)

EXIT_INTERRUPTED = 130
_OPTION_NAME = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DELIMITED = re.compile(r"""(['"(])([^'"()]*)(['")])""")


def run(app: typer.Typer, args: list[str]) -> int:
    """Run ``app`` on ``args`` and return the exit status; failures are reported here."""
    try:
        if any(_SURROGATE.search(arg) for arg in args):
            raise KapError("the command line is not valid UTF-8 text; retype the arguments")
        code = app(args=args, prog_name="kap", standalone_mode=False)
    except typer_click.NoArgsIsHelpError as exc:
        exc.show()  # `kap` or `kap kb` alone: the help is the answer
        return EXIT_USAGE
    except (KeyboardInterrupt, typer.Abort, EOFError):
        report("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`kap ... | head`): nothing more to print
        report("the output was closed before kap finished")
        return EXIT_USAGE
    except Exception as exc:  # the boundary: every failure becomes one line
        report(describe(exc, args))
        return EXIT_USAGE
    return code if isinstance(code, int) else 0


def describe(exc: Exception, args: list[str]) -> str:
    """One line naming the problem, with no value taken from the input."""
    if isinstance(exc, KapError):
        return str(exc)
    if isinstance(exc, typer_click.UsageError):
        return _usage(exc, args)
    if isinstance(exc, typer_click.ClickException):
        return _without_values(exc.format_message(), args)
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror.lower()}; check the path and its permissions"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to process; simplify it"
    if isinstance(exc, MemoryError):
        return "not enough memory for this input; split it into smaller files"
    if isinstance(exc, UnicodeError):
        return "the input is not valid UTF-8 text; save it as UTF-8"
    frames = traceback.extract_tb(exc.__traceback__)
    # Type and place only: the message and the locals may hold PHI.
    log.debug("unexpected %s at %s", type(exc).__name__,
              f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "an unknown place")
    return (f"unexpected {type(exc).__name__}; please report it (KAP_LOG_LEVEL=DEBUG "
            "logs where it happened, without any input text)")


def _usage(exc: typer_click.UsageError, args: list[str]) -> str:
    cause = exc.__cause__
    param = getattr(exc, "param", None)
    if isinstance(cause, ValidationError) and param is not None:
        error = cause.errors()[0]
        reason = error["msg"].removeprefix("Value error, ")
        offending = str(error.get("input", ""))
        if offending:
            reason = reason.replace(repr(offending), "the value given").replace(offending, "the value given")
        message = f"invalid value for {param.get_error_hint()}: {reason}"
    else:
        message = _without_values(exc.format_message(), args)
    if exc.ctx is not None:
        message += f" (see `{exc.ctx.command_path} --help`)"
    return message


def _without_values(message: str, args: list[str]) -> str:
    """``message`` with each quoted or bracketed part that holds a command-line value
    replaced by an ellipsis (click quotes the values it repeats)."""
    values = [a for a in args if a.strip() and not _OPTION_NAME.fullmatch(a)]

    def redact(match: re.Match[str]) -> str:
        inside = match.group(2)
        if any(value in inside for value in values):
            return f"{match.group(1)}…{match.group(3)}"
        return match.group(0)

    return _DELIMITED.sub(redact, message)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):  # no file descriptor: nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
