#!/usr/bin/env python3
"""Writes tests/differential/uscc-corpus.json: credit codes with python-stdnum's verdict.

    pip install python-stdnum && python3 scripts/gen-uscc-corpus.py

The corpus (real codes, random valid codes, every single-character substitution of a few,
letters in each position, separators, lowercase, full-width, wrong lengths) is generated with a
fixed seed, and each entry carries `stdnum.cn.uscc.is_valid` as the reference's verdict.
tests/uscc_differential.rs compares our checker with it; every disagreement is listed, by
tag, in tests/differential/uscc-disagreements.json with its reason. The corpus is committed so
the Rust test needs no Python; rerun this after changing it (the stdnum version is recorded).
"""
import json
import random
from pathlib import Path

import stdnum
from stdnum.cn import uscc

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
REAL = [
    "91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "92340602MA2PBMEM24",
    "91620105L015101280", "9144030071526726XG", "12100000400000624D",
]
rng = random.Random(20261202)


def with_check(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17)


def random_valid(letters_first2: bool) -> str:
    first2 = "".join(rng.choice(ALPHABET if letters_first2 else "0123456789") for _ in range(2))
    region = "".join(rng.choice("0123456789") for _ in range(6))
    body = "".join(rng.choice(ALPHABET) for _ in range(9))
    return with_check(first2 + region + body)


entries = []


def add(tag: str, value: str) -> None:
    entries.append({"tag": tag, "value": value, "stdnum": bool(uscc.is_valid(value))})


for code in REAL:
    add("real", code)
    add("real-lowercase", code.lower())
    add("real-separators", f"{code[:4]} {code[4:8]}-{code[8:]}")
    add("real-full-width", "".join(chr(ord(c) + 0xFEE0) for c in code))
for _ in range(300):
    add("random-valid-digits-first2", random_valid(False))
for _ in range(100):
    add("random-valid-letters-first2", with_check(rng.choice("ANY") + rng.choice("123") + random_valid(False)[2:17]))
for code in REAL[:1]:
    for i in range(18):
        for c in ALPHABET:
            if c != code[i]:
                add("substitution", code[:i] + c + code[i + 1:])
for code in REAL:
    for pos in range(2, 8):
        first17 = code[:pos] + rng.choice("ABCDEFGHJKLMNPQRTUWXY") + code[pos + 1:17]
        add("letter-in-region-code", with_check(first17))
for code in REAL:
    for bad in "IOSVZ":
        pos = rng.randrange(8, 17)
        add("letter-outside-alphabet", code[:pos] + bad + code[pos + 1:])
for code in REAL:
    add("wrong-length", code[:17])
    add("wrong-length", code + "0")
add("old-registration-number", "110108000000016")
add("example-from-issue", "7165U1029014P15A46")

out = Path(__file__).resolve().parent.parent / "tests/differential/uscc-corpus.json"
doc = {
    "generator": "scripts/gen-uscc-corpus.py",
    "reference": f"python-stdnum {stdnum.__version__} stdnum.cn.uscc.is_valid (LGPL; used to produce verdicts, not shipped)",
    "entries": entries,
}
lines = ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries)
head = json.dumps({k: v for k, v in doc.items() if k != "entries"}, ensure_ascii=False)[:-1]
out.write_text(f'{head}, "entries": [\n{lines}\n]}}\n', encoding="utf-8")
print(f"wrote {out}: {len(entries)} codes")
