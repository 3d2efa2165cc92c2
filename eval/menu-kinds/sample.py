#!/usr/bin/env python3
"""Picks and shows the menu items of the Jeju list that the team labels by hand (see README.md).

  sample.py pick > keys.tsv          the stratified random sample: shop_id, item_index, stratum, text_sha
  sample.py show keys.tsv [FROM TO]  each sampled shop with its whole menu, the sampled items marked, for labelling

The script never decides a label: it only chooses which items to label and prints them with their shop's context.
Its output holds item names from ../shared, which may not be committed: write it outside the repository.
"""
import csv
import hashlib
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

JEJU = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "real" / "jeju" / "jeju_mealcard_shops_menus.csv"
SEED = 20250903
RANDOM_ITEMS = 560
SET_ITEMS = 60

# Items that might be alcohol: every one of them is labelled, so that alcohol recall is measured on all the file has.
ALCOHOL_LIKE = re.compile(
    r"주류|소주|맥주|생맥|막걸리|와인|사케|하이볼|칵테일|양주|위스키|보드카|청하|복분자|술|에일|뱅쇼|샹그리아|샴페인|"
    r"참이슬|처음처럼|한라산|하이트|카스|테라|진로|켈리|클라우드|칭따오|하이네켄|버드와이저|아사히|기네스|호가든|"
    r"동동주|고량주|백세주|산사춘|매화수|땅콩주|혼디주|엽주|과실주|매실주|전통주|약주|청주|인삼주|담금주|감귤주|오메기|고소리|"
    r"정종|마주앙|까베르네|카베르네|쉬라즈|피노|메를로|샤도네이|샤르도네|소비뇽|리슬링|말벡|토론테스|모스카토|프로세코|스푸만테|"
    r"산지오베제|템프라니요|진판델|키안티|보졸레|준마이|니혼슈|필스너|바이젠|스타우트|소맥|피처|콜키지|"
    r"모히또|\d도\b|알콜|알코올|beer|wine|soju|highball|\bale\b|안주", re.I)
# Items that might be for several people (head-counts, sizes, platters, sets).
SET_LIKE = re.compile(r"\d\s*(인|人|명)|가족|패밀리|커플|파티|한판|반판|모둠|모듬|세트|set|\(대\)|\s대\b|\s중\b|大|中|특대|라지|\bL\b", re.I)


def text_sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def half(shop_id):
    """The stable split: 'tune' when the first byte of SHA-256(shop_id) is even, else 'test'."""
    return "tune" if hashlib.sha256(shop_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def category_group(category):
    head = category.replace(" ", "")
    for key, group in [("카페", "cafe"), ("디저트", "cafe"), ("베이커리", "cafe"), ("분식", "bunsik"), ("김밥", "bunsik"),
                       ("치킨", "fastfood"), ("피자", "fastfood"), ("버거", "fastfood"), ("일식", "foreign"), ("중식", "foreign"),
                       ("양식", "foreign"), ("아시아", "foreign"), ("인도", "foreign"), ("베트남", "foreign"), ("태국", "foreign"),
                       ("이탈리아", "foreign"), ("한식", "korean"), ("해장국", "korean"), ("육류", "korean")]:
        if key in head:
            return group
    return "other"


def shops():
    """Each shop once (the first row of a repeated id), as the importer keeps it: food sellers and flagged rows."""
    seen = set()
    with open(JEJU, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["id"] in seen or not row["id"].strip():
                continue
            seen.add(row["id"])
            if row.get("isFoodSelling") == "False" and row.get("isNotGoodForChild") != "True":
                continue
            parts = [p.strip() for p in row["menu_info"].split("|") if p.strip()]
            yield row, parts


def items():
    for row, parts in shops():
        seen_text = set()
        for index, part in enumerate(parts):
            if not any(c.isalpha() for c in part) or part in seen_text:
                continue
            seen_text.add(part)
            yield row, index, part


def pick():
    rng = random.Random(SEED)
    everything = list(items())
    by_group = defaultdict(list)
    for item in everything:
        by_group[category_group(item[0]["category"])].append(item)

    chosen = {}
    # Proportional allocation per category group, then a simple random sample inside each group.
    total = len(everything)
    for group in sorted(by_group):
        pool = by_group[group]
        take = round(RANDOM_ITEMS * len(pool) / total)
        for row, index, part in rng.sample(pool, min(take, len(pool))):
            chosen[(row["id"], index)] = ("random", part)

    # Alcohol-like items and their neighbours: drink lists are contiguous, and their brand names (a wine's
    # château, a local beer) need not say what they are.
    alcohol_like = {(row["id"], index) for row, index, part in everything if ALCOHOL_LIKE.search(part)}
    for row, index, part in everything:
        near = any((row["id"], index + step) in alcohol_like for step in (-1, 0, 1))
        if (row["id"], index) not in chosen and near:
            chosen[(row["id"], index)] = ("alcohol-like", part)

    set_pool = [(row, index, part) for row, index, part in everything
                if (row["id"], index) not in chosen and SET_LIKE.search(part)]
    for row, index, part in rng.sample(set_pool, min(SET_ITEMS, len(set_pool))):
        chosen[(row["id"], index)] = ("set-like", part)

    print("shop_id\titem_index\tstratum\ttext_sha")
    for (shop_id, index), (stratum, part) in sorted(chosen.items(), key=lambda kv: (int(kv[0][0]), kv[0][1])):
        print(f"{shop_id}\t{index}\t{stratum}\t{text_sha(part)}")


def show(keys_path, start=0, end=None):
    wanted = defaultdict(dict)
    with open(keys_path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            wanted[row["shop_id"]][int(row["item_index"])] = row
    number = 0
    for row, parts in shops():
        if row["id"] not in wanted:
            continue
        marks = wanted[row["id"]]
        lines = []
        for index, part in enumerate(parts):
            if index in marks:
                if number >= start and (end is None or number < end):
                    lines.append(f"  >> {number:4d} [{index}] {part}   ({marks[index]['stratum'][0]})")
                number += 1
            elif any(index + step in marks for step in (-1, 1)):
                lines.append(f"     . [{index}] {part}")
        prices = sorted(p for p in (price_of(part) for part in parts) if p)
        median = prices[len(prices) // 2] if prices else None
        if any(line.startswith("  >>") for line in lines):
            print(f"# {row['name']} ({row['category']}) {len(parts)} items, median {median}")
            print("\n".join(lines))


def price_of(part):
    match = re.search(r"([\d,]+)원?$", part)
    if not match:
        return None
    digits = match.group(1).replace(",", "")
    return int(digits) if digits.isdigit() and int(digits) >= 100 else None


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "pick":
        pick()
    elif len(sys.argv) >= 3 and sys.argv[1] == "show":
        show(sys.argv[2], *(int(a) for a in sys.argv[3:5]))
    else:
        sys.exit(__doc__)
