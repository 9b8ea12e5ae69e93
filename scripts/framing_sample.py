#!/usr/bin/env python3
"""Draw the hand-read sample of framing findings (docs/framing.md).

    storydiff compare --format json ../shared/eval-dev/basil-corpus.jsonl > basil.json
    scripts/framing_sample.py basil.json

Prints 30 framing findings drawn at random with a fixed seed, each with the
claims of its cluster, for reading one by one.
"""
import json, random, sys
SEED = 20261204
N = 30
text = open(sys.argv[1]).read()
dec = json.JSONDecoder(); i = 0; docs = []
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    d, i = dec.raw_decode(text, i); docs.append(d)
findings = [(d, f) for d in docs for f in d['findings'] if f['kind'] == 'framing']
random.seed(SEED)
for k, (d, f) in enumerate(random.sample(findings, N), 1):
    cluster = next(c for c in d['clusters'] if c['id'] == f['cluster'])
    print(f"#{k} {d['story'][:8]} {f['cluster']} {f['severity']}: {f['message']}")
    for c in cluster['claims']:
        print(f"    {c['outlet']}: {c['text']}")
    print()
