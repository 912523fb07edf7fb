/* grid.c: an ASCII-bordered text grid with per-cell colour, for the table writer. Columns are
 * measured in terminal cells (wcwidth), so CJK names (2 cells) and combining marks (0) line up. */
#define _GNU_SOURCE /* newlocale/uselocale */
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "formats/fmt_int.h"

void fmt_grid_init(struct fmt_grid *g, size_t ncols, const char *const *headers, const int *right)
{
    memset(g, 0, sizeof(*g));
    g->ncols = ncols;
    g->headers = headers;
    g->right = right;
}

int fmt_grid_row(struct fmt_grid *g, const char *const *cells, const char *const *colors)
{
    if (g->nrows == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 16;
        char **c = realloc(g->cells, nc * g->ncols * sizeof(*c));
        if (!c)
            return -1;
        g->cells = c;
        const char **k = realloc(g->colors, nc * g->ncols * sizeof(*k));
        if (!k)
            return -1;
        g->colors = k;
        g->cap = nc;
    }
    size_t base = g->nrows * g->ncols;
    for (size_t i = 0; i < g->ncols; i++) {
        /* a cell is one line of text: CR, LF, tabs and escape sequences are shown escaped */
        g->cells[base + i] = osp_escape_controls(cells[i] ? cells[i] : "");
        g->colors[base + i] = colors ? colors[i] : NULL;
        if (!g->cells[base + i]) {
            for (size_t k = 0; k < i; k++)
                free(g->cells[base + k]);
            return -1;
        }
    }
    g->nrows++;
    return 0;
}

/* The process runs in the "C" locale (main.c) so that output never depends on the user's; display
 * widths are measured under C.UTF-8 (built into glibc), whatever LANG says. */
static locale_t utf8_locale;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void utf8_init(void)
{
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* Terminal cells of a UTF-8 string: wcwidth per code point; a byte that is not valid UTF-8 and
 * a non-printable code point count 1. Without a UTF-8 locale: one cell per code point. */
/* Walk s measuring terminal cells; stop before the character that would pass max_cols. Returns the
 * bytes walked; *cols (optional) gets their width. */
static size_t measure(const char *s, size_t max_cols, size_t *cols)
{
    pthread_once(&utf8_once, utf8_init);
    size_t n = 0, len = strlen(s), at = 0;
    locale_t old = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    while (at < len) {
        wchar_t wc;
        size_t k = 1, w = 1;
        if (!utf8_locale) {
            while (at + k < len && ((unsigned char)s[at + k] & 0xC0) == 0x80)
                k++;
        } else {
            k = mbrtowc(&wc, s + at, len - at, &st);
            if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
                memset(&st, 0, sizeof(st));
                k = 1;
            } else {
                int cw = wcwidth(wc);
                w = cw < 0 ? 1 : (size_t)cw;
            }
        }
        if (n + w > max_cols)
            break;
        n += w;
        at += k;
    }
    if (utf8_locale)
        uselocale(old);
    if (cols)
        *cols = n;
    return at;
}

size_t fmt_display_width(const char *s)
{
    size_t cols;
    measure(s, (size_t)-1, &cols);
    return cols;
}

size_t fmt_display_prefix(const char *s, size_t max_cols)
{
    return measure(s, max_cols, NULL);
}

static size_t width(const char *s)
{
    return fmt_display_width(s);
}

static void rule(const size_t *w, size_t ncols, FILE *out)
{
    for (size_t c = 0; c < ncols; c++) {
        fputc('+', out);
        for (size_t i = 0; i < w[c] + 2; i++)
            fputc('-', out);
    }
    fputs("+\n", out);
}

static void line(const struct fmt_grid *g, const size_t *w, const char *const *cells, const char *const *colors,
                 FILE *out, int color)
{
    for (size_t c = 0; c < g->ncols; c++) {
        size_t pad = w[c] - width(cells[c]);
        int right = g->right && g->right[c];
        fputs("| ", out);
        if (right)
            fprintf(out, "%*s", (int)pad, "");
        if (color && colors && colors[c])
            fprintf(out, "%s%s\033[0m", colors[c], cells[c]);
        else
            fputs(cells[c], out);
        if (!right)
            fprintf(out, "%*s", (int)pad, "");
        fputc(' ', out);
    }
    fputs("|\n", out);
}

void fmt_grid_print(const struct fmt_grid *g, FILE *out, int color)
{
    size_t w[16] = {0};
    size_t ncols = g->ncols < 16 ? g->ncols : 16;
    for (size_t c = 0; c < ncols; c++) {
        w[c] = width(g->headers[c]);
        for (size_t r = 0; r < g->nrows; r++) {
            size_t x = width(g->cells[r * g->ncols + c]);
            if (x > w[c])
                w[c] = x;
        }
    }
    rule(w, ncols, out);
    line(g, w, g->headers, NULL, out, color);
    rule(w, ncols, out);
    for (size_t r = 0; r < g->nrows; r++)
        line(g, w, (const char *const *)&g->cells[r * g->ncols], &g->colors[r * g->ncols], out, color);
    rule(w, ncols, out);
}

void fmt_grid_free(struct fmt_grid *g)
{
    for (size_t i = 0; i < g->nrows * g->ncols; i++)
        free(g->cells[i]);
    free(g->cells);
    free(g->colors);
    memset(g, 0, sizeof(*g));
}
