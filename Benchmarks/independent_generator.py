#!/usr/bin/env python3
"""An independent retail identity dataset generator (DATASET.md schema), written
apart from Kith's own generator to check that resolution rules are not tuned to
it: other name and street lists, other email and phone shapes, another mix of
mess (family emails, office IPs, several devices, typos in surnames, US-style
dates), same files and truth.

    python3 Benchmarks/independent_generator.py --people 20000 --seed 3 --out DIR
"""
import argparse, csv, json, os, random, uuid

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mason", "Amelia", "Ethan",
         "Harper", "Logan", "Evelyn", "Aiden", "Abigail", "Jackson", "Emily", "Sebastian", "Ella", "Mateo",
         "Scarlett", "Owen", "Grace", "Samuel", "Chloe", "Henry", "Layla", "Wyatt", "Nora", "Leo", "Zoey",
         "Isaac", "Lily", "Gabriel", "Hannah", "Julian", "Aria", "Levi", "Stella", "Anthony", "Aurora", "Isaiah",
         "Hazel", "Christopher", "Violet", "Joshua", "Lucy", "Andrew", "Maya", "Nathan", "Elena", "Thomas",
         "Katherine", "William", "Margaret", "Richard", "Patricia", "Daniel"]
NICK = {"Christopher": "Chris", "Joshua": "Josh", "Andrew": "Andy", "Nathan": "Nate", "Thomas": "Tom",
        "Katherine": "Kate", "William": "Will", "Margaret": "Peggy", "Richard": "Rick", "Patricia": "Trish",
        "Daniel": "Dan", "Samuel": "Sam", "Gabriel": "Gabe", "Anthony": "Tony", "Elijah": "Eli"}
LAST = ["Nguyen", "Garcia", "Kowalski", "Okafor", "Haddad", "Lindqvist", "Fitzgerald", "Moreau", "Tanaka",
        "Rossi", "Schneider", "Ivanova", "Oconnell", "Delgado", "Chowdhury", "Petrov", "Mbeki", "Larsen",
        "Novak", "Sato", "Ferreira", "Kaur", "Yilmaz", "Dubois", "Horvath", "Castillo", "Abbott", "Brennan",
        "Whitaker", "Vasquez", "Holloway", "Pennington", "Ashford", "Sterling", "Gallagher", "Hawthorne",
        "Kimura", "Marchetti", "Sandoval", "Thornton", "Underwood", "Valentine", "Winslow", "Yamamoto",
        "Zimmerman", "Albright", "Blackwood", "Carrington", "Donovan", "Ellsworth"]
STREETS = ["Maple", "Birch", "Harbor", "Summit", "Orchard", "Meadow", "Canyon", "Ridge", "Willow", "Aspen",
           "Juniper", "Cedar", "Bayview", "Highland", "Prairie", "Lakeshore", "Sunset", "Magnolia", "Sycamore"]
SUFFIX = [("Avenue", "Ave"), ("Road", "Rd"), ("Lane", "Ln"), ("Boulevard", "Blvd"), ("Court", "Ct"),
          ("Drive", "Dr"), ("Place", "Pl"), ("Terrace", "Ter")]
