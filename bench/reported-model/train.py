#!/usr/bin/env python3
"""Train the reported-clause filter (Sources/Core/Attribution/ReportedClauseWeights.swift).

Usage: bench/reported-model/train.py [--voices .build/release/voices] [--folds 5] [--write]

Runs `voices --reported-candidates` on every article of ../shared/eval/polnear-train (never
polnear-dev, which stays the check), labels each candidate clause with the shared scorer's
own overlap test (a candidate is right when it covers, or is mostly covered by, an annotated
reported-speech item), fits an L2-regularised logistic regression by Newton's method
(deterministic: no sampling, articles in sorted order), prints k-fold cross-validated
figures (folds by article) and, with --write, writes the weights as Swift data.

Needs numpy (training only; the weights are committed, nothing is trained at run time).
"""
import argparse, concurrent.futures, glob, importlib.util, json, os, subprocess, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
OUT = os.path.join(ROOT, "Sources/Core/Attribution/ReportedClauseWeights.swift")
MIN_COUNT = 3      # features seen fewer times are left out
L2 = float(os.environ.get("REPORTED_L2", "2.0"))  # ridge penalty on every weight but the bias


def scorer():
    spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval/score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def candidates(voices, txt):
    out = subprocess.run([voices, "--reported-candidates", txt], capture_output=True, check=True).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def load(voices, folder, S):
    files = sorted(glob.glob(os.path.join(folder, "*.txt")))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        cands = list(pool.map(lambda f: candidates(voices, f), files))
    rows = []
    expected = 0
    for art, (f, cs) in enumerate(zip(files, cands)):
        raw = open(f, "rb").read()
        exp = json.load(open(f[:-4] + ".expected.json", encoding="utf-8"))
        etexts = [S.norm(e["text"]) for e in exp.get("indirect", [])]
        expected += len(etexts)
        for c in cs:
            p = S.norm(raw[c["start"]:c["end"]].decode("utf-8", "replace"))
            hits = [i for i, e in enumerate(etexts) if S.overlaps(p, e) or S.overlaps(e, p)]
            found = [i for i, e in enumerate(etexts) if S.overlaps(p, e)]
            rows.append({"art": art, "features": c["features"], "hit": bool(hits), "found": found})
    return rows, len(files), expected


def design(rows, vocab):
    X = np.zeros((len(rows), len(vocab) + 1))
    X[:, 0] = 1.0
    for i, r in enumerate(rows):
        for f in r["features"]:
            j = vocab.get(f)
            if j is not None:
                X[i, j + 1] = 1.0
    return X


def fit(X, y, l2=L2, iters=30):
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w)))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def vocabulary(rows):
    counts = {}
    for r in rows:
        for f in r["features"]:
            counts[f] = counts.get(f, 0) + 1
    return {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def figures(rows, prob, threshold):
    kept = [r for r, p in zip(rows, prob) if p >= threshold]
    hit = sum(r["hit"] for r in kept)
    found = {(r["art"], i) for r in kept for i in r["found"]}
    return len(kept), hit, len(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--voices", default=os.path.join(ROOT, ".build/release/voices"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=0.5,
                    help="keep candidates with p ≥ this (default 0.5: a clause is kept when the model finds it more likely a report than not)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    S = scorer()
    rows, n, expected = load(args.voices, os.path.join(SHARED, "eval/polnear-train"), S)
    y = np.array([r["hit"] for r in rows], dtype=float)
    # k-fold cross-validation by article: each article's candidates are scored by a model
    # that never saw that article.
    cv = np.zeros(len(rows))
    for k in range(args.folds):
        train = [i for i, r in enumerate(rows) if r["art"] % args.folds != k]
        test = [i for i, r in enumerate(rows) if r["art"] % args.folds == k]
        vocab = vocabulary([rows[i] for i in train])
        w = fit(design([rows[i] for i in train], vocab), y[train])
        cv[test] = 1 / (1 + np.exp(-(design([rows[i] for i in test], vocab) @ w)))
    total, hits, found = figures(rows, np.ones(len(rows)), 0)
    print(f"train: {n} articles, {expected} annotated reported-speech items; {total} candidates, {hits} right "
          f"(precision {hits / total:.3f}), {found} items found (recall bound {found / expected:.3f})")
    print("threshold  kept  right  precision  found  recall-bound  (5-fold cross-validated)")
    for t in [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]:
        kept, hit, fnd = figures(rows, cv, t)
        print(f"{t:9.2f} {kept:5d} {hit:6d} {hit / kept:10.3f} {fnd:6d} {fnd / expected:13.3f}")
    threshold = args.threshold
    vocab = vocabulary(rows)
    w = fit(design(rows, vocab), y)
    print(f"threshold {threshold}, {len(vocab)} features")
    if args.write:
        write(w, vocab, threshold)


# The families of named features ("lemma=say", "path|form=that|ing") and the Swift table
# each is written to; a feature with no "=" is a flag. The filter looks the weights up by
# value ("say"), never by a name made per candidate.
FAMILIES = [("path", "path"), ("lemma", "lemma"), ("cue", "cue"), ("form", "form"), ("path|form", "pathForm"),
            ("subj", "subject"), ("head", "head"), ("entity", "entity"), ("prev", "previous"), ("next", "next"),
            ("first", "first"), ("path|verb", "pathVerb"), ("lemma|verb", "lemmaVerb"), ("len", "length")]


def write(w, vocab, threshold):
    tables = {name: [] for _, name in FAMILIES}
    tables["flags"] = []
    family = dict(FAMILIES)
    for f, j in sorted(vocab.items(), key=lambda kv: kv[1]):
        if abs(w[j + 1]) < 0.005:
            continue
        fam, eq, value = f.partition("=")
        if not eq:
            fam, value = "flags", f
        tables[family.get(fam, "flags") if eq else "flags"].append((value if eq else f, w[j + 1]))
    lines = [f"    static let bias = {w[0]:.4f}", f"    static let threshold = {threshold}"]
    for name in ["flags"] + [n for _, n in FAMILIES]:
        lines.append(f"    static let {name}: [String: Double] = [")
        for key, value in tables[name]:
            lines.append(f"        {json.dumps(key, ensure_ascii=False)}: {value:.4f},")
        if not tables[name]:
            lines[-1] = lines[-1][:-1] + ":]"
        else:
            lines.append("    ]")
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("// Generated by bench/reported-model/train.py from polnear-train only; do not edit by hand.\n"
                 "// Logistic-regression weights of the reported-clause filter (ReportedClauseFilter), by family:\n"
                 "// `lemma[\"say\"]` is the weight of the feature \"lemma=say\"; `flags` hold the features with no value.\n"
                 "enum ReportedClauseWeights {\n" + "\n".join(lines) + "\n}\n")
    print("wrote", OUT)

if __name__ == "__main__":
    sys.exit(main())
