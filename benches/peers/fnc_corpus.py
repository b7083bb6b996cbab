"""The benchmark corpus: the FNC-1 bodies (train and competition test) as one JSON Lines
file, COPIES times (ids made unique when more than once), and a one-document file for
timing start-up. Used by compare.sh here and by benches/python/compare.sh.

    python benches/peers/fnc_corpus.py FNC_DIR OUT.jsonl COPIES ONE.jsonl
"""

import csv, json, sys
fnc, out, copies, one = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
csv.field_size_limit(1 << 30)
rows = []
for name in ("train_bodies.csv", "competition_test_bodies.csv"):
    with open(f"{fnc}/{name}", newline="", encoding="utf-8") as f:
        rows.extend(csv.DictReader(f))
with open(out, "w", encoding="utf-8") as w:
    for copy in range(copies):
        for row in rows:
            doc_id = row["Body ID"] if copies == 1 else f"{row['Body ID']}-{copy}"
            w.write(json.dumps({"id": doc_id, "text": row["articleBody"]}) + "\n")
with open(one, "w", encoding="utf-8") as w:
    w.write(json.dumps({"id": "one", "text": "Islamabad thanked Washington."}) + "\n")
