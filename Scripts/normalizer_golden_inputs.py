"""Writes the raw inputs of Tests/IdentityResolutionTests/NormalizerGolden.jsonl: raw column values
of generated retail datasets (DATASET.md) per normalizer kind, every kind over a sample of all
columns, hand-written edge cases and seeded random strings from the characters normalizers care
about. Each line is `[kind, input]`; `fullAddress` inputs are `[street, city, state, postalCode]`.

The golden test fills in the outputs: run this, then record them with
`KITH_RECORD_NORMALIZER_GOLDEN=1 swift test --filter NormalizerGoldenTests`.

Run from the repository root:
  python3 Scripts/normalizer_golden_inputs.py DATASET_DIR... > /tmp/golden-inputs.jsonl
"""
import csv
import json
import os
import random
import sys

KINDS = ["email", "phone", "name", "firstName", "lastName", "address", "postalCode", "date",
         "id", "uuid", "ip", "text"]

# (file, column) → kind, after Fixtures/retail/mapping.yaml; dates and free text added for coverage.
COLUMNS = {
    "email": ["email", "receipt_email"],
    "phone": ["phone"],
    "firstName": ["first_name"],
    "lastName": ["last_name"],
    "address": ["street", "shipping_street"],
    "postalCode": ["postal_code", "shipping_postal_code"],
    "date": ["birth_date", "created_at", "joined_at", "ts"],
    "id": ["contact_id", "account_id", "loyalty_id", "card_token", "user_id", "transaction_id", "device_id"],
    "uuid": ["anonymous_id", "device_id"],
    "ip": ["ip"],
    "text": ["city", "state", "shipping_city", "shipping_state", "user_agent", "platform", "type"],
}
PER_KIND = 1200
CROSS = 150
FUZZ = 400

