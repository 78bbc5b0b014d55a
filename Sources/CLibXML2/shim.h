#ifndef VOICES_CLIBXML2_SHIM_H
#define VOICES_CLIBXML2_SHIM_H
/* The C boundary to libxml2's HTML parser (Debian: libxml2-dev). The include path
   /usr/include/libxml2 comes from pkg-config (libxml-2.0), so no unsafe flags. */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
