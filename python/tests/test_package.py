"""The Python package against the command line: the same claims, cell for cell, and
bad input handled as the command line handles it."""

import json
import shutil
import subprocess
import warnings

import pyarrow as pa
import pytest

import stancer
from conftest import ROOT, fnc_bodies, json_rows, run_cli, write_jsonl

SEED = "seeds/india-pakistan-2025.txt"


def test_the_readme_line_prints_the_claim():
    claims = stancer.Labeler().label("Islamabad thanked Washington.")
    assert [(c["holder"], c["label"], c["target"], c["cue"]) for c in claims] == [("PAK", "praise", "USA", "thanked")]
    assert claims[0]["start"] == 0 and claims[0]["end"] == 29


def test_label_gives_the_cli_rows_on_the_sample_article(stancer_bin):
    done = run_cli(stancer_bin, "label", SEED, "--format", "jsonl")
    assert done.returncode == 0, done.stderr.decode()
    expected = json_rows(done)
    text = (ROOT / SEED).read_text(encoding="utf-8")
    labeler = stancer.Labeler()
    assert labeler.label(text, id=SEED) == expected
    assert len(expected) >= 5
    assert labeler.last_stats == {"documents": 1, "claims": len(expected), "skipped": 0, "warnings": 0}


def test_label_batch_gives_the_cli_rows_on_300_fnc1_bodies(stancer_bin, tmp_path):
    bodies = fnc_bodies(300)
    done = run_cli(stancer_bin, "label", write_jsonl(tmp_path / "b.jsonl", bodies), "--format", "jsonl")
    assert done.returncode == 0, done.stderr.decode()
    expected = json_rows(done)
    labeler = stancer.Labeler()
    table = labeler.label_batch([b[0] for b in bodies], [b[1] for b in bodies])
    assert table.schema == stancer.claims_schema()
    assert table.to_pylist() == expected
    assert len(expected) > 20
    assert labeler.last_stats == {"documents": 300, "claims": len(expected), "skipped": 0, "warnings": 0}


def test_the_table_has_the_csv_columns_and_types():
    table = stancer.Labeler().label_batch(["a"], ["Nothing here."])
    assert table.num_rows == 0
    assert table.column_names == [name for name, _ in stancer.CLAIM_COLUMNS]
    assert table.column_names[:5] == ["doc_id", "sentence_id", "holder", "label", "target"]
    for name in ("sentence_id", "start", "end"):
        assert table.schema.field(name).type == pa.int64()
    assert table.schema.field("date").type == pa.string()


def test_label_batch_is_the_same_on_one_thread_and_on_all():
    texts = ["Islamabad thanked Washington.", "India criticized Pakistan. Pakistan praised China."] * 200
    ids = [f"d{i}" for i in range(len(texts))]
    one = stancer.Labeler(jobs=1).label_batch(ids, texts)
    assert one.equals(stancer.Labeler().label_batch(ids, texts))
    assert one.column("doc_id").to_pylist()[:3] == ["d0", "d1", "d1"]


def test_dates_count_leaders_only_in_office_and_show_as_given():
    labeler = stancer.Labeler()
    table = labeler.label_batch(["a", "b"], ["Trump praised Modi."] * 2, ["2019-05-01", "2022"])
    assert table.column("holder").to_pylist() == ["USA"]
    assert table.column("date").to_pylist() == ["2019-05-01"]


