"""The native half of the `corroborate` package (Rust, PyO3). Use the
functions of `corroborate` instead: these take and return JSON strings."""

__version__: str
REPORT_VERSION: int

class CorroborateError(ValueError):
    """An analysis or a file could not be done: the message is the CLI's."""

    #: ``"no_articles"``, ``"empty"``, ``"unreadable"``, ``"too_large"``,
    #: ``"usage"`` (a bad argument or option) or ``"other"``.
    kind: str

def analyze_json(articles: str, options: str) -> str: ...
def read_json(data: bytes, name: str) -> str: ...
