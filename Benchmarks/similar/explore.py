#!/usr/bin/env python3
"""Issue 18, first diagnosis of similar cases (an exploration, not the product): tokenises every
case and practice with the product (`practiced tokenize`), then measures nDCG@10 on the ten
judged queries of eval/similar-dev-qrels.json for whole-text TF-IDF, practice-by-practice
matches, taxonomy tags, and a hubness correction (CSLS). Run from the project root after
`swift build`: python3 Benchmarks/similar/explore.py. Figures in Benchmarks/RESULTS.md."""
import json, glob, subprocess
cases=[]
for f in sorted(glob.glob('Models/corpus/*.jsonl')):
    for line in open(f):
        if line.strip(): cases.append(json.loads(line))
texts=[]
for c in cases:
    texts.append(c['text'].replace('\n',' '))
    texts.append(' '.join([c.get('title') or '', c.get('background') or '']).replace('\n',' '))
    for p in c['practices']: texts.append((p.get('heading','')+' '+p['text']).replace('\n',' '))
out=subprocess.run(['.build/debug/practiced','tokenize'],input='\n'.join(texts)+'\n',capture_output=True,text=True).stdout.split('\n')
i=0; data=[]
for c in cases:
    whole=out[i].split(); back=out[i+1].split(); i+=2
    ps=[]
    for p in c['practices']: ps.append((p['id'],out[i].split())); i+=1
    data.append({'id':c['id'],'src':c['source']['id'],'region':c['region'],'whole':whole,'back':back,'practices':ps,'title':c.get('title')})
json.dump(data,open('/tmp/practiced-similar-cases.json','w'),ensure_ascii=False)
print(len(data), sum(len(d['practices']) for d in data))
import json, math, collections, itertools, re
data=json.load(open('/tmp/practiced-similar-cases.json'))
qrels=json.load(open('eval/similar-dev-qrels.json'))
raw={}
import glob
for f in sorted(glob.glob('Models/corpus/*.jsonl')):
    for line in open(f):
        if line.strip():
            c=json.loads(line); raw[c['id']]=c
key={}
for d in data:
    c=raw[d['id']]; key[d['id']]='%s-%02d'%(d['src'],c['ordinal']) if c.get('ordinal') else d['id']
bykey={key[d['id']]:i for i,d in enumerate(data)}
missing=[k for q in qrels for k in list(qrels[q])+[q] if k not in bykey]
print('unmapped keys',len(missing),missing[:5])
stop=set(w.strip() for w in open('config/stop-words.txt') if w.strip() and not w.startswith('#'))
def clean(toks): return [t for t in toks if t not in stop and not re.fullmatch(r'[\W\d_]+',t)]
N=len(data)
# place words: segments of region names
place=set()
for d in data:
    r=d['region']
    for v in [r.get('province'),r.get('prefecture'),r.get('county'),r.get('sub_unit'),r.get('name')]:
        if v:
            place.add(v); place.add(re.sub(r'(省|市|县|区|自治区|自治州|街道|镇|乡)$','',v))
docs=[clean(d['whole']) for d in data]
df=collections.Counter(t for doc in docs for t in set(doc))
idf={t:math.log((1+N)/(1+df[t]))+1 for t in df}
# document concentration: share of a term's cases that are in its most common source doc
srcdf=collections.defaultdict(collections.Counter)
for d,doc in zip(data,docs):
    for t in set(doc): srcdf[t][d['src']]+=1
nsrc=collections.Counter(d['src'] for d in data)
def docmark(t):
    # how much more often the term occurs in its top document than elsewhere
    top,cnt=srcdf[t].most_common(1)[0]
    inside=cnt/nsrc[top]; outside=(df[t]-cnt)/max(1,N-nsrc[top])
    return inside, outside
def vec(toks, placew=1.0, docw=0.0):
    tf=collections.Counter(toks); v={}
    for t,c in tf.items():
        if t not in idf: continue
        w=(1+math.log(c))*idf[t]
        if t in place or any(t in p for p in place if len(t)>=2 and len(p)>=2 and t==p): w*=placew
        if docw>0 and df[t]>=2:
            i,o=docmark(t)
            if i>0.3 and o<i/4: w*=(1-docw)
        v[t]=w
    n=math.sqrt(sum(x*x for x in v.values())) or 1
    return {t:x/n for t,x in v.items()}
