#!/usr/bin/env python3
"""Issue 18, second round (an exploration, not the product): which text space ranks similar cases
as the judges do. Tokenises every case with the product (`practiced tokenize`), then measures
nDCG@10 on the ten judged queries of eval/similar-dev-qrels.json, each scoring less the
candidate's hubness (mean cosine to its k nearest cases, CSLS), for: the tf of a term
(1 + ln count as the ranking, count^0.75, count), pieces of long words (2- and 3-character
substrings of words of 3+ characters) or character n-grams of the raw text, item-by-item
practice matches, tags, and place words weighing 0. "held out" chooses (α, k) — and in the last
line the whole design — on the other nine queries. Run from the project root after
`swift build`: python3 Benchmarks/similar/space.py. Figures in Benchmarks/RESULTS.md."""
import collections, glob, json, math, re, subprocess

cases = [json.loads(line) for f in sorted(glob.glob('Models/corpus/*.jsonl')) for line in open(f) if line.strip()]
tokens = subprocess.run(['.build/debug/practiced', 'tokenize'], input='\n'.join(c['text'].replace('\n', ' ') for c in cases) + '\n',
                        capture_output=True, text=True, check=True).stdout.split('\n')
stop = {w.strip() for w in open('config/stop-words.txt') if w.strip() and not w.startswith('#')}
docs = [[t for t in line.split() if t not in stop and not re.fullmatch(r'[\W\d_]+', t)] for line in tokens[:len(cases)]]
keys = ['%s-%02d' % (c['source']['id'], c['ordinal']) if c.get('ordinal') else c['id'] for c in cases]
qrels = json.load(open('eval/similar-dev-qrels.json'))
N, row = len(cases), {k: i for i, k in enumerate(keys)}
queries = [row[q] for q in qrels]
place = set()
for c in cases:
    for v in [c['region'].get(k) for k in ('province', 'prefecture', 'county', 'name')]:
        if v:
            place.add(v)
            stem = re.sub(r'(省|市|县|区|自治区|自治州|街道|镇|乡)$', '', v)
            if len(stem) >= 2: place.add(stem)

def ndcg(q, scores):
    grades = qrels[keys[q]]
    order = sorted((j for j in range(N) if j != q), key=lambda j: (-scores[j], j))[:10]
    dcg = sum((2 ** grades.get(keys[j], 0) - 1) / math.log2(r + 2) for r, j in enumerate(order))
    ideal = sorted((2 ** v - 1 for k, v in grades.items() if k != keys[q]), reverse=True)[:10]
    return dcg / sum(x / math.log2(r + 2) for r, x in enumerate(ideal))

def pieces(toks):
    out = []
    for t in toks:
        out.append(t)
        if len(t) >= 3:
            out += [t[i:i + n] for n in (2, 3) if n < len(t) for i in range(len(t) - n + 1)]
    return out

def grams(text):
    return [s[i:i + n] for s in re.split(r'[^\u4e00-\u9fff]+', text) for n in (2, 3) for i in range(len(s) - n + 1)]

