#!/usr/bin/env python3
"""Writes small WARC files of our own news pages for the Spark test: each file holds
warcinfo, request/response/metadata per page (some in windows-1252 declared only in the
HTTP header), a redirect and an image; gzipped one member per record (.warc.gz) or plain."""
import gzip
import sys
import uuid

PEOPLE = [("Helen Okafor", "Mayor"), ("Daniel Reyes", "chairman of the riders' group"),
          ("Amira Haddad", "a nurse"), ("Peter Lindqvist", "Councillor"), ("Marta Silva", "the harbour master")]


def page(n):
    a, ra = PEOPLE[n % 5]
    b, rb = PEOPLE[(n + 2) % 5]
    return f"""<!doctype html><html><head><title>Report {n} | The Coast Courier</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Night buses {n}: the council's plan</h1>
<p>The council agreed on Monday to cut three night bus routes in district {n}, saving money but leaving late-shift workers without a ride home.</p>
<p>\u201cWe had to find savings somewhere, and this was the least painful place,\u201d said {a}, {ra}. \u201cNobody likes it.\u201d</p>
<p>{b}, {rb}, called the cut \u201ca decision made by people who drive to work.\u201d</p>
<p>\u201cCaf\u00e9 staff, cleaners and nurses will walk,\u201d {b} said.</p></article></body></html>"""


def record(wtype, uri, block, ctype):
    rid = f"<urn:uuid:{uuid.UUID(int=record.serial)}>"
    record.serial += 1
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: {rid}\r\nWARC-Date: 2025-06-0{1 + record.serial % 9}T10:00:00Z\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


record.serial = 1


def http(status, ctype, body, extra=""):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}Content-Length: {len(body)}\r\n\r\n".encode() + body


def warc(first, count):
    recs = [record("warcinfo", None, b"software: voices-spark-test\r\n", "application/warc-fields")]
    for n in range(first, first + count):
        uri = f"https://example.net/news/{n}"
        recs.append(record("request", uri, b"GET / HTTP/1.1\r\nHost: example.net\r\n\r\n", "application/http; msgtype=request"))
        if n % 3 == 0:
            body = page(n).encode("windows-1252", errors="replace")
            recs.append(record("response", uri, http("200 OK", "text/html; charset=windows-1252", body), "application/http; msgtype=response"))
        else:
            recs.append(record("response", uri, http("200 OK", "text/html; charset=utf-8", page(n).encode()), "application/http; msgtype=response"))
        recs.append(record("metadata", uri, b"fetchTimeMs: 80\r\n", "application/warc-fields"))
    recs.append(record("response", "https://example.net/old", http("301 Moved Permanently", "text/html", b"", "Location: /news\r\n"),
                       "application/http; msgtype=response"))
    recs.append(record("response", "https://example.net/logo.png", http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
                       "application/http; msgtype=response"))
    return recs


def main(folder, files=4, pages=5):
    paths = []
    for k in range(files):
        recs = warc(k * pages, pages)
        if k % 2 == 0:
            path = f"{folder}/crawl-{k}.warc.gz"
            with open(path, "wb") as f:
                for r in recs:
                    f.write(gzip.compress(r, mtime=0))
        else:
            path = f"{folder}/crawl-{k}.warc"
            with open(path, "wb") as f:
                f.write(b"".join(recs))
        paths.append(path)
    print("\n".join(paths))


if __name__ == "__main__":
    main(sys.argv[1])
