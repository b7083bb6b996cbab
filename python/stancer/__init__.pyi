"""Type stubs for stancer: rule-based stance labeling of news text."""

import datetime
import os
from typing import Any, Iterable, Literal, Optional, Union

import pandas
import pyarrow

__all__ = ["CLAIM_COLUMNS", "Labeler", "RulePackError", "StancerWarning", "claims_schema", "eval"]

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[str, datetime.date, None]

CLAIM_COLUMNS: list[tuple[str, Literal["string", "int64"]]]
"""The claims table's columns and their Arrow types, in the CSV's order:
doc_id, sentence_id, holder, label, target, holder_name, target_name, sentence, cue,
holder_text, target_text, via, rule, pattern, start, end, date."""

class RulePackError(ValueError):
    """A rule pack that cannot be used; the message lists each error as
    ``stancer rules check`` does (``file:line:col: ...``), one a line."""

class StancerWarning(UserWarning):
    """A row skipped or labeled with a problem (a bad date, a text that is no str),
    named as ``label_batch:ROW: ...`` (rows counted from 1)."""

def claims_schema() -> pyarrow.Schema:
    """The schema of ``Labeler.label_batch``'s table."""

def eval(
    gold_path: PathLike,
    rules: Optional[PathLike] = None,
    split: Optional[str] = None,
    errors: int = 0,
) -> dict[str, Any]:
    """Scores the rules on a gold file (JSON Lines: id, text, optional date, claims):
    the same report as ``stancer eval --gold FILE --format json`` (``errors`` items with
    errors listed, as ``--errors N``; ``split`` as ``--split NAME``)."""

class Labeler:
    """A compiled rule pack: the built-in one, or the folder ``rules``.

    ``jobs`` sets the threads ``label_batch`` labels on (default: all cores).
    Raises ``RulePackError`` for a rule pack with errors.
    """

    def __init__(self, rules: Optional[PathLike] = None, jobs: Optional[int] = None) -> None: ...
    def label(self, text: Optional[str], id: Optional[str] = None, date: DateLike = None) -> list[dict[str, Any]]:
        """The claims of one document, one dict per claim with the claims table's
        columns (``sentence_id``, ``start``, ``end`` as int; the rest as str; ``doc_id``
        is ``id``, empty when it is None).
        ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) makes people count for a state only while
        in office. A text that is None or no str gives no claims and counts as skipped
        in ``last_stats``."""

    def label_batch(
        self,
        ids: Union[Iterable[Any], pyarrow.Array, pyarrow.ChunkedArray],
        texts: Union[Iterable[Optional[str]], pyarrow.Array, pyarrow.ChunkedArray],
        dates: Union[Iterable[DateLike], pyarrow.Array, pyarrow.ChunkedArray, None] = None,
    ) -> pyarrow.Table:
        """The claims of many documents as one table with the CSV's columns and types
        (``claims_schema()``), in input order, labeled on all cores with the GIL
        released. ``ids``, ``texts`` and ``dates`` may be lists, pandas Series or pyarrow
        arrays. Bad rows (a None text, a value that is no str, a str that cannot be
        encoded as UTF-8) give no rows, a ``StancerWarning`` naming the row, and count
        in ``last_stats["skipped"]``; the batch goes on."""

    def label_pandas(
        self,
        df: pandas.DataFrame,
        id_col: str = "id",
        text_col: str = "text",
        date_col: Optional[str] = None,
    ) -> pandas.DataFrame:
        """``label_batch`` over the columns of a DataFrame, as a DataFrame."""

    def explain(self, text: str, date: Optional[str] = None) -> str:
        """What ``stancer explain TEXT`` prints: each sentence's mentions, scopes,
        claims and dropped cues with the rule rows behind them."""

    @property
    def last_stats(self) -> dict[str, int]:
        """What the last ``label``/``label_batch`` call read, as the command line counts
        it: ``documents``, ``claims``, ``skipped`` and ``warnings``."""
