#ifndef VOICES_CZLIB_SHIM_H
#define VOICES_CZLIB_SHIM_H
/* The C boundary to zlib (Debian: zlib1g-dev): gzip members of WARC files and
   gzip/deflate HTTP bodies. inflateInit2 and deflateInit2 are macros in zlib.h, so the
   shim wraps them in functions Swift can call. */
#include <zlib.h>

/* windowBits: 15 + 16 reads one gzip member; 15 + 32 a gzip or zlib stream; -15 raw deflate. */
static inline int voices_inflate_init(z_streamp s, int windowBits) {
    return inflateInit2(s, windowBits);
}

/* A gzip writer (used by the tests and the benchmark to build WARC files). */
static inline int voices_deflate_init_gzip(z_streamp s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
