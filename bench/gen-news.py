#!/usr/bin/env python3
"""Writes SIZE bytes of generated news-like English text to stdout (deterministic by seed).

Paragraphs of varied sentences: direct quotes with speech verbs before and after, partial
quotes, reported speech, names with titles, pronouns, curly and straight marks, a
multi-paragraph quotation now and then, apostrophes, abbreviations and numbers. Our own
text: no published article is copied.  Usage: gen-news.py SIZE_BYTES [SEED]
"""
import random, sys

size = int(sys.argv[1]); rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
first = ["Ana", "Tomas", "Priya", "Helen", "Daniel", "Amira", "Peter", "Ines", "Marc", "Li", "Kwame", "Sofia", "Jonas", "Yuki", "Omar", "Grace"]
last = ["Ruiz", "Kerr", "Nandakumar", "Okafor", "Reyes", "Haddad", "Lindqvist", "Albrecht", "Delage", "Wei", "Mensah", "Costa", "Berg", "Tanaka", "Farouk", "Obi"]
titles = ["Mayor", "Councillor", "Minister", "Dr.", "Prof.", "Senator", "Judge", "Chief Inspector", "Ms", "Mr."]
roles = ["a spokeswoman for the ministry", "the head of the ferry union", "a nurse who rides the early boat",
         "the county engineer", "an economist at the regional bank", "the party's deputy leader"]
orgs = ["the Kremlin", "the council", "the ministry", "the White House", "the union", "the regional court"]
verbs = ["said", "told reporters", "added", "warned", "argued", "insisted", "explained", "wrote", "noted", "claimed"]
clauses = ["we will not back down", "the plan has no money behind it", "nobody asked the people who ride it",
           "the talks would resume on Monday", "repairs would cost more than the roads budget",
           "this is not how summit meetings are arranged", "the bridge is safe for another two winters",
           "the figures were published too late", "it is the way to work for thousands",
           "the vote was rushed", "an unprepared meeting is worse than none", "the U.S. position had not changed"]
nouns = ["a show", "painful but unavoidable", "a surrender", "peace plan", "emergency fund", "no plans",
         "quietly running the service into the ground", "a postcard view", "over", "rescue plan"]
filler = ["The council met for three hours on Tuesday.", "Repairs began in 1998 and stopped in 2011.",
          "Turnout was 61.5 per cent, up from 48 per cent.", "The ferry carries about 1,200 people a day.",
          "It wasn't the first time the pier's future was in doubt.", "Shares fell 3% in early trading.",
          "The report runs to 212 pages.", "Officials in the ’90s had made similar promises.",
          "Traffic on the A4 was diverted at 6:40 a.m.", "Nobody has been charged."]

def name():
    return rng.choice(first) + " " + rng.choice(last)
def q(s):
    return ("“%s”" if rng.random() < 0.7 else '"%s"') % s
def cap(s):
    return s[0].upper() + s[1:]
def sentence():
    r = rng.random(); c = rng.choice(clauses); v = rng.choice(verbs)
    if r < 0.18: return q(cap(c) + ",") + " " + v + " " + rng.choice(titles) + " " + name() + "."
    if r < 0.30: return q(cap(c) + ",") + " " + rng.choice(["he", "she", "they"]) + " " + v + ". " + q(cap(rng.choice(clauses)) + ".")
    if r < 0.40: return name() + ", " + rng.choice(roles) + ", " + v + ": " + q(cap(c) + ".")
    if r < 0.52: return name() + " called the decision " + q(rng.choice(nouns)) + "."
    if r < 0.64: return cap(rng.choice(orgs)) + " " + v + " that " + c + "."
    if r < 0.70: return "According to " + name() + ", " + c + "."
    if r < 0.74: return "The so-called " + q(rng.choice(nouns)) + " was never costed, " + rng.choice(last) + " said."
    return rng.choice(filler)

out = []; n = 0
headline = "Harbour Towns Argue Over the Future of Their Ferries\n\n"
out.append(headline); n += len(headline.encode())
while n < size:
    if rng.random() < 0.04:
        p = "“" + cap(rng.choice(clauses)) + ". " + cap(rng.choice(clauses)) + ".\n\n“" + cap(rng.choice(clauses)) + ",” " + name() + " said.\n\n"
    else:
        p = " ".join(sentence() for _ in range(rng.randint(1, 4))) + "\n\n"
    b = p.encode(); out.append(p); n += len(b)
data = "".join(out).encode()[:size]
# Cut at a paragraph end so the last character is whole.
cut = data.rfind(b"\n\n")
sys.stdout.buffer.write(data[:cut + 2] if cut > 0 else data)