def test_bad_rows_give_no_rows_a_warning_each_and_the_batch_goes_on():
    labeler = stancer.Labeler()
    texts = ["Islamabad thanked Washington.", None, 42, "bad \ud800 surrogate", "India criticized Pakistan."]
    dates = [None, None, None, None, "11 March 2016"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = labeler.label_batch(["a", "b", "c", "d", "e"], texts, dates)
    assert table.column("doc_id").to_pylist() == ["a", "e"]
    assert table.column("date").to_pylist() == ["", "11 March 2016"]
    assert labeler.last_stats == {"documents": 2, "claims": 2, "skipped": 3, "warnings": 1}
    messages = [str(w.message) for w in caught if issubclass(w.category, stancer.StancerWarning)]
    assert messages[0] == 'label_batch:2: id "b": the text is None'
    assert messages[1] == 'label_batch:3: id "c": the text is a int, not a str'
    assert messages[2].startswith('label_batch:4: id "d": the text cannot be encoded as UTF-8')
    assert messages[3].startswith('label_batch:5: invalid date "11 March 2016"')


def test_a_none_text_to_label_gives_no_claims_and_counts_as_skipped():
    labeler = stancer.Labeler()
    with pytest.warns(stancer.StancerWarning, match="the text is None"):
        assert labeler.label(None) == []
    assert labeler.last_stats == {"documents": 0, "claims": 0, "skipped": 1, "warnings": 0}


def test_columns_of_different_lengths_are_refused_before_labeling():
    with pytest.raises(ValueError, match="2 ids, 1 texts"):
        stancer.Labeler().label_batch(["a", "b"], ["text"])


def test_label_pandas_reads_the_named_columns():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "key": [7, 8, 9],
            "body": ["Trump praised Modi.", None, "Trump praised Modi."],
            "day": [pd.Timestamp("2019-05-01"), pd.NaT, "2022"],
        }
    )
    labeler = stancer.Labeler()
    with pytest.warns(stancer.StancerWarning):
        out = labeler.label_pandas(df, id_col="key", text_col="body", date_col="day")
    assert list(out.columns) == [name for name, _ in stancer.CLAIM_COLUMNS]
    assert out[["doc_id", "holder", "target", "date"]].values.tolist() == [["7", "USA", "IND", "2019-05-01"]]
    assert labeler.last_stats["skipped"] == 1


def test_a_broken_rule_pack_raises_what_rules_check_prints(stancer_bin, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with open(rules / "actors.csv", "a", encoding="utf-8") as f:
        f.write("Yankeeland,USAA,name,,\n")
    line = len((rules / "actors.csv").read_text(encoding="utf-8").splitlines())
    done = run_cli(stancer_bin, "rules", "check", rules)
    assert done.returncode == 2
    with pytest.raises(stancer.RulePackError) as raised:
        stancer.Labeler(rules=rules)
    assert str(raised.value) == done.stdout.decode().rstrip("\n")
    assert f"actors.csv:{line}:2: error: unknown party \"USAA\" (did you mean USA?)" in str(raised.value)


def test_a_rules_path_that_is_no_folder_is_refused(tmp_path):
    with pytest.raises(stancer.RulePackError, match="not a folder"):
        stancer.Labeler(rules=tmp_path / "missing")


def test_explain_is_what_the_cli_prints(stancer_bin):
    text = "Islamabad thanked Washington. India denied it."
    done = run_cli(stancer_bin, "explain", text)
    assert done.returncode == 0
    shown = stancer.Labeler().explain(text)
    assert shown == done.stdout.decode()
    assert 'CLAIM    (PAK, praise, USA)  cue "thanked"' in shown


def test_eval_gives_the_cli_json_report(stancer_bin):
    gold = ROOT / "datasets" / "dev.jsonl"
    done = subprocess.run([str(stancer_bin), "eval", "--gold", str(gold), "--format", "json"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    report = stancer.eval(gold)
    assert report == json.loads(done.stdout)
    assert report["items"] == 497 and report["triples"]["micro"]["tp"] > 0


def test_label_batch_reads_pyarrow_columns_as_values():
    records = pa.table({"id": [1, 2], "text": ["Islamabad thanked Washington.", None], "date": ["2025", None]})
    labeler = stancer.Labeler()
    with pytest.warns(stancer.StancerWarning, match="the text is None"):
        table = labeler.label_batch(records.column("id"), records.column("text"), records.column("date"))
    assert table.select(["doc_id", "holder", "date"]).to_pylist() == [{"doc_id": "1", "holder": "PAK", "date": "2025"}]
    assert labeler.last_stats["skipped"] == 1