EDGE_CASES = [
    "", " ", "   ", "\t", "\n", "\u00a0", "\u2003", " \u00a0x\u2003 ", "n/a", "N/A", "none", "null", "NULL",
    "unknown", "test", "0", "-1", "x", "xxx",
    # names
    "José Ñúñez", "ŁUKASZ Żółć", "O'Brien", "O’Brien", "Mary-Jane Smith", "Dr. John Smith Jr.", "MR BOB",
    "François-Xavier", "Ærøskøbing", "straße", "STRASSE", "İstanbul", "Nguyễn Văn Ễ", "e\u0301lise",
    "Zoë", "Chloé", "Renée", "Søren", "Þór", "Ðorđe", "ǅemal", "Ωμέγα", "Дмитрий", "李小龙", "ʼOkina",
    "Bob", "bob", "BOBBY", "Liz", "jr", "Mr", "prof. x", "  Ann  Marie  ", "anne\tmarie", "👍 emoji",
    "A\u0308nne", "ﬁnn", "Ǆ", "ǈ", "ẞ", "ı", "İ",
    # emails
    "Ann+Shop@Example.COM", "mailto:ann@x.com", "<ann@x.com>", " mailto: <Ann@X.com> ", "a.b.c@gmail.com",
    "A.B+tag@GoogleMail.com", "...@gmail.com", "ann@@x.com", "ann@x", "ann@x.c", "ann@x.c0m", "ann@-x.com",
    "ann@x-.com", "ann@x..com", "ann@x.com.", "ann@xn--p1ai", "ann@x.xn--p1ai", "ann..b@x.com", ".ann@x.com",
    "ann.@x.com", "an n@x.com", "ann@x com", "ann@ex_ample.com", "ann\"@x.com", "jöse@exämple.com",
    "ann@EXAMPLE.org ", "ann@" + "a" * 63 + ".com", "ann@" + "a" * 64 + ".com", "@x.com", "ann@",
    "none@none.com", "noemail@x.com", "a@a.com", "ann@x.com\u00a0", "ann@x.cöm", "ann@1.2.3.4",
    "ann@[1.2.3.4]", "+@x.com", "+tag@gmail.com", "ann@x.co.uk", "ANN@X.Ĳ", "ann\u0301@x.com",
    # phones
    "(217) 555-0134", "217.555.0134", "+1 217 555 0134", "1-217-555-0134", "12175550134", "2175550134 x123",
    "217-555-0134 ext. 99", "217 555 0134 #12", "217-555-0134;ext=5", "+44 20 7946 0958", "+49 (0)30 123456",
    "0044 20 7946 0958", "011 44 20 7946 0958", "555-1212", "911", "+1 (911) 555-1234", "+1 217 155 0134",
    "+0 123", "+", "++1 217 555 0134", "tel: 217-555-0134", "call 217-555-0134 after 5", "２１７５５５０１３４",
    "(0)217 555 0134", "217(0)5550134", "0000000000", "1234567890", "+1 800 FLOWERS", "1 (800) 356-9377 ext 1",
    # addresses
    "123 North Main Street, Apt. 4", "123 N Main St Apt 4", "123 Main St #4", "123 Main St Apt #4",
    "123 Main St Apt4", "123 Main St STE200", "123 Main St Suite 200", "123 Main St Unit 12b", "P.O. Box 12",
    "PO Box 12", "Post Office Box 12", "p o box", "post office", "1 First Avenue", "Twentieth St",
    "10 Southwest Parkway Floor 2", "4-B Elm Ct.", "Rue de l’Église 5", "Calle Niño 7", "12 Straße",
    "apt", "apt #", "# 4", "##", "#", "unit", "apt 4 apt", "1 Court Street", "99 Avenue of the Americas",
    "1600 Pennsylvania Ave NW", "1\u00a0Main\u00a0St", "One Main St.", "123 main st, springfield, il 62701",
    # postal codes
    "62701", "62701-1234", "62701 1234", "627011234", "2134", "02134", "21341234", "00000", "6270", "627",
    "62701-", "-62701", "62701--1234", "62701 - 1234", "A1B 2C3", "６２７０１",
    # dates
    "2024-03-01", "2024/03/01", "2024.03.01", "20240301", "03/01/2024", "3/1/2024", "3-1-2024", "25/12/2024",
    "01-Mar-2024", "1 March 2024", "Mar 1, 2024", "March 1st 2024", "Friday, March 1, 2024",
    "2024-03-01T14:30:00Z", "2024-03-01 14:30:00-05:00", "3/1/24", "3/1/55", "2023-02-29", "2024-02-29",
    "2024-13-01", "1799-01-01", "2201-01-01", "Mar 32, 2024", "T:", "12:30",
    # ids and uuids
    " LY 00123 ", "Ab3x", "AB3X", "id\twith\ttabs", "ïd", "A3F1C2E4-1B2C-4D5E-8F90-123456789ABC",
    "{a3f1c2e4-1b2c-4d5e-8f90-123456789abc}", "urn:uuid:A3F1C2E4-1B2C-4D5E-8F90-123456789ABC",
    "a3f1c2e41b2c4d5e8f90123456789abc", "a3f1c2e4-1b2c-4d5e-8f90-123456789ab", "g3f1c2e4-1b2c-4d5e-8f90-123456789abc",
    "a3f1c2e4-1b2c4-d5e-8f90-123456789abc", "００000000-0000-0000-0000-000000000000",
    # IP addresses
    "192.168.1.10", " 192.168.001.010 ", "8.8.8.8", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "a.b.c.d",
    "1.2.3.-4", "01.02.03.04", "0001.2.3.4", "1.2.3.4 ", "+1.2.3.4", "１.2.3.4", "1.2.3.٤",
    "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1", "[2001:db8::1]", "fe80::1%eth0", "FE80::1%ETH0",
    "2001:db8:0:0:1:0:0:1", "2001:db8:0:1:1:1:1:1", "::", "::1", "::ffff:192.0.2.1", "::FFFF:C000:0201",
    "64:ff9b::192.0.2.33", "2001:db8:::1", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
    "12345::1", "g::1", "localhost", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "1::", "1:0:0:0:0:0:0:0",
    "0:0:1:0:0:1:0:0", "0:0:0:1:0:0:0:1", "[::1", "::1]", "[]", "[", "%", "::%", "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8", "1.2.3.4:80", "::ffff:1.2.3", "1:2::3:4:1.2.3.4", "1:2::3:4:1.2.3.4:5", "+1::",
    "٠::1", "a:b:c:d:e:f:0:1", "ＡＢ::1", "1.2.3.4%eth0", ":1::", "1::2:", ":::", "0::0", "00000::1",
]