def cosines(token_lists, tf, place_weight=1.0):
    df = collections.Counter(t for d in token_lists for t in set(d))
    idf = {t: math.log((1 + N) / (1 + n)) + 1 for t, n in df.items()}
    vectors = []
    for d in token_lists:
        v = {t: tf(c) * idf[t] * (place_weight if any(p in t for p in place) else 1) for t, c in collections.Counter(d).items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vectors.append({t: x / norm for t, x in v.items()})
    return [[sum(x * vectors[j].get(t, 0) for t, x in vectors[i].items()) if i != j else 0 for j in range(N)] for i in range(N)]

def table(M):
    hubs = {k: [sum(sorted(M[j], reverse=True)[:k]) / k for j in range(N)] for k in (5, 10, 20)}
    return {(a, k): {q: ndcg(q, [M[q][j] - a * hubs[k][j] if j != q else -9 for j in range(N)]) for q in queries}
            for a in (0.5, 0.75, 1.0) for k in (5, 10, 20)}

def held_out(t):
    return sum(t[max(t, key=lambda c: sum(t[c][o] for o in queries if o != q))][q] for q in queries) / len(queries)

tfs = {'1+ln': lambda c: 1 + math.log(c), 'count^0.75': lambda c: c ** 0.75, 'count': lambda c: c}
spaces = {}
for tf_name, tf in tfs.items():
    spaces['words, ' + tf_name] = cosines(docs, tf)
    spaces['words + pieces, ' + tf_name] = cosines([pieces(d) for d in docs], tf)
    spaces['char 2-3-grams, ' + tf_name] = cosines([grams(c['text']) for c in cases], tf)
spaces['words + pieces, count^0.75, places 0'] = cosines([pieces(d) for d in docs], tfs['count^0.75'], place_weight=0)
everything = {}
print('%-40s %8s %8s %10s' % ('space', 'no corr.', 'best', 'held out'))
for name, M in spaces.items():
    t = table(M)
    everything.update({(name,) + c: v for c, v in t.items()})
    plain = sum(ndcg(q, [M[q][j] if j != q else -9 for j in range(N)]) for q in queries) / len(queries)
    best = max(sum(v.values()) / len(queries) for v in t.values())
    print('%-40s %8.3f %8.3f %10.3f' % (name, plain, best, held_out(t)))
print('held out, the space chosen too on the other nine: %.3f' % held_out(everything))

# Item by item and tags, beside the whole text (words, count^0.75), each less its own hubness (α 0.75, k 10).
practice_texts = [p['text'].replace('\n', ' ') for c in cases for p in c['practices']]
practice_tokens = subprocess.run(['.build/debug/practiced', 'tokenize'], input='\n'.join(practice_texts) + '\n',
                                 capture_output=True, text=True, check=True).stdout.split('\n')
position, practices = 0, []
for c in cases:
    practices.append([[t for t in practice_tokens[position + i].split() if t not in stop and not re.fullmatch(r'[\W\d_]+', t)]
                      for i in range(len(c['practices']))] or [docs[len(practices)]])
    position += len(c['practices'])
df = collections.Counter(t for d in docs for t in set(d))
idf = {t: math.log((1 + N) / (1 + n)) + 1 for t, n in df.items()}
def unit(toks):
    v = {t: c ** 0.75 * idf.get(t, 0) for t, c in collections.Counter(toks).items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1
    return {t: x / norm for t, x in v.items()}
P = [[unit(p) for p in ps] for ps in practices]
dot = lambda a, b: sum(x * b.get(t, 0) for t, x in a.items())
item = [[sum(max(dot(a, b) for b in P[j]) for a in P[i]) / len(P[i]) if i != j else 0 for j in range(N)] for i in range(N)]
taxonomy = json.load(open('config/taxonomy.json'))['tags']
tag_docs = [[t['key'] for t in taxonomy for p in t['patterns'] for _ in range(c['text'].count(p))] for c in cases]
tags = cosines(tag_docs, tfs['count^0.75'])
whole = spaces['words, count^0.75']
hub = lambda M: [sum(sorted(M[j], reverse=True)[:10]) / 10 for j in range(N)]
hw, hi, ht = hub(whole), hub(item), hub(tags)
for name, score in {'practice ↔ practice, the query\'s best matches averaged': lambda q, j: item[q][j] - 0.75 * hi[j],
                    'tags (counts of the taxonomy\'s patterns)': lambda q, j: tags[q][j] - 0.75 * ht[j],
                    'whole text + 0.25 × practice match': lambda q, j: whole[q][j] - 0.75 * hw[j] + 0.25 * (item[q][j] - 0.75 * hi[j]),
                    'whole text + 0.25 × tags': lambda q, j: whole[q][j] - 0.75 * hw[j] + 0.25 * (tags[q][j] - 0.75 * ht[j])}.items():
    print('%-55s %.3f' % (name, sum(ndcg(q, [score(q, j) if j != q else -9 for j in range(N)]) for q in queries) / len(queries)))

# Which section a word comes from: practices, background + outcomes + lessons, title, each
# weighted (words + pieces, count^0.75 of the weighted counts, less the hubness at α 0.75, k 10).
def tokenise(texts):
    out = subprocess.run(['.build/debug/practiced', 'tokenize'], input='\n'.join(t.replace('\n', ' ') for t in texts) + '\n',
                         capture_output=True, text=True, check=True).stdout.split('\n')
    return [[t for t in line.split() if t not in stop and not re.fullmatch(r'[\W\d_]+', t)] for line in out[:len(texts)]]
sections = [tokenise([' '.join(p['text'] for p in c['practices']) for c in cases]),
            tokenise([' '.join(c.get(k) or '' for k in ('background', 'outcomes', 'lessons')) for c in cases]),
            tokenise([c.get('title') or '' for c in cases])]
for weights in [(1, 1, 1), (1, 0.5, 1), (1, 0, 1), (1, 1, 2)]:
    counted = []
    for i in range(N):
        count = collections.Counter()
        for toks, weight in zip((s[i] for s in sections), weights):
            for t in pieces(toks): count[t] += weight
        if not cases[i]['practices']:
            for t in pieces(docs[i]): count[t] += weights[0]
        counted.append(count)
    df = collections.Counter(t for c in counted for t, x in c.items() if x > 0)
    idf = {t: math.log((1 + N) / (1 + n)) + 1 for t, n in df.items()}
    vectors = []
    for c in counted:
        v = {t: x ** 0.75 * idf[t] for t, x in c.items() if x > 0}
        norm = math.sqrt(sum(y * y for y in v.values())) or 1
        vectors.append({t: y / norm for t, y in v.items()})
    M = [[dot(vectors[i], vectors[j]) if i != j else 0 for j in range(N)] for i in range(N)]
    h = hub(M)
    print('sections practices %g, background/outcomes %g, title %g: %.3f' % (weights + (
        sum(ndcg(q, [M[q][j] - 0.75 * h[j] if j != q else -9 for j in range(N)]) for q in queries) / len(queries),)))
