"""stancer: rule-based stance labeling of news text, from Python.

One row per claim: who (holder) takes which stance (support, dispute, praise) toward
whom (target), with the cue and the rule that fired. The columns and their meanings are
those of ``stancer label``'s CSV; see the project README.

    >>> import stancer
    >>> labeler = stancer.Labeler()
    >>> [(c["holder"], c["label"], c["target"]) for c in labeler.label("Islamabad thanked Washington.")]
    [('PAK', 'praise', 'USA')]
"""

from ._stancer import CLAIM_COLUMNS, RulePackError, StancerWarning, eval
from ._stancer import Labeler as _NativeLabeler

__all__ = ["CLAIM_COLUMNS", "Labeler", "RulePackError", "StancerWarning", "claims_schema", "eval"]


def claims_schema():
    """The pyarrow schema of ``Labeler.label_batch``'s table: the CSV's columns, in order."""
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in CLAIM_COLUMNS])


class Labeler(_NativeLabeler):
    """A compiled rule pack: the built-in one, or the folder ``rules``.

    ``jobs`` sets the threads ``label_batch`` labels on (default: all cores). A rule
    pack with errors raises ``RulePackError`` whose message lists them as
    ``stancer rules check`` does (``file:line:col: ...``).
    """

    def label_pandas(self, df, id_col="id", text_col="text", date_col=None):
        """The claims of the documents in the DataFrame ``df``, as a DataFrame.

        The columns named by ``id_col``, ``text_col`` and ``date_col`` (optional) are
        read; rows whose text is missing or not a string give no claims and are counted
        in ``last_stats["skipped"]``.
        """
        dates = None if date_col is None else [_date_text(d) for d in df[date_col].tolist()]
        table = self.label_batch(df[id_col].tolist(), df[text_col].tolist(), dates)
        return table.to_pandas()


def _date_text(value):
    """A date cell as the labeler reads it: a timestamp as YYYY-MM-DD, a missing one as None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "date") and callable(value.date):
        try:
            return value.date().isoformat()
        except ValueError:  # NaT
            return None
    return value
