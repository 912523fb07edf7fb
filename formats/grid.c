/* grid.c: an ASCII-bordered text grid with per-cell colour, for the table writer. */
#include <stdlib.h>
#include <string.h>

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
        g->cells[base + i] = strdup(cells[i] ? cells[i] : "");
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

static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
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
