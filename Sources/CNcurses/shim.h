#ifndef VOICES_CNCURSES_SHIM_H
#define VOICES_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so ask for the wide API ourselves. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* glibc hides wcwidth unless __USE_XOPEN. */
extern int wcwidth(wchar_t);

#endif
