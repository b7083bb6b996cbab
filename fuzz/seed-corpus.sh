#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the sample article, the first texts of
# datasets/dev.jsonl and, when ../shared is beside the project, the Golden Rules
# texts. The corpus folder is ignored by git: it is made anew here, never committed.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
golden="$root/../shared/conformance/golden_rules_en.jsonl"
mkdir -p "$fuzz/corpus/segment" "$fuzz/corpus/pipeline" "$fuzz/corpus/input_records"

python3 - "$root" "$fuzz/corpus" "$golden" <<'PY'
import csv, io, json, os, sys
root, corpus, golden = sys.argv[1:4]

def write(target, name, data):
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)

article = open(os.path.join(root, "seeds/india-pakistan-2025.txt"), encoding="utf-8").read()
texts = [("article", article)]
# The article's paragraphs too: short inputs mutate faster than one 6 kB file.
texts += [(f"article-{i:02}", p) for i, p in enumerate(article.split("\n\n")) if p.strip()]
dev = [json.loads(l) for l in open(os.path.join(root, "datasets/dev.jsonl"), encoding="utf-8") if l.strip()]
texts += [(f"dev-{d['id']}", d["text"]) for d in dev[:40]]
if os.path.exists(golden):
    for line in open(golden, encoding="utf-8"):
        if line.strip():
            rule = json.loads(line)
            texts.append((f"golden-{rule['id']:02}", rule["text"]))
# Worst cases for time (issue 17): no sentence end in 100 kB dense with parties and
# cues, deep brackets and quotes, runs of abbreviations and of quote marks.
texts += [
    ("slow-dense", "Pakistan thanked India for the help " * 3000),
    ("slow-brackets", "(" * 5000 + "“" * 5000 + "India denied Pakistan's claim" + "”" * 5000 + ")" * 5000),
    ("slow-abbreviations", "U.S. " * 20000),
    ("slow-quotes", '"' * 50000 + "\n" + "-" * 50000),
]
for name, text in texts:
    write("segment", name, text)
    write("pipeline", name, text)

# Record files: JSON Lines (with a bad line and a bad date) and CSV (with quotes,
# a short row and a BOM header).
lines = [json.dumps({"id": d["id"], "text": d["text"], **({"date": d["date"]} if "date" in d else {})}) for d in dev[:8]]
write("input_records", "dev.jsonl", "\n".join(lines) + "\n")
write("input_records", "bad.jsonl", lines[0] + "\n{not json\n[1,2]\n{\"text\": 5}\n{\"id\": 7, \"text\": \"x\", \"date\": \"2025-13-40\"}\n")
out = io.StringIO()
w = csv.writer(out)
w.writerow(["id", "text", "date"])
for d in dev[:8]:
    w.writerow([d["id"], d["text"], d.get("date", "")])
w.writerow(["short"])
write("input_records", "dev.csv", "\ufeff" + out.getvalue())
write("input_records", "article.txt", article[:1500])
write("input_records", "invalid-utf8", b"id,text\n1,caf\xe9 \xff\n")
PY
for t in segment pipeline input_records; do
    echo "corpus/$t: $(ls "$fuzz/corpus/$t" | wc -l) files"
done
