#ifndef VOICES_CLIBXML2_SHIM_H
#define VOICES_CLIBXML2_SHIM_H
/* The C boundary to libxml2's HTML parser (Debian: libxml2-dev). The include path
   /usr/include/libxml2 comes from pkg-config (libxml-2.0), so no unsafe flags. */
/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers,
   whose UErrorCode clashes with Foundation's own copy of ICU in any module that imports
   both (the test targets): a clean build fails there. Voices never touches the ICU parts
   (the encoding handler's converter fields), so the shim reads libxml2 without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* libxml2 writes some errors (encoder errors on binary input) to stderr even with
   HTML_PARSE_NOERROR; this handler, set per thread before each parse, drops them. */
static void voices_xml_ignore(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void voices_xml_silence(void) { xmlSetGenericErrorFunc(NULL, voices_xml_ignore); }

/* xmlFree is a global function pointer, which Swift 6 will not read from several threads. */
static inline void voices_xml_free(void *p) { xmlFree(p); }

#endif