def cos(a,b):
    if len(a)>len(b): a,b=b,a
    return sum(x*b.get(t,0) for t,x in a.items())
def ndcg(qi, scores):
    q=qrels[key[data[qi]['id']]]
    order=sorted((j for j in range(N) if j!=qi), key=lambda j:-scores[j])[:10]
    g=lambda j: 2**q.get(key[data[j]['id']],0)-1
    dcg=sum(g(j)/math.log2(r+2) for r,j in enumerate(order))
    ideal=sorted((2**v-1 for k,v in q.items() if k!=key[data[qi]['id']]),reverse=True)[:10]
    idcg=sum(x/math.log2(r+2) for r,x in enumerate(ideal))
    return dcg/idcg
queries=[bykey[q] for q in qrels]
def features(placew, docw):
    W=[vec(doc,placew,docw) for doc in docs]
    P=[[vec(clean(t),placew,docw) for _,t in d['practices']] or [W[i]] for i,d in enumerate(data)]
    B=[vec(clean(d['back']),placew,docw) for d in data]
    F={}
    for qi in queries:
        for j in range(N):
            if j==qi: continue
            whole=cos(W[qi],W[j])
            pairs=[[cos(a,b) for b in P[j]] for a in P[qi]]
            mx=max(max(r) for r in pairs)
            qbest=sum(max(r) for r in pairs)/len(pairs)
            cbest=sum(max(pairs[i][k] for i in range(len(pairs))) for k in range(len(P[j])))/len(P[j])
            same=1.0 if data[qi]['src']==data[j]['src'] else 0.0
            F[(qi,j)]=dict(whole=whole,max=mx,qbest=qbest,cbest=cbest,same=same,back=cos(B[qi],B[j]))
    return F
import sys
for placew,docw in [(1,0),(0,0),(0,0.5),(0,0.8),(0.3,0.5)]:
    F=features(placew,docw)
    def evalw(w, qs=queries):
        return sum(ndcg(qi,{j:(sum(w.get(k,0)*v for k,v in F[(qi,j)].items()) if j!=qi else -9) for j in range(N)}) for qi in qs)/len(qs)
    res={name:evalw(w) for name,w in {'whole':{'whole':1},'max':{'max':1},'qbest':{'qbest':1},'whole+max':{'whole':1,'max':1},
          'whole+qbest+cbest':{'whole':1,'qbest':1,'cbest':1},'w+m-same':{'whole':1,'max':1,'same':-0.1}}.items()}
    print(placew,docw,' '.join('%s=%.3f'%(k,v) for k,v in res.items()))

# --- tags by the taxonomy's patterns (counts), on whole text and per practice
tax=json.load(open('config/taxonomy.json'))['tags']
def tagcount(text):
    return {t['key']:sum(text.count(p) for p in t['patterns']) for t in tax if any(p in text for p in t['patterns'])}
group={t['key']:t['group'] for t in tax}
tagdf=collections.Counter()
CT=[]; PT=[]
for d in data:
    c=raw[d['id']]
    CT.append(tagcount(c['text'])); PT.append([tagcount(p.get('heading','')+p['text']) for p in c['practices']] or [CT[-1]])
    for k in CT[-1]: tagdf[k]+=1
tidf={k:math.log((1+N)/(1+v))+1 for k,v in tagdf.items()}
def tvec(tc, groups=None, sub=True):
    v={k:((1+math.log(c)) if sub else 1)*tidf[k] for k,c in tc.items() if c>0 and (groups is None or group[k] in groups)}
    n=math.sqrt(sum(x*x for x in v.values())) or 1
    return {k:x/n for k,x in v.items()}
F=features(0,0)
for qi in queries:
    for j in range(N):
        if j==qi: continue
        f=F[(qi,j)]
        f['tags']=cos(tvec(CT[qi]),tvec(CT[j]))
        f['act']=cos(tvec(CT[qi],{'action'}),tvec(CT[j],{'action'}))
        f['theme']=cos(tvec(CT[qi],{'theme','mechanism'}),tvec(CT[j],{'theme','mechanism'}))
        f['pop']=cos(tvec(CT[qi],{'population'}),tvec(CT[j],{'population'}))
        pairs=[[cos(tvec(a),tvec(b)) for b in PT[j]] for a in PT[qi]]
        f['ptmax']=max(max(r) for r in pairs)
        f['ptq']=sum(max(r) for r in pairs)/len(pairs)
