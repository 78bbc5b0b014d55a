#!/usr/bin/env python3
"""Writes a WARC file of generated news pages (our own text) to PATH until it holds about
SIZE_MB of uncompressed WARC, gzipped one member per record as crawlers write them.

Each page is sized like a real news page (about 80 KB: a head with inline scripts and
styles, navigation, an article of about 900 words with quotations, related links, a
footer) and is written as a crawler writes it: request, response (HTTP 200), metadata;
every 20th response is a redirect and every 25th an image, as in a crawl.
Usage: gen-warc.py PATH SIZE_MB [--plain]   (prints: pages records bytes)
"""
import gzip, random, sys, uuid

path, size_mb = sys.argv[1], float(sys.argv[2])
plain = "--plain" in sys.argv
rng = random.Random(11)
first = ["Ana", "Tomas", "Priya", "Helen", "Daniel", "Amira", "Peter", "Ines", "Marc", "Li", "Kwame", "Sofia"]
last = ["Ruiz", "Kerr", "Nandakumar", "Okafor", "Reyes", "Haddad", "Lindqvist", "Albrecht", "Delage", "Wei", "Mensah", "Costa"]
roles = ["the mayor", "a spokeswoman for the ministry", "the head of the ferry union", "the county engineer", "an economist"]
verbs = ["said", "told reporters", "added", "warned", "argued", "insisted"]
clauses = ["we will not back down", "the plan has no money behind it", "nobody asked the people who ride it",
           "the talks would resume on Monday", "repairs would cost more than the roads budget",
           "the bridge is safe for another two winters", "the figures were published too late", "the vote was rushed"]
filler = ["The council met for three hours on Tuesday.", "Repairs began in 1998 and stopped in 2011.",
          "Turnout was 61.5 per cent, up from 48 per cent.", "The ferry carries about 1,200 people a day.",
          "It wasn't the first time the pier's future was in doubt.", "The report runs to 212 pages."]


def person():
    return f"{rng.choice(first)} {rng.choice(last)}"


def paragraph():
    p, r = person(), rng.choice(roles)
    kind = rng.randrange(4)
    if kind == 0:
        s = f"\u201c{rng.choice(clauses).capitalize()}, and {rng.choice(clauses)},\u201d {rng.choice(verbs)} {p}, {r}."
    elif kind == 1:
        s = f"{p}, {r}, {rng.choice(verbs)} that {rng.choice(clauses)}."
    elif kind == 2:
        s = f"{p} called the decision \u201c{rng.choice(clauses)}\u201d in a statement."
    else:
        s = f"\u201c{rng.choice(clauses).capitalize()}.\u201d That was the view of {p}, {r}."
    return " ".join([rng.choice(filler), s, rng.choice(filler), rng.choice(filler)])


script = "".join(f"window.__cfg{i}={{id:{i},slot:'ad-{i}',sizes:[[300,250],[728,90]],lazy:true}};\n" for i in range(600))
style = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i % 999:03d}}}\n" for i in range(500))
nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
related = "".join(f'<li><a href="/story/{i}">Another story about the harbour, number {i}</a></li>' for i in range(40))
templates = []
for t in range(200):
    body = "\n".join(f"<p>{paragraph()}</p>" for _ in range(28))
    templates.append(f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {{n}} | The Coast Courier</title>
<style>{style}</style><script>{script}</script></head><body><header><ul class="nav">{nav}</ul></header>
<main><article><h1>Harbour story {{n}}: the council decides</h1><p class="byline">By {person()}</p>
{body}</article><aside><ul class="related">{related}</ul></aside></main><footer>&copy; The Coast Courier</footer></body></html>""")

serial = 0


def record(wtype, uri, block, ctype):
    global serial
    serial += 1
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=serial)}>\r\n"
            f"WARC-Date: 2025-06-01T10:{serial // 60 % 60:02d}:{serial % 60:02d}Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http(status, ctype, body):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


limit = int(size_mb * 1e6)
written = pages = records = 0
with open(path, "wb") as f:
    n = 0
    while written < limit:
        n += 1
        uri = f"https://example.net/news/{n}"
        recs = [record("request", uri, b"GET /news HTTP/1.1\r\nHost: example.net\r\n\r\n", "application/http; msgtype=request")]
        if n % 20 == 0:
            recs.append(record("response", uri, http("301 Moved Permanently", "text/html", b""), "application/http; msgtype=response"))
        elif n % 25 == 0:
            recs.append(record("response", uri, http("200 OK", "image/jpeg", bytes(rng.randrange(256) for _ in range(20000))), "application/http; msgtype=response"))
        else:
            html = templates[n % len(templates)].replace("{n}", str(n)).encode()
            recs.append(record("response", uri, http("200 OK", "text/html; charset=utf-8", html), "application/http; msgtype=response"))
            pages += 1
        recs.append(record("metadata", uri, b"fetchTimeMs: 120\r\n", "application/warc-fields"))
        for r in recs:
            written += len(r)
            records += 1
            f.write(r if plain else gzip.compress(r, compresslevel=6, mtime=0))
print(pages, records, written)
