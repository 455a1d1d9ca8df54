#!/usr/bin/env python3
"""Weight search for the engine's ranking, with leave-one-profile-out cross-validation.

Input: the per-case signals `practiced eval --components-file F` writes (BM25, LSA cosine,
source region, tags with counts). This script re-scores the cases the way
Sources/Engine/CaseScorer.swift does, over a grid of weights, and prints
  - the best weights on all five development profiles (the shipped ones should be among the top),
  - leave-one-profile-out: for each profile, the weights best on the other four, scored on it.
Usage: Benchmarks/ranking/grid.py F [eval/dev-qrels.json]
"""
import itertools, json, math, sys

signals = json.load(open(sys.argv[1]))
qrels = json.load(open(sys.argv[2] if len(sys.argv) > 2 else "eval/dev-qrels.json"))


def ndcg10(ranked, grades):
    gain = lambda g: 2 ** g - 1
    dcg = sum(gain(grades.get(k, 0)) / math.log2(i + 2) for i, k in enumerate(ranked[:10]))
    ideal = sorted((gain(g) for g in grades.values()), reverse=True)[:10]
    return dcg / sum(g / math.log2(i + 2) for i, g in enumerate(ideal))


def scaled(values):
    best = max(values)
    return [v / best if best > 0 else 0 for v in values]


def region_fit(profile, source):
    """RegionFit.compare: mean of 1 (same) / 0 (different) / 0.5 (unknown) over stated attributes."""
    parts = []
    fact = lambda d, key: (d or {}).get(key, {}) and d[key]["value"] if d and d.get(key) else None
    level = fact(profile, "level")
    level = None if level == "province" else level
    source_level = source["level"] if source else None
    if fact(profile, "terrain"):
        theirs = fact(source, "terrain") if source_level in ("county", "district") else None
        parts.append(0.5 if theirs is None else float(bool(set(fact(profile, "terrain")) & set(theirs))))
    economy, poor, urban = fact(profile, "economy"), fact(source, "former_poverty_county"), fact(source, "urban_rural")
    if economy in ("poverty", "former_poverty"):
        parts.append(0.5 if poor is None else float(poor))
    elif economy == "developed":
        parts.append(0.5 if poor is None else float(not poor and urban != "rural"))
    if fact(profile, "urbanization"):
        mine = fact(profile, "urbanization")
        parts.append(0.5 if urban is None else 1.0 if urban == mine else 0.5 if "mixed" in (urban, mine) else 0.0)
    if level:
        near = {"county", "district"}
        if source_level and source_level != level and {level, source_level} <= near:
            parts.append(0.75)
        else:
            parts.append(0.5 if source_level is None else float(source_level == level))
    for key, theirs in (("ethnic_minority", "ethnic_autonomous"), ("revolutionary_base", "revolutionary_base")):
        if fact(profile, key):
            value = fact(source, theirs)
            parts.append(0.5 if value is None else float(value))
    return sum(parts) / len(parts) if parts else 0.5


groups = {}
for profile in signals:
    profile["attributes"] = json.loads(profile["attributes"])
    for case in profile["cases"]:
        case["region"] = json.loads(case["region"])
        counts = {t["key"]: t["count"] for t in case["tags"]}
        for t in case["tags"]:
            groups[t["key"]] = t["group"]
        for keys in case["ptags"]:
            for key in keys:
                counts.setdefault(key, 1)
        case["counts"] = counts
for profile in signals:
    for t in profile["tags"]:
        groups[t["key"]] = t["group"]
cases = signals[0]["cases"]
carrying = {}
for case in cases:
    for key in case["counts"]:
        carrying[key] = carrying.get(key, 0) + 1
tag_weight = {k: math.log((len(cases) + 1) / (v + 1)) for k, v in carrying.items()}


def tag_component(profile, case):
    mine = {t["key"] for t in profile["tags"]}
    actions = {k for k in mine if groups.get(k) == "action"}
    if actions:
        mentions = {k: v for k, v in case["counts"].items() if groups.get(k) == "action"}
        total = sum(mentions.values())
        return sum(v for k, v in mentions.items() if k in actions) / total if total else 0
    total = sum(tag_weight.get(k, 0) for k in mine)
    return sum(tag_weight.get(k, 0) for k in mine if k in case["counts"]) / total if total else 0


fixed = {}
for profile in signals:
    fixed[profile["id"]] = (
        scaled([c["bm25"] for c in profile["cases"]]),
        scaled([max(c["sem"], 0) for c in profile["cases"]]),
        [region_fit(profile["attributes"], c["region"]) for c in profile["cases"]],
        [tag_component(profile, c) for c in profile["cases"]],
    )


def evaluate(weights):
    result = {}
    for profile in signals:
        components = fixed[profile["id"]]
        scores = [sum(w * c[i] for w, c in zip(weights, components)) for i in range(len(profile["cases"]))]
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        result[profile["id"]] = ndcg10([profile["cases"][i]["key"] for i in order], qrels[profile["id"]])
    return result


grid = [(1.0, s, r, t) for s in (0, 0.1, 0.2, 0.3, 0.5) for r in (0.5, 1, 1.5, 2, 2.5, 3) for t in (0, 0.25, 0.5, 0.75, 1, 1.25, 1.5)]
results = [(w, evaluate(w)) for w in grid]
mean = lambda r, skip=None: sum(v for k, v in r.items() if k != skip) / (len(r) - (skip is not None))
print("best weights (text, semantic, region, tags) on all profiles:")
for w, r in sorted(results, key=lambda x: -mean(x[1]))[:5]:
    print(f"  {w}  mean {mean(r):.3f}  min {min(r.values()):.3f}  " + " ".join(f"{k} {v:.3f}" for k, v in r.items()))
print("leave one profile out (weights best on the other four):")
held = []
for pid in fixed:
    w, r = max(results, key=lambda x: mean(x[1], skip=pid))
    held.append(r[pid])
    print(f"  {pid}: {r[pid]:.3f} with {w}")
print(f"  mean {sum(held) / len(held):.3f}")