def evalw(w, qs=queries):
    return sum(ndcg(qi,{j:(sum(w.get(k,0)*v for k,v in F[(qi,j)].items()) if j!=qi else -9) for j in range(N)}) for qi in qs)/len(qs)
for name,w in {'tags':{'tags':1},'act':{'act':1},'whole+tags':{'whole':1,'tags':1},'whole+qbest+tags':{'whole':1,'qbest':1,'tags':1},
   'whole+qbest+act+theme':{'whole':1,'qbest':1,'act':1,'theme':0.5},'all':{'whole':1,'qbest':1,'cbest':1,'act':1,'theme':.5,'pop':.3,'ptq':.5}}.items():
    print(name,'%.3f'%evalw(w))
# grid search with leave-one-query-out
names=['whole','qbest','cbest','max','act','theme','pop','ptq','ptmax','same','tags','back']
import random
random.seed(1)
grid=[0,0.25,0.5,1]
def search(qs, iters=600):
    best=(-1,None)
    for _ in range(iters):
        w={n:random.choice(grid) for n in names}; w['same']=random.choice([0,-0.1,-0.2,-0.4])
        s=evalw(w,qs)
        if s>best[0]: best=(s,w)
    return best
full=search(queries,1500); print('in-sample best %.3f'%full[0], full[1])
print('per query (whole | best mix):')
for qi in queries:
    a=ndcg(qi,{j:(F[(qi,j)]['whole'] if j!=qi else -9) for j in range(N)})
    b=ndcg(qi,{j:(sum(full[1].get(k,0)*v for k,v in F[(qi,j)].items()) if j!=qi else -9) for j in range(N)})
    q=qrels[key[data[qi]['id']]]
    top=sorted((j for j in range(N) if j!=qi), key=lambda j:-F[(qi,j)]['whole'])[:5]
    print(key[data[qi]['id']], '%.2f %.2f'%(a,b), raw[data[qi]['id']].get('title'), '| top:', [(key[data[j]['id']], q.get(key[data[j]['id']],0)) for j in top], '| ideal:', sorted(q.items(), key=lambda x:-x[1])[:4])
# hubness: a candidate's mean similarity to every case, subtracted (CSLS-like)
W=[vec(doc,0,0) for doc in docs]
S=[[cos(W[i],W[j]) if i!=j else 0 for j in range(N)] for i in range(N)]
def topmean(i,k=10): return sum(sorted(S[i],reverse=True)[:k])/k
hub=[topmean(j) for j in range(N)]
for alpha in [0,0.25,0.5,0.75,1.0]:
    for base in ['whole','mix']:
        sc=lambda qi,j: (F[(qi,j)]['whole'] if base=='whole' else sum(full[1].get(k,0)*v for k,v in F[(qi,j)].items())/ (1 if base=='whole' else 2))
        r=sum(ndcg(qi,{j:(sc(qi,j)-alpha*hub[j] if j!=qi else -9) for j in range(N)}) for qi in queries)/len(queries)
        print('alpha',alpha,base,'%.3f'%r)
print('--- CSLS grid, whole TF-IDF, leave-one-query-out over (alpha,k)')
hubs={k:[sum(sorted(S[j],reverse=True)[:k])/k for j in range(N)] for k in [5,10,20]}
combos=[(a,k) for a in [0.25,0.5,0.75,1.0,1.25] for k in [5,10,20]]
def score_q(qi,a,k): return ndcg(qi,{j:(F[(qi,j)]['whole']-a*hubs[k][j] if j!=qi else -9) for j in range(N)})
table={c:{qi:score_q(qi,*c) for qi in queries} for c in combos}
held=[]
for qi in queries:
    rest=[q for q in queries if q!=qi]
    best=max(combos,key=lambda c:sum(table[c][q] for q in rest))
    held.append(table[best][qi])
print('held-out %.3f'%(sum(held)/len(held)), 'in-sample best', max((sum(table[c].values())/len(queries),c) for c in combos))