ALPHABET = (list("0123456789") * 3 + list("abcdefxyzABCDEFXYZ") + list(".@:-+#()[]{}%/,;'_ \t")
            + [" ", "  ", ".", ".", ":", "::", "@", "-", "\u00a0", "\u2003", "é", "É", "ß", "’", "ʼ", "`",
               "\u0301", "ñ", "Ł", "ễ", "Ω", "д", "李", "👍", "１", "٤", "mailto:", "gmail.com", "x", "ext",
               "apt", "st", "street", "north", "po", "box", "first", "(0)", "ffff", "xn--", "00", "011",
               "jr", "dr", "bob", "\r", "\n", "\u200b", "\u0085", "\u2028", "e\u0301", "\r\n"])


def read_rows(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return []
    if name.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    rng = random.Random(20240301)
    by_kind = {kind: set() for kind in KINDS}
    addresses = set()
    every_value = set()
    for directory in sys.argv[1:]:
        for name in ["crm_contacts.csv", "ecommerce_accounts.csv", "loyalty_members.csv",
                     "pos_transactions.csv", "web_events.jsonl"]:
            for row in read_rows(directory, name):
                for kind, columns in COLUMNS.items():
                    for column in columns:
                        value = row.get(column)
                        if isinstance(value, str):
                            by_kind[kind].add(value)
                            every_value.add(value)
                first, last = row.get("first_name"), row.get("last_name")
                if isinstance(first, str) and isinstance(last, str):
                    by_kind["name"].add(first + " " + last)
                for prefix in ["", "shipping_"]:
                    parts = [row.get(prefix + c) for c in ["street", "city", "state", "postal_code"]]
                    if isinstance(parts[0], str):
                        addresses.add(tuple(parts))
    lines = []
    for kind in KINDS:
        values = sorted(by_kind[kind])
        for value in rng.sample(values, min(PER_KIND, len(values))):
            lines.append([kind, value])
    address_list = sorted(addresses, key=lambda t: tuple(p or "" for p in t))
    for parts in rng.sample(address_list, min(PER_KIND, len(address_list))):
        lines.append(["fullAddress", list(parts)])
        # The same address without its ZIP, so the city and state are standardized too.
        lines.append(["fullAddress", list(parts[:3]) + [None]])
    cross = rng.sample(sorted(every_value), min(CROSS, len(every_value)))
    fuzz = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 14))) for _ in range(FUZZ)]
    for value in EDGE_CASES + cross + fuzz:
        for kind in KINDS:
            lines.append([kind, value])
    for street in ["123 Main St", "", "apt", None]:
        for city in ["St. Louis", "Saint Paul", "Fort Worth", "MOUNT VERNON", "", None]:
            for state in ["IL", "il.", "Illinois", "Washington D.C.", "Ontario", "", None]:
                for postal in ["62701", "2134", "bad", None]:
                    lines.append(["fullAddress", [street, city, state, postal]])
    seen = set()
    for line in lines:
        key = json.dumps(line, ensure_ascii=False)
        if key not in seen:
            seen.add(key)
            print(key)


if __name__ == "__main__":
    main()
