#ifndef VOICES_CCMARKGFM_SHIM_H
#define VOICES_CCMARKGFM_SHIM_H
/* The C boundary to cmark-gfm, the reference CommonMark parser with GitHub's extensions
   (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev). Headers in /usr/include. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
