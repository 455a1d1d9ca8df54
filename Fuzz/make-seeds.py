#!/usr/bin/env python3
"""Seed corpora and dictionaries for the fuzz targets, generated from the project's own
inputs (never committed: `make fuzz` writes them under .fuzz/, which git ignores).

    Fuzz/make-seeds.py OUT      # OUT/seeds/<Fuzzer>/…, OUT/dict/{import,request}.dict

Sources: the shipped documents (Models/sources) and ../shared/seeds when present, split into
pieces (whole files are larger than the fuzzers' inputs); the importer's test fixtures; the
development profiles; request bodies from the CLI tests and docs/openapi.json's examples;
the shipped corpus's cases. Run from the project root.
"""
import glob
import json
import os
import re
import shutil
import sys

ROOT = os.getcwd()
PIECE_BYTES = 4000  # under the importer fuzzers' -max_len (see Fuzz/run-libfuzzer.sh)


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as handle:
        return handle.read()


def existing(*patterns):
    found = []
    for pattern in patterns:
        found += sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))
    return found


def documents():
    """Each distinct source document once (../shared/seeds repeats Models/sources)."""
    seen, texts = set(), []
    for path in existing("Models/sources/*.txt", "../shared/seeds/*.txt"):
        text = read(path)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def pieces(text):
    """Consecutive runs of whole lines, each under PIECE_BYTES."""
    result, current = [], ""
    for line in text.splitlines(keepends=True):
        if current and len((current + line).encode()) > PIECE_BYTES:
            result.append(current)
            current = ""
        current += line[: PIECE_BYTES // 3]
    if current.strip():
        result.append(current)
    return result


def profile_lines():
    lines = []
    for path in existing("eval/dev-profiles.jsonl", "../shared/eval/dev-profiles.jsonl",
                         "Tests/CLITests/Fixtures/reports/profiles.jsonl", "Tests/FeaturesTests/Fixtures/dev-profiles.jsonl"):
        lines += [line for line in read(path).splitlines() if line.strip()]
    return list(dict.fromkeys(lines))


def test_bodies():
    """The JSON bodies the CLI tests send (#"{…}"# literals)."""
    bodies = []
    for path in existing("Tests/CLITests/*.swift"):
        bodies += re.findall(r'#"(\{.*?\})"#', read(path))
    return [body for body in bodies if not re.search(r"\\#?\(", body)]  # interpolated ones are not JSON


def openapi_examples():
    document = json.loads(read(os.path.join(ROOT, "docs/openapi.json")))
    examples = []
    for item in document["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            for media in content.values():
                if "example" in media:
                    examples.append(json.dumps(media["example"], ensure_ascii=False))
    return examples


def csv_profiles(profiles):
    columns = ["id", "name", "level", "province", "terrain", "economy", "ethnic_minority", "urbanization", "population", "aging_share", "focus", "text"]
    rows = [",".join(columns)]
    for profile in profiles:
        cells = []
        for column in columns:
            value = profile.get(column, "")
            if isinstance(value, list):
                value = ";".join(value)
            value = str(value).lower() if isinstance(value, bool) else str(value)
            cells.append('"%s"' % value.replace('"', '""') if ("," in value or '"' in value or "\n" in value) else value)
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"


def cases():
    lines = []
    for path in existing("Models/corpus/*.jsonl"):
        lines += [json.loads(line) for line in read(path).splitlines() if line.strip()]
    return lines


def write_seeds(directory, items):
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for number, item in enumerate(items):
        data = item if isinstance(item, bytes) else item.encode("utf-8")
        with open(os.path.join(directory, "%04d" % number), "wb") as handle:
            handle.write(data)
    return len(items)


def dictionary_entry(token):
    """libFuzzer's format: a quoted string, bytes outside printable ASCII as \\xNN."""
    escaped = "".join(chr(byte) if 0x20 <= byte < 0x7F and chr(byte) not in '"\\' else "\\x%02X" % byte for byte in token.encode("utf-8"))
    return '"%s"' % escaped


def write_dictionary(path, words):
    tokens = [word for word in dict.fromkeys(words) if word]
    with open(path, "w", encoding="utf-8") as handle:
        for token in tokens:
            handle.write("# %s\n%s\n" % (token.replace("\n", "\\n"), dictionary_entry(token)))
    return len(tokens)


def hand_picked(name):
    """A committed word list: one token per line, comments start with '# '."""
    return [line for line in read(os.path.join(ROOT, "Fuzz/dictionaries", name)).split("\n") if line and not line.startswith("# ")]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else ".fuzz"
    texts = documents()
    fixtures = [read(path, "rb") for path in existing("Tests/ImporterTests/Fixtures/**/*.txt")]
    text_pieces = [piece for text in texts for piece in pieces(text)]
    # Some pieces in GB18030 too, as offices export them.
    converted = [piece.encode("gb18030") for piece in text_pieces[::7]]
    documents_seeds = fixtures + text_pieces + converted

    profiles_json = profile_lines()
    profiles = [json.loads(line) for line in profiles_json]
    bodies = test_bodies() + openapi_examples()
    reports = [json.dumps({"profiles": profiles[i:i + 3], "format": fmt, "top": 3}, ensure_ascii=False)
               for i, fmt in zip(range(0, len(profiles), 3), ["markdown", "html", "json"] * 20)]
    plan = [text for text in texts if "偏关县" in text[:2000]]
    profile_files = (
        [b"\x00" + json.dumps(profiles[:4], ensure_ascii=False).encode(), b"\x00" + profiles_json[0].encode(),
         b"\x01" + "\n".join(profiles_json).encode(), b"\x02" + csv_profiles(profiles).encode()]
        + [b"\x02" + read(path, "rb") for path in existing("Tests/CLITests/Fixtures/reports/*.csv")]
        + [b"\x03" + piece.encode() for piece in (pieces(plan[0])[:3] if plan else text_pieces[:3])]
    )
    corpus_cases = cases()
    # POST /v1/cases: case objects as GET /v1/cases/{id} gives them, and raw collections.
    new_cases = [json.dumps({"cases": [record]}, ensure_ascii=False) for record in corpus_cases]
    new_cases.append(json.dumps({"cases": corpus_cases[:2]}, ensure_ascii=False))
    new_cases += [json.dumps({"text": piece, "source_id": "k%d" % number, "year": 2023}, ensure_ascii=False)
                  for number, piece in enumerate(text_pieces[::4])]

    counts = {
        "ImportFuzzer": write_seeds(os.path.join(out, "seeds/ImportFuzzer"), documents_seeds),
        "ParagraphFuzzer": write_seeds(os.path.join(out, "seeds/ParagraphFuzzer"), documents_seeds),
        "DecodeFuzzer": write_seeds(os.path.join(out, "seeds/DecodeFuzzer"),
                                    fixtures + converted + [b"\xef\xbb\xbf" + text_pieces[0].encode(), text_pieces[1].encode()[:101]]),
        "ProfileFuzzer": write_seeds(os.path.join(out, "seeds/ProfileFuzzer"), profiles_json + bodies + reports),
        "ProfileFileFuzzer": write_seeds(os.path.join(out, "seeds/ProfileFileFuzzer"), profile_files),
        "NewCasesFuzzer": write_seeds(os.path.join(out, "seeds/NewCasesFuzzer"), new_cases),
    }

    os.makedirs(os.path.join(out, "dict"), exist_ok=True)
    rules = json.loads(read(os.path.join(ROOT, "config/import-rules.json")))
    rule_words = [word for words in rules["sectionKeywords"].values() if isinstance(words, list) for word in words]
    rule_words += rules["specialActions"] + rules["caseTextLabels"] + rules["resultWords"]
    regions = [record["region"][key] for record in corpus_cases for key in ("name", "province", "prefecture", "county") if record["region"].get(key)]
    import_words = hand_picked("import-words.txt") + ["\t", "\r\n", "\r", "\ufeff", "\u3000"] + rule_words + regions
    taxonomy = json.loads(read(os.path.join(ROOT, "config/taxonomy.json")))["tags"]
    cues = json.loads(read(os.path.join(ROOT, "config/profile-cues.json")))
    cue_words = []
    for value in cues.values():
        if isinstance(value, list):
            cue_words += value
        elif isinstance(value, dict):
            cue_words += [word for words in value.values() for word in words]
    request_words = hand_picked("request-words.txt") + [tag["key"] for tag in taxonomy] + [tag["label"] for tag in taxonomy] + cue_words
    counts["import.dict"] = write_dictionary(os.path.join(out, "dict/import.dict"), import_words)
    counts["request.dict"] = write_dictionary(os.path.join(out, "dict/request.dict"), request_words)
    print("seeds and dictionaries in %s: %s" % (out, ", ".join("%s %d" % item for item in counts.items())))


if __name__ == "__main__":
    main()
