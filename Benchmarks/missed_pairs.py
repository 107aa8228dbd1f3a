"""Lists the true pairs a resolution misses, grouped by what the split-off records carry.

python3 Benchmarks/missed_pairs.py DATA_DIR EXPORT.csv [id|hh] [N_EXAMPLES] [N_NON_TILL_EXAMPLES]

DATA_DIR holds the generated CSVs and truth_records.csv (kith generate or independent_generator.py);
EXPORT.csv is `kith export --format csv`. Prints the missed pair count, the missed pairs by the
sources of each split-off group (for till-only groups: which of its columns are filled), then
examples: every record of a person (id) or household (hh), grouped as the export has them.
"""
import csv, sys, json, collections, random
d, exp = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "id"
rows = {}
for src, f, key in [("crm","crm_contacts.csv","contact_id"),("ecommerce","ecommerce_accounts.csv","account_id"),("loyalty","loyalty_members.csv","loyalty_id"),("pos","pos_transactions.csv","transaction_id")]:
    for r in csv.DictReader(open(f"{d}/{f}")):
        rows[(src, r[key])] = {k: v for k, v in r.items() if v and k not in (key, "created_at", "joined_at", "ts", "amount", "store_id")}
truth = {}
for r in csv.DictReader(open(f"{d}/truth_records.csv")):
    truth[(r["source"], r["record_key"])] = (r["person_id"], r["household_id"])
ident, hh = {}, {}
for r in csv.DictReader(open(exp)):
    if r["label"] == "record":
        k = (r["source"], r["key"]); ident[k] = r["identity_id"]; hh[k] = r["household_id"] or ("solo" + r["identity_id"])
persons = collections.defaultdict(list); houses = collections.defaultdict(list)
for k, (p, h) in truth.items():
    persons[p].append(k); houses[h].append(k)
def pairs(n): return n * (n - 1) // 2
cat = collections.Counter(); missed_total = 0
groups = persons if mode == "id" else houses
pred = ident if mode == "id" else hh
examples = []
for p, ks in groups.items():
    by = collections.defaultdict(list)
    for k in ks: by[pred.get(k, "none" + str(k))].append(k)
    if len(by) < 2: continue
    gs = sorted(by.values(), key=len, reverse=True)
    m = pairs(len(ks)) - sum(pairs(len(g)) for g in gs)
    missed_total += m
    for g in gs[1:]:
        sig = "+".join(sorted(set(k[0] for k in g)))
        if mode == "id" and all(k[0] == "pos" for k in g):
            r = rows[g[0]]; sig = "pos:" + ",".join(sorted(r.keys()))
        cat[sig] += len(g) * (len(ks) - len(g))
    examples.append((p, gs))
print("missed pairs", missed_total)
for c, n in cat.most_common(25): print(n, c)
random.seed(1)
for p, gs in random.sample(examples, min(int(sys.argv[4]) if len(sys.argv) > 4 else 8, len(examples))):
    print("==", p)
    for g in gs:
        print("  --", pred.get(g[0]))
        for k in g: print("    ", k, truth[k][0], rows[k])
if len(sys.argv) > 5:
    print("######## non-pos")
    ex2 = [e for e in examples if sum(1 for g in e[1] if not all(k[0]=="pos" for k in g)) > 1]
    for p, gs in random.sample(ex2, min(int(sys.argv[5]), len(ex2))):
        print("==", p)
        for g in gs:
            if all(k[0]=="pos" for k in g): continue
            print("  --", pred.get(g[0]))
            for k in g:
                if k[0] != "pos": print("    ", k, truth[k][0], rows[k])
