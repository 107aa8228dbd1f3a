"""The best pairwise recall (and cross-device precision) any resolver can reach on a generated dataset.

python3 Benchmarks/accuracy_ceiling.py DATA_DIR

DATA_DIR holds the DATASET.md files and both truth files (kith generate or independent_generator.py).
A resolver can only join two records of one person if something in the data connects them: a shared
identifier value (email, phone, account, loyalty id, card token, after the usual normalization), a
device or cookie that logged in with both, or a name (optimistically: every record that carries a full
name is taken to be joinable with every other such record of the same person). Joining within the
truth's own person (or household) keeps this an upper bound: no guard, threshold or hub is in the way.

Households add what ties homes together: the standardized street line and ZIP, shared devices, home
IPs seen with the household's devices, and (optimistically) every named record of the household.

Cross-device precision: a family tablet that only one member ever logged in on looks exactly like that
member's own device, so even a perfect resolver puts it in that member's identity; the pairs it then
forms are counted as unavoidable false pairs.

Prints, per measure, the true pairs, the reachable ones, and the F1 a resolver with precision 1 (or the
precision ceiling, for cross-device) and that recall would score.
"""
import collections, csv, json, re, sys

d = sys.argv[1]


def phone(v):
    digits = re.sub(r"\D", "", v)
    return "phone:" + digits[-10:] if len(digits) >= 10 else None


def email(v):
    v = v.strip().lower()
    user, _, domain = v.partition("@")
    user = user.split("+")[0]
    if domain in ("gmail.com", "googlemail.com"):
        user = user.replace(".", "")
    return "email:" + user + "@" + domain if domain else None


def street_zip(street, zip_code):
    if not street or not zip_code:
        return None
    words = re.sub(r"[^\w ]", " ", street.lower()).split()
    return "address:" + (words[0] if words else "") + ":" + re.sub(r"\D", "", zip_code).zfill(5)


SOURCES = [
    ("crm", "crm_contacts.csv", "contact_id", {"email": email, "phone": phone}, ("street", "postal_code")),
    ("ecommerce", "ecommerce_accounts.csv", "account_id",
     {"email": email, "phone": phone, "account_id": lambda v: "account:" + v}, ("shipping_street", "shipping_postal_code")),
    ("loyalty", "loyalty_members.csv", "loyalty_id",
     {"email": email, "phone": phone, "loyalty_id": lambda v: "loyalty:" + v}, None),
    ("pos", "pos_transactions.csv", "transaction_id",
     {"receipt_email": email, "phone": phone, "loyalty_id": lambda v: "loyalty:" + v,
      "card_token": lambda v: "card:" + v}, None),
]

truth = {}
for r in csv.DictReader(open(f"{d}/truth_records.csv")):
    truth[(r["source"], r["record_key"])] = (r["person_id"], r["household_id"])

keys, addresses, named = {}, {}, set()
for source, file, key, columns, address in SOURCES:
    for r in csv.DictReader(open(f"{d}/{file}")):
        record = (source, r[key])
        keys[record] = {k for c, f in columns.items() if r.get(c) and (k := f(r[c]))}
        if address and (a := street_zip(r.get(address[0]), r.get(address[1]))):
            addresses[record] = a
        if r.get("first_name", "").strip() and r.get("last_name", "").strip():
            named.add(record)

# Web evidence: what each device or cookie logged in (or signed up) with, and the IPs it was seen at.
logins = collections.defaultdict(set)
ips = collections.defaultdict(set)
for line in open(f"{d}/web_events.jsonl"):
    e = json.loads(line)
    for kind, field in (("cookie", "anonymous_id"), ("device", "device_id")):
        if not e.get(field):
            continue
        node = kind + ":" + e[field].lower()
        if e.get("ip"):
            ips[node].add(e["ip"])
        if e.get("type") in ("login", "signup"):
            if e.get("user_id"):
                logins[node].add("account:" + e["user_id"])
            if e.get("email") and (m := email(e["email"])):
                logins[node].add(m)

devices = {}  # device or cookie -> (person, household, shared)
for r in csv.DictReader(open(f"{d}/truth_identifiers.csv")):
    if r["type"] in ("device", "cookie"):
        node = r["type"] + ":" + r["value"].lower()
        if logins.get(node):
            devices[node] = (r["person_id"], r["household_id"], r["shared"] == "1")


class Sets:
    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def pairs(n):
    return n * (n - 1) // 2


def reachable(groups, extra_links):
    """Per group (records of one person or household): true pairs and pairs some link joins."""
    total = joined = 0
    for group, records in groups.items():
        sets = Sets()
        for record in records:
            sets.find(("r",) + record)
            for k in keys[record]:
                sets.union(("r",) + record, k)
        for a, b in extra_links(group, records):
            sets.union(a, b)
        sizes = collections.Counter(sets.find(("r",) + r) for r in records)
        total += pairs(len(records))
        joined += sum(pairs(n) for n in sizes.values())
    return total, joined


persons = collections.defaultdict(list)
households = collections.defaultdict(list)
for record, (person, household) in truth.items():
    persons[person].append(record)
    households[household].append(record)
devices_of_person = collections.defaultdict(list)
devices_of_household = collections.defaultdict(list)
for node, (person, household, shared) in devices.items():
    if not shared:
        devices_of_person[person].append(node)
    devices_of_household[household].append(node)


def person_links(person, records):
    for node in devices_of_person[person]:
        for k in logins[node]:
            yield node, k
    names = [("r",) + r for r in records if r in named]
    for a in names[1:]:
        yield a, names[0]


def household_links(household, records):
    for record in records:
        if record in addresses:
            yield ("r",) + record, addresses[record]
    by_ip = collections.defaultdict(list)
    for node in devices_of_household[household]:
        for k in logins[node]:
            yield node, k
        for ip in ips[node]:
            by_ip[ip].append(node)
    for nodes in by_ip.values():
        for node in nodes[1:]:
            yield node, nodes[0]
    names = [("r",) + r for r in records if r in named]
    for a in names[1:]:
        yield a, names[0]


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0


total, joined = reachable(persons, person_links)
print(f"identities    true pairs {total:,}, reachable {joined:,}: recall ≤ {joined / total:.3f}, F1 ≤ {f1(1, joined / total):.3f}")

# Cross-device: pairs among a person's records and tied devices, less the record-record pairs.
true_pairs = sum(pairs(len(persons[p]) + len(devices_of_person[p])) - pairs(len(persons[p])) for p in persons)
logged_in_by = collections.defaultdict(set)
for node, (person, household, shared) in devices.items():
    for k in logins[node]:
        logged_in_by[node].add(k)
owner_of_key = {}
for person, records in persons.items():
    for record in records:
        for k in keys[record]:
            owner_of_key.setdefault(k, person)
unavoidable = 0
for node, (person, household, shared) in devices.items():
    owners = {owner_of_key.get(k) for k in logged_in_by[node]} - {None}
    if shared and len(owners) == 1:
        owner = owners.pop()
        unavoidable += len(persons[owner]) + len(devices_of_person[owner])
precision = true_pairs / (true_pairs + unavoidable)
print(f"cross-device  true pairs {true_pairs:,}, unavoidable false pairs {unavoidable:,} (family devices one member "
      f"logged in on): precision ≤ {precision:.3f}, F1 ≤ {f1(precision, 1):.3f}")

total, joined = reachable(households, household_links)
print(f"households    true pairs {total:,}, reachable {joined:,}: recall ≤ {joined / total:.3f}, F1 ≤ {f1(1, joined / total):.3f}")
