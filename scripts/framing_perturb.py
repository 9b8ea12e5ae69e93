#!/usr/bin/env python3
"""Measure the recall of storydiff's framing findings by planting framing cues.

    scripts/framing_perturb.py STORYDIFF ../shared/eval-dev/basil-corpus.jsonl \\
        ../shared/eval-dev/basil-alignment-gold.json [--seed N] [--verbose]

Like the perturbation check for figures (../shared/eval-dev/README.md), this
plants a framing difference into real full articles and expects a framing
finding (docs/framing.md) for it.

For every gold pair of same-fact sentences (outlet a, outlet b) where each
side has one text, b's sentence occurs verbatim in b's article text (or its
title) and neither sentence already holds quotation marks, "reportedly",
"allegedly" or "so-called", one cue is planted into b's sentence in b's
article; a's article is left as it is. The kind rotates from pair to pair
(the starting kind and any choice between candidate words come from the
seed); when a pair does not admit its kind, the next kind in the rotation
that it admits is used, and a pair that admits none is skipped:

  hedge        "reportedly " before the first verb-ish word after the first
               word (was, were, is, are, has, have, had, will, would, or a
               lowercase word ending in "ed"); not in sentences with " said ".
  scare-quote  a lowercase content word of six letters or more that both
               sentences hold is put in straight double quotes in b.
  attribution  ", officials said" before b's final period, when neither
               sentence has said, says, told or according to.

Each plant is its own `STORYDIFF compare --format json` run on the story
alone (a temporary JSON Lines file), run from the current directory, and is
compared with one run on the unmodified story. A plant is caught when the
planted run has more framing findings than the baseline run whose message
starts with b's outlet and mentions the cue ("reportedly", the quoted word,
"officials"). A plant is aligned when one cluster of the planted run holds
a claim of a overlapping a's sentence and a claim of b overlapping b's
planted sentence (one contains the other, or they share a 40-character
stretch). Prints, per kind, the plants, how many are aligned, how many are
caught, and the recall over all plants and over the aligned ones; with
--verbose, every missed plant with the cues and framing findings of the
clusters that hold b's sentence and a likely cause (cue not read as planted,
hedge after an attribution, not aligned, a's claim framed too, too few
shared content words to compare), then the misses counted by cause. Runs at
most two storydiff processes at a time; the same seed gives the same output.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

KINDS = ["hedge", "scare-quote", "attribution"]
CUE_OF = {"hedge": "reportedly", "attribution": "officials"}  # scare-quote: the word
STRETCH = 40
JOBS = 2

HEDGE_AUX = {"was", "were", "is", "are", "has", "have", "had", "will", "would"}
NOT_PAST = {"hundred", "indeed", "need", "speed", "proceed", "succeed", "exceed",
            "seed", "feed", "greed", "breed", "bed", "red", "shed", "bred", "sled"}
STOP = {
    "about", "above", "across", "after", "again", "against", "almost", "already",
    "also", "although", "always", "among", "another", "anyone", "anything",
    "around", "because", "become", "becomes", "before", "behind", "being",
    "below", "beside", "besides", "between", "beyond", "cannot", "could",
    "during", "either", "enough", "especially", "everyone", "everything",
    "except", "further", "having", "herself", "himself", "however", "itself",
    "little", "myself", "neither", "nothing", "others", "otherwise",
    "ourselves", "perhaps", "rather", "really", "should", "something",
    "someone", "themselves", "therefore", "though", "through", "throughout",
    "together", "toward", "towards", "unless", "until", "whatever", "whenever",
    "where", "whereas", "whether", "which", "while", "within", "without",
    "yourself", "according", "reportedly", "allegedly", "apparently",
    "percent", "million", "billion", "thousand", "hundred", "tuesday",
    "monday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
EXCLUDE = re.compile(r"reportedly|allegedly|so-called", re.I)
QUOTE = re.compile(r"[\"“”«»]|(?:^|[\s(\[—–-])['‘]\w")
ATTRIB = re.compile(r"\b(?:said|says|told|according to)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def shorten(s, n=100):
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def plant_hedge(a, b, rng):
    if " said " in b:
        return None
    for i, m in enumerate(WORD.finditer(b)):
        w = m.group(0)
        if i == 0:
            continue
        if w in HEDGE_AUX or (w.islower() and w.endswith("ed") and w not in NOT_PAST):
            return b[: m.start()] + "reportedly " + b[m.start():], "reportedly"
    return None


def whole_word(w):
    return re.compile(r"(?<![\w'’-])" + re.escape(w) + r"(?![\w'’-])")


def plant_scare(a, b, rng):
    seen, cands = set(), []
    for m in re.finditer(r"(?<![\w'’-])[a-z]{6,}(?![\w'’-])", b):
        w = m.group(0)
        if w in seen or w in STOP:
            continue
        seen.add(w)
        if re.search(r"(?<![\w'’-])" + re.escape(w) + r"(?![\w'’-])", a, re.I):
            cands.append(w)
    if not cands:
        return None
    w = rng.choice(cands)
    m = whole_word(w).search(b)
    return b[: m.start()] + '"' + w + '"' + b[m.end():], w


def plant_attribution(a, b, rng):
    if ATTRIB.search(a) or ATTRIB.search(b):
        return None
    s = b.rstrip()
    if not s.endswith(".") or s.endswith(".."):
        return None
    head = s[:-1]
    if re.search(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)\.$", s):
        head = s  # the period belongs to an abbreviation: keep it
    return head + ", officials said." + b[len(s):], "officials"


PLANTERS = {"hedge": plant_hedge, "scare-quote": plant_scare,
            "attribution": plant_attribution}


def parse_docs(text):
    dec, i, docs = json.JSONDecoder(), 0, []
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        d, i = dec.raw_decode(text, i)
        docs.append(d)
    return docs


def run(binary, rows, tmpdir, name):
    path = os.path.join(tmpdir, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    p = subprocess.run([binary, "compare", "--format", "json", path],
                       capture_output=True, text=True)
    os.unlink(path)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        return {"error": p.stderr.strip() or f"exit {p.returncode}"}
    docs = parse_docs(p.stdout)
    return docs[0] if docs else {"error": "no output"}


def norm(s):
    return " ".join(s.split())


def overlaps(claim, sent):
    claim, sent = norm(claim), norm(sent)
    if not claim or not sent:
        return False
    if claim in sent or sent in claim:
        return True
    short, long_ = (claim, sent) if len(claim) <= len(sent) else (sent, claim)
    return any(short[i:i + STRETCH] in long_ for i in range(len(short) - STRETCH + 1))


def load_stop_words():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lexicons",
                        "stopwords.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip() and not w.startswith("#")}
    except OSError:
        return set()


def rough_stem(w):
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def rough_dice(x, y, stop):
    """About the content-word Dice storydiff needs (0.45) before it compares
    the framing of two members of a cluster; the stems here are rougher."""
    def stems(t):
        return {rough_stem(w) for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", t.lower())
                if w not in stop}
    a, b = stems(x), stems(y)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def cue_read(claim, kind, cue):
    for q in claim.get("cues", []):
        if kind == "hedge" and q["kind"] == "hedge" and q["text"].lower() == cue:
            return True
        if kind == "scare-quote" and q["kind"] == "scare-quote" and q["text"].lower() == cue:
            return True
        if (kind == "attribution" and q["kind"] == "attribution"
                and cue in (q.get("source") or "").lower()):
            return True
    return False


def miss_cause(pl, bclusters, stop):
    """Why a plant raised no finding, as far as the JSON output tells."""
    kind, cue = pl["kind"], pl["cue"]
    bclaims = [m for c in bclusters for m in c["claims"]
               if m["outlet"] == pl["bo"] and overlaps(m["text"], pl["b"])]
    if not bclaims:
        return "b's sentence in no cluster"
    carriers = [m for m in bclaims if cue_read(m, kind, cue)]
    if not carriers:
        return "cue not read as planted"
    if kind == "hedge":
        for m in carriers:
            at = m["text"].lower().find("reportedly")
            if any(q["kind"] == "attribution" and 0 <= m["text"].find(q["text"]) <= at
                   for q in m.get("cues", [])):
                return "hedge inside or after an attribution"
    pairs = [(c, m, o) for c in bclusters for m in c["claims"] if m in carriers
             for o in c["claims"] if o["outlet"] == pl["ao"] and overlaps(o["text"], pl["a"])]
    if not pairs:
        return "not aligned"
    framed = []
    for _, m, o in pairs:
        kinds = {q["kind"] for q in o.get("cues", [])}
        if kind == "hedge" and kinds & {"hedge", "attribution", "quote"}:
            framed.append(True)
        elif kind == "attribution" and kinds & {"attribution", "quote"}:
            framed.append(True)
        elif kind == "scare-quote" and any(
                q["kind"] in ("quote", "scare-quote") and cue in q["text"].lower()
                for q in o.get("cues", [])):
            framed.append(True)
        else:
            framed.append(False)
    if all(framed):
        return "a's claim framed too"
    best = max(rough_dice(m["text"], o["text"], stop)
               for (_, m, o), f in zip(pairs, framed) if not f)
    if best < 0.45:
        return "few shared content words"
    return "other"


def cue_findings(doc, outlet, cue):
    cue = cue.lower()
    return [f["message"] for f in doc.get("findings", [])
            if f["kind"] == "framing" and f["message"].startswith(outlet + " ")
            and cue in f["message"].lower()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("gold")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary) if os.sep in args.binary else args.binary

    stories = defaultdict(list)
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                stories[r["story"]].append(r)
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)

    rng = random.Random(args.seed)
    turn = rng.randrange(len(KINDS))
    plants, skipped = [], defaultdict(int)
    for g in gold:
        sid = g["story"]
        rows = stories.get(sid)
        if not rows:
            skipped["story not in corpus"] += len(g["pairs"])
            continue
        for p in g["pairs"]:
            if len(p["a"]["texts"]) != 1 or len(p["b"]["texts"]) != 1:
                skipped["two texts on a side"] += 1
                continue
            a, b = p["a"]["texts"][0], p["b"]["texts"][0]
            bo = p["b"]["outlet"]
            brow = next((i for i, r in enumerate(rows) if r["outlet"] == bo), None)
            if brow is None:
                skipped["outlet not in corpus"] += 1
                continue
            field = ("text" if b in rows[brow]["text"] else
                     "title" if b in rows[brow]["title"] else None)
            if field is None:
                skipped["b not verbatim in its article"] += 1
                continue
            if any(QUOTE.search(s) or EXCLUDE.search(s) for s in (a, b)):
                skipped["quotes or hedge already"] += 1
                continue
            order = [KINDS[(turn + k) % len(KINDS)] for k in range(len(KINDS))]
            turn += 1
            for kind in order:
                got = PLANTERS[kind](a, b, rng)
                if got:
                    break
            else:
                skipped["no place for any kind"] += 1
                continue
            new_b, cue = got
            mod = [dict(r) for r in rows]
            mod[brow][field] = mod[brow][field].replace(b, new_b, 1)
            plants.append({"story": sid, "kind": kind, "cue": cue, "a": a, "b": new_b,
                           "ao": p["a"]["outlet"], "bo": bo, "rows": mod})

    with tempfile.TemporaryDirectory(prefix="framing-perturb-") as tmp, \
            ThreadPoolExecutor(max_workers=JOBS) as pool:
        sids = sorted({pl["story"] for pl in plants})
        base_f = {s: pool.submit(run, binary, stories[s], tmp, f"base{i}")
                  for i, s in enumerate(sids)}
        plant_f = [pool.submit(run, binary, pl["rows"], tmp, f"plant{i}")
                   for i, pl in enumerate(plants)]
        base = {s: f.result() for s, f in base_f.items()}
        outs = [f.result() for f in plant_f]

    stop = load_stop_words()
    errors = 0
    stats = {k: [0, 0, 0, 0] for k in KINDS}  # planted, aligned, caught, caught&aligned
    misses = []
    for pl, doc in zip(plants, outs):
        if "error" in doc or "error" in base[pl["story"]]:
            errors += 1
            print(f"error {pl['story'][:8]} {pl['kind']}: "
                  f"{doc.get('error') or base[pl['story']].get('error')}", file=sys.stderr)
            continue
        new = cue_findings(doc, pl["bo"], pl["cue"])
        old = cue_findings(base[pl["story"]], pl["bo"], pl["cue"])
        caught = len(new) > len(old) or any(new.count(m) > old.count(m) for m in set(new))
        bclusters = [c for c in doc["clusters"]
                     if any(m["outlet"] == pl["bo"] and overlaps(m["text"], pl["b"])
                            for m in c["claims"])]
        aligned = any(any(m["outlet"] == pl["ao"] and overlaps(m["text"], pl["a"])
                          for m in c["claims"]) for c in bclusters)
        st = stats[pl["kind"]]
        st[0] += 1
        st[1] += aligned
        st[2] += caught
        st[3] += caught and aligned
        if not caught:
            misses.append((pl, doc, bclusters, aligned, miss_cause(pl, bclusters, stop)))

    def pct(n, d):
        return f"{100 * n / d:5.1f}%" if d else "    -"

    print(f"framing plants on {len(set(p['story'] for p in plants))} stories, seed {args.seed}")
    if skipped:
        print("pairs skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    if errors:
        print(f"runs failed: {errors}")
    print()
    print(f"{'kind':<12} {'planted':>7} {'aligned':>7} {'caught':>7} "
          f"{'recall (all)':>12} {'recall (aligned)':>16}")
    tot = [0, 0, 0, 0]
    for k in KINDS:
        st = stats[k]
        tot = [x + y for x, y in zip(tot, st)]
        print(f"{k:<12} {st[0]:>7} {st[1]:>7} {st[2]:>7} {pct(st[2], st[0]):>12} "
              f"{pct(st[3], st[1]):>16}")
    print(f"{'all':<12} {tot[0]:>7} {tot[1]:>7} {tot[2]:>7} {pct(tot[2], tot[0]):>12} "
          f"{pct(tot[3], tot[1]):>16}")

    if args.verbose and misses:
        print("\nmissed plants:")
        causes = defaultdict(lambda: defaultdict(int))
        for pl, doc, bclusters, aligned, cause in misses:
            causes[cause][pl["kind"]] += 1
            print(f"\n{pl['story'][:8]} {pl['kind']} ({pl['cue']}) "
                  f"{pl['ao']}->{pl['bo']}, {'aligned' if aligned else 'not aligned'}: {cause}")
            print(f"    {pl['ao']}: {shorten(pl['a'])}")
            print(f"    {pl['bo']}: {shorten(pl['b'])}")
            if not bclusters:
                print("    b's planted sentence is in no cluster")
            for c in bclusters:
                outlets = sorted({m["outlet"] for m in c["claims"]})
                cues = [f"{q['kind']}:{q['text']}" for m in c["claims"]
                        if m["outlet"] == pl["bo"] and overlaps(m["text"], pl["b"])
                        for q in m.get("cues", [])]
                print(f"    cluster {c['id']} ({', '.join(outlets)}); "
                      f"{pl['bo']} cues: {'; '.join(cues) or 'none'}")
                fr = [f["message"] for f in doc["findings"]
                      if f["kind"] == "framing" and f.get("cluster") == c["id"]]
                for m in fr:
                    print(f"        framing: {shorten(m, 140)}")
                if not fr:
                    print("        no framing finding")

        print("\nmisses by cause:")
        for cause, by_kind in sorted(causes.items(), key=lambda kv: -sum(kv[1].values())):
            detail = ", ".join(f"{k} {by_kind[k]}" for k in KINDS if by_kind[k])
            print(f"    {sum(by_kind.values()):>4}  {cause} ({detail})")


if __name__ == "__main__":
    main()
