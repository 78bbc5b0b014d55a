// bench/scan.c: the floor under Core's speed. Reads a file, splits it into words (runs of
// ASCII letters and digits; any byte from 0x80 joins a word, as a letter outside ASCII
// would) and looks every word up, capitals folded, in an open-addressing table of the
// words seen so far, adding the new ones: the least any tokenizer with a lexicon does, and
// nothing of what Voices does after (sentences, quotations, names, cues, output). Prints the
// number of words, of distinct words and a checksum (so that no step can be optimised away).
//
//   cc -O2 -o scan bench/scan.c && ./scan FILE
//
// bench/run times it beside `wc -w` and `voices --json` on the same file: the issue's
// "physical limit" measured on this machine, not recalled.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint64_t hash; uint32_t start, length; } Slot;

static unsigned char *text;
static Slot *slots;
static size_t mask, used;

static int is_word_byte(unsigned char b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

static unsigned char fold(unsigned char b) { return (b >= 'A' && b <= 'Z') ? b | 0x20 : b; }

static int same(const Slot *s, size_t start, size_t length) {
    if (s->length != length) return 0;
    for (size_t k = 0; k < length; k++)
        if (fold(text[s->start + k]) != fold(text[start + k])) return 0;
    return 1;
}

static void grow(void) {
    size_t n = (mask + 1) * 2;
    Slot *bigger = calloc(n, sizeof(Slot));
    if (!bigger) { perror("scan"); exit(1); }
    for (size_t k = 0; k <= mask; k++) {
        if (!slots[k].length) continue;
        size_t i = slots[k].hash & (n - 1);
        while (bigger[i].length) i = (i + 1) & (n - 1);
        bigger[i] = slots[k];
    }
    free(slots);
    slots = bigger;
    mask = n - 1;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: scan FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc(size > 0 ? (size_t)size : 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) { perror(argv[1]); return 1; }
    fclose(f);
    mask = 65535;
    slots = calloc(mask + 1, sizeof(Slot));
    size_t words = 0;
    uint64_t checksum = 0;
    for (size_t i = 0; i < (size_t)size;) {
        if (!is_word_byte(text[i])) { i++; continue; }
        size_t start = i;
        uint64_t h = 0xcbf29ce484222325ULL;
        while (i < (size_t)size && is_word_byte(text[i])) { h = (h ^ fold(text[i])) * 0x100000001b3ULL; i++; }
        size_t length = i - start;
        size_t k = h & mask;
        while (slots[k].length && !(slots[k].hash == h && same(&slots[k], start, length))) k = (k + 1) & mask;
        if (!slots[k].length) {
            slots[k] = (Slot){h, (uint32_t)start, (uint32_t)length};
            if (++used * 4 > (mask + 1) * 3) grow();
        }
        words++;
        checksum += k;
    }
    printf("%zu words, %zu distinct, checksum %llu\n", words, used, (unsigned long long)checksum);
    return 0;
}