CITIES = [("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Boise", "ID", "837"), ("Tampa", "FL", "336"),
          ("Omaha", "NE", "681"), ("Reno", "NV", "895"), ("Albany", "NY", "122"), ("Salem", "OR", "973"),
          ("Dayton", "OH", "454"), ("Fresno", "CA", "937")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com"]
PLACEHOLDER_EMAILS = ["noemail@gmail.com", "na@na.com", "customer@store.com", "declined@none.com"]
PLACEHOLDER_PHONES = ["1234567890", "9999999999", "(000) 000-0000", "555-555-5555"]


def typo(s, r):
    if len(s) < 4:
        return s
    i = r.randrange(1, len(s) - 1)
    op = r.randrange(3)
    if op == 0:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 1:
        return s[:i] + s[i + 1:]
    return s[:i] + s[i] + s[i:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    out = {n: open(os.path.join(a.out, n), "w", newline="") for n in
           ["crm_contacts.csv", "ecommerce_accounts.csv", "loyalty_members.csv", "pos_transactions.csv",
            "truth_records.csv", "truth_identifiers.csv"]}
    w = {n: csv.writer(f, lineterminator="\n") for n, f in out.items()}
    w["crm_contacts.csv"].writerow("contact_id,first_name,last_name,email,phone,street,city,state,postal_code,birth_date,created_at".split(","))
    w["ecommerce_accounts.csv"].writerow("account_id,email,phone,first_name,last_name,shipping_street,shipping_city,shipping_state,shipping_postal_code,created_at".split(","))
    w["loyalty_members.csv"].writerow("loyalty_id,first_name,last_name,email,phone,postal_code,joined_at".split(","))
    w["pos_transactions.csv"].writerow("transaction_id,store_id,ts,loyalty_id,card_token,receipt_email,phone,amount".split(","))
    w["truth_records.csv"].writerow("source,record_key,person_id,household_id".split(","))
    w["truth_identifiers.csv"].writerow("type,value,person_id,household_id,shared".split(","))
    events = open(os.path.join(a.out, "web_events.jsonl"), "w")
    n_office = max(3, a.people // 500)
    offices = [f"203.0.{i // 250}.{i % 250 + 1}" for i in range(n_office)]
    counters = {"crm": 0, "eco": 0, "loy": 0, "pos": 0, "ev": 0}

    def nid(kind, width, prefix):
        counters[kind] += 1
        return prefix + str(counters[kind] + 500000).rjust(width, "0")

    def ts(r):
        return f"20{r.randint(19, 25)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"

    def event(kind, cookie=None, device=None, user=None, email=None, ip=None):
        counters["ev"] += 1
        e = {"event_id": f"X{counters['ev']}", "ts": ts(r), "type": kind}
        if cookie: e["anonymous_id"] = cookie
        if user: e["user_id"] = user
        if email: e["email"] = email
        if device: e["device_id"] = device
        e["platform"] = "web" if cookie else r.choice(["ios", "android"])
        if ip: e["ip"] = ip
        events.write(json.dumps(e, separators=(",", ":")) + "\n")

    person = 0
    hh = 0
    while person < a.people:
        hh += 1
        hid = f"HH{hh}"
        size = min(a.people - person, r.choice([1, 1, 2, 2, 2, 3, 4, 5]))
        last = r.choice(LAST)
        city, state, zip3 = r.choice(CITIES)
        zipc = zip3 + f"{r.randint(0, 99):02d}"
        num = r.randint(10, 9999)
        street, (suf, abbr) = r.choice(STREETS), r.choice(SUFFIX)
        unit = r.choice(["", "", "", f" Unit {r.randint(1, 40)}"])
        home_ip = f"10.{hh // 65536 % 256}.{hh // 256 % 256}.{hh % 256}"
        family_email = f"the{last.lower()}s{hh}@{r.choice(DOMAINS)}" if size > 1 and r.random() < 0.15 else None
        tablet = str(uuid.UUID(int=r.getrandbits(128))).upper() if size > 1 and r.random() < 0.35 else None
        if tablet:
            w["truth_identifiers.csv"].writerow(["device", tablet, "", hid, 1])
        for k in range(size):
            person += 1
            pid = f"Q{person}"
            first = r.choice(FIRST)
            plast = last if k < 2 or r.random() < 0.7 else r.choice(LAST)
            dob = f"{r.randint(1940, 2006)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            emails = [f"{first.lower()}{r.choice(['.', '_', ''])}{plast.lower()}{r.randint(1, 999)}@{r.choice(DOMAINS)}"]
            if r.random() < 0.3:
                emails.append(f"{first[0].lower()}{plast.lower()}{r.randint(10, 99)}@{r.choice(DOMAINS)}")
            phones = [f"{r.randint(201, 989)}{r.randint(200, 999)}{r.randint(0, 9999):04d}"]
            if r.random() < 0.25:
                phones.append(f"{r.randint(201, 989)}{r.randint(200, 999)}{r.randint(0, 9999):04d}")

            def name_of():
                f = NICK.get(first, first) if r.random() < 0.15 else first
                l = typo(plast, r) if r.random() < 0.04 else plast
                f = typo(f, r) if r.random() < 0.03 else f
                return (f.upper(), l.upper()) if r.random() < 0.05 else (f, l)

            def email_of():
                if r.random() < 0.03: return r.choice(PLACEHOLDER_EMAILS)
                if family_email and r.random() < 0.4: return family_email
                e = r.choice(emails)
                if r.random() < 0.1: e = e.upper()
                if r.random() < 0.05: e = " " + e
                return e

            def phone_of():
                if r.random() < 0.03: return r.choice(PLACEHOLDER_PHONES)
                p = r.choice(phones)
                return r.choice([p, f"({p[:3]}) {p[3:6]}-{p[6:]}", f"{p[:3]}-{p[3:6]}-{p[6:]}", f"+1{p}", f"1-{p[:3]}-{p[3:6]}-{p[6:]}"])

            def street_of():
                s = f"{num} {street} {r.choice([suf, abbr, abbr + '.'])}{unit}"
                return s.upper() if r.random() < 0.08 else s

            def maybe(v, p=0.08):
                return "" if r.random() < p else v

            for _ in range(1 if r.random() < 0.7 else r.choice([2, 2, 3])):
                if r.random() < 0.75:
                    cid = nid("crm", 8, "K")
                    f, l = name_of()
                    d = dob if r.random() < 0.6 else (f"{dob[5:7]}/{dob[8:]}/{dob[:4]}" if r.random() < 0.7 else "")
                    w["crm_contacts.csv"].writerow([cid, f, l, maybe(email_of()), maybe(phone_of(), 0.2), maybe(street_of(), 0.1),
                                                    city, state, maybe(zipc, 0.1), d, ts(r)])
                    w["truth_records.csv"].writerow(["crm", cid, pid, hid])
            account = None
            if r.random() < 0.55:
                account = nid("eco", 7, "U")
                f, l = name_of()
                w["ecommerce_accounts.csv"].writerow([account, email_of(), maybe(phone_of(), 0.3), f, l, street_of(), city, state, zipc, ts(r)])
                w["truth_records.csv"].writerow(["ecommerce", account, pid, hid])
            loyalty = None
            if r.random() < 0.4:
                loyalty = nid("loy", 7, "M")
                f, l = name_of()
                w["loyalty_members.csv"].writerow([loyalty, f, l, maybe(email_of(), 0.15), maybe(phone_of(), 0.2), maybe(zipc), ts(r)[:10]])
                w["truth_records.csv"].writerow(["loyalty", loyalty, pid, hid])
            cards = [f"card_{r.getrandbits(48):012x}" for _ in range(r.choice([1, 1, 2]))]
            for _ in range(r.choice([0, 1, 2, 3, 4])):
                tid = nid("pos", 9, "R")
                lid = loyalty if loyalty and r.random() < 0.7 else (f"HOUSE{r.randint(1, 8)}" if r.random() < 0.06 else "")
                # People pay with the card at the front of the wallet; a sale that names no one
                # (no member card, card, receipt email or phone) is rarely in an identity export:
                # the clerk asks for a phone number.
                card = maybe(cards[0] if r.random() < 0.8 else r.choice(cards), 0.3)
                em, ph = maybe(email_of(), 0.7), maybe(phone_of(), 0.8)
                if not (lid or card or em or ph) and r.random() < 0.97:
                    ph = phone_of()
                w["pos_transactions.csv"].writerow([tid, f"ST{r.randint(1, 30)}", ts(r), lid, card,
                                                    em, ph, f"{r.uniform(2, 400):.2f}"])
                w["truth_records.csv"].writerow(["pos", tid, pid, hid])
            # Devices and cookies.
            for _ in range(r.choice([0, 1, 1, 2, 3])):
                cookie = str(uuid.UUID(int=r.getrandbits(128)))
                w["truth_identifiers.csv"].writerow(["cookie", cookie, pid, hid, 0])
                for _ in range(r.randint(1, 6)):
                    event("page_view", cookie=cookie, ip=home_ip if r.random() < 0.7 else r.choice(offices))
                if account and r.random() < 0.75:
                    event("login", cookie=cookie, user=account, ip=home_ip, email=email_of() if r.random() < 0.2 else None)
            for _ in range(r.choice([0, 1, 1, 2])):
                device = str(uuid.UUID(int=r.getrandbits(128))).upper()
                w["truth_identifiers.csv"].writerow(["device", device, pid, hid, 0])
                for _ in range(r.randint(1, 5)):
                    event("app_open", device=device, ip=home_ip if r.random() < 0.6 else f"100.{r.randint(64, 127)}.{r.randint(0, 255)}.{r.randint(1, 254)}")
                if account and r.random() < 0.7:
                    event("login", device=device, user=account, ip=home_ip)
                elif r.random() < 0.2:
                    event("signup", device=device, email=email_of(), ip=home_ip)
            if tablet and account:
                event("login", device=tablet, user=account, ip=home_ip)
    for f in out.values():
        f.close()
    events.close()
    print(f"wrote {person} people in {hh} households to {a.out}")


if __name__ == "__main__":
    main()
