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

/* Globals and macros Swift 6 cannot import (or rejects as not concurrency-safe). */
static inline WINDOW *voices_stdscr(void) { return stdscr; }
static inline int voices_lines(void) { return LINES; }
static inline int voices_cols(void) { return COLS; }
static inline int voices_colors(void) { return COLORS; }
static inline int voices_color_pairs(void) { return COLOR_PAIRS; }
static inline int voices_maxy(WINDOW *w) { return getmaxy(w); }
static inline int voices_maxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t voices_a_normal(void) { return A_NORMAL; }
static inline attr_t voices_a_bold(void) { return A_BOLD; }
static inline attr_t voices_a_dim(void) { return A_DIM; }
static inline attr_t voices_a_reverse(void) { return A_REVERSE; }
static inline attr_t voices_a_underline(void) { return A_UNDERLINE; }
static inline attr_t voices_a_italic(void) { return A_ITALIC; }

static inline mmask_t voices_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t voices_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t voices_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t voices_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t voices_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t voices_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Whether the terminal type can move the cursor (TERM=dumb cannot: the reader needs it). */
static inline int voices_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* Builds a cchar_t from up to 5 wide characters (a grapheme cluster) and draws it at y, x. */
static inline int voices_put_cell(WINDOW *w, int y, int x, const wchar_t *wcs, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wcs, attrs, pair, NULL) != OK) {
        wchar_t q[2] = { L'?', 0 };
        setcchar(&c, q, attrs, pair, NULL);
    }
    return mvwadd_wch(w, y, x, &c);
}

#endif
