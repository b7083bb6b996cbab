"""Times stancer.Labeler.label_batch on a JSON Lines corpus (fields id, text), for
compare.sh: the records are read first (not timed in `label_s`), then labeled in one
call on JOBS threads (`label_cpu_s`: the CPU time of all threads), and the table's rows counted. Prints one JSON line of seconds.

    python benches/python/label_batch.py corpus.jsonl JOBS
"""

import json
import sys
import time

started = time.perf_counter()
import stancer  # noqa: E402  (import time belongs to the whole process's)

path, jobs = sys.argv[1], int(sys.argv[2])
ids, texts = [], []
with open(path, encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        ids.append(record["id"])
        texts.append(record["text"])
read = time.perf_counter()
labeler = stancer.Labeler(jobs=jobs)
built, cpu = time.perf_counter(), time.process_time()
table = labeler.label_batch(ids, texts)
labeled, cpu = time.perf_counter(), time.process_time() - cpu
print(
    json.dumps(
        {
            "read_s": round(read - started, 3),
            "rules_s": round(built - read, 3),
            "label_s": round(labeled - built, 3),
            "label_cpu_s": round(cpu, 3),
            "whole_s": round(labeled - started, 3),
            "claims": table.num_rows,
            "documents": labeler.last_stats["documents"],
        }
    )
)
