/* format.c: the writer table, fmt_write, and the --format/--output spec list. */
#include "formats/format.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/safefile.h"

static const struct fmt_writer writers[] = {
    {"table", "human-readable tables (default)", fmt_table_write},
    {"json", "the versioned JSON report (formats/osprey-report.schema.json)", fmt_json_write},
    {"sarif", "SARIF 2.1.0 for GitHub code scanning", fmt_sarif_write},
    {"junit", "JUnit XML for GitLab, Jenkins and other CI test reports", fmt_junit_write},
    {"codequality", "GitLab Code Quality (Code Climate subset) for merge requests", fmt_codequality_write},
    {"asff", "AWS Security Finding Format for Security Hub BatchImportFindings", fmt_asff_write},
    {"html", "one self-contained HTML page: charts, compliance, filterable findings", fmt_html_write},
};
#define N_WRITERS (sizeof(writers) / sizeof(writers[0]))

const struct fmt_writer *fmt_find(const char *name)
{
    for (size_t i = 0; name && i < N_WRITERS; i++)
        if (!strcmp(writers[i].name, name))
            return &writers[i];
    return NULL;
}

const char *fmt_names(void)
{
    return "table, json, sarif, junit, codequality, asff, html";
}

enum osp_code fmt_write(const char *format, const struct res_report *r, const struct fmt_opts *o, FILE *out,
                        struct osp_err *err)
{
    const struct fmt_writer *w = fmt_find(format);
    if (!w)
        return osp_err_set(err, OSP_EUSAGE, "unknown format '%s' (use one of %s)", format ? format : "", fmt_names());
    enum osp_code rc = w->write(r, o, out, err);
    if (rc)
        return rc;
    if (fflush(out) || ferror(out))
        return osp_err_set(err, OSP_EIO, "cannot write the %s report: %s", format, strerror(errno));
    return OSP_OK;
}

static enum osp_code push(struct fmt_specs *s, const char *format, size_t flen, const char *path, struct osp_err *err)
{
    struct fmt_spec *v = realloc(s->v, (s->n + 1) * sizeof(*v));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    s->v = v;
    v[s->n].format = strndup(format, flen);
    v[s->n].path = path ? strdup(path) : NULL;
    if (!v[s->n].format || (path && !v[s->n].path)) {
        free(v[s->n].format);
        free(v[s->n].path);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    s->n++;
    return OSP_OK;
}

enum osp_code fmt_specs_add(struct fmt_specs *s, const char *arg, struct osp_err *err)
{
    const char *eq = strchr(arg, '=');
    size_t flen = eq ? (size_t)(eq - arg) : strlen(arg);
    char name[32];
    if (flen >= sizeof(name))
        flen = sizeof(name) - 1;
    memcpy(name, arg, flen);
    name[flen] = '\0';
    if (!fmt_find(name))
        return osp_err_set(err, OSP_EUSAGE, "unknown format '%s' in --format %s (use one of %s, optionally =PATH)",
                           name, arg, fmt_names());
    if (eq && !eq[1])
        return osp_err_set(err, OSP_EUSAGE, "empty path in --format %s (use --format %s=PATH, or no '=' for stdout)",
                           arg, name);
    for (size_t i = 0; i < s->n; i++)
        if (eq && s->v[i].path && !strcmp(s->v[i].path, eq + 1))
            return osp_err_set(err, OSP_EUSAGE, "two formats write to %s (give each --format its own path)", eq + 1);
    return push(s, arg, flen, eq ? eq + 1 : NULL, err);
}

enum osp_code fmt_specs_finish(struct fmt_specs *s, const char *output, struct osp_err *err)
{
    enum osp_code rc;
    if (!s->n && (rc = push(s, "table", 5, NULL, err)))
        return rc;
    size_t on_stdout = 0, last = 0;
    for (size_t i = 0; i < s->n; i++)
        if (!s->v[i].path) {
            on_stdout++;
            last = i;
        }
    if (output && *output) {
        if (on_stdout != 1)
            return osp_err_set(err, OSP_EUSAGE,
                               on_stdout ? "--output %s with several formats (use --format FORMAT=PATH for each)"
                                         : "--output %s but every --format already has a path (drop --output)",
                               output);
        if (!(s->v[last].path = strdup(output)))
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
        return OSP_OK;
    }
    if (on_stdout > 1)
        return osp_err_set(err, OSP_EUSAGE,
                           "%zu formats would write to stdout (give all but one a path: --format FORMAT=PATH)",
                           on_stdout);
    return OSP_OK;
}

void fmt_specs_free(struct fmt_specs *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].format);
        free(s->v[i].path);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

int fmt_color_wanted(const struct osp_ctx *ctx, FILE *f)
{
    if (!f || !isatty(fileno(f)))
        return 0;
    return ctx ? osp_getenv_nonempty(ctx, "NO_COLOR") == NULL : 0;
}

static size_t env_size(const struct osp_ctx *ctx, const char *name, int *given)
{
    const char *v = ctx ? osp_getenv_nonempty(ctx, name) : NULL;
    char *end;
    unsigned long n = v ? strtoul(v, &end, 10) : 0;
    *given = v && *v >= '0' && *v <= '9' && !*end && n < 100000;
    return *given ? (size_t)n : 0;
}

void fmt_term_size(const struct osp_ctx *ctx, FILE *f, size_t *height, size_t *width)
{
    int hgiven, wgiven;
    *height = env_size(ctx, "LINES", &hgiven);
    *width = env_size(ctx, "COLUMNS", &wgiven);
    struct winsize ws;
    if ((hgiven && wgiven) || !f || !isatty(fileno(f)) || ioctl(fileno(f), TIOCGWINSZ, &ws))
        return;
    if (!hgiven)
        *height = ws.ws_row;
    if (!wgiven)
        *width = ws.ws_col;
}

/* Written like the artifact (core/safefile.h): a random temp name beside the target, the replaced
 * file's mode or 0600, fsync, rename; a FIFO, device or directory at the target is refused. */
static enum osp_code write_file(const struct fmt_spec *sp, const struct res_report *r, const struct fmt_opts *o,
                                struct osp_err *err)
{
    struct osp_safefile sf;
    if (osp_safefile_open(sp->path, &sf, err))
        return err->code;
    struct fmt_opts fo = *o;
    fo.color = 0;
    fo.height = fo.width = 0;
    fo.next_hint = 0;
    enum osp_code rc = fmt_write(sp->format, r, &fo, sf.f, err);
    if (rc) {
        osp_safefile_abort(&sf);
        return rc;
    }
    return osp_safefile_commit(&sf, err);
}

enum osp_code fmt_write_all(const struct fmt_specs *s, const struct res_report *r, const struct fmt_opts *o,
                            struct osp_err *err)
{
    for (size_t i = 0; i < s->n; i++) {
        enum osp_code rc;
        if (s->v[i].path) {
            rc = write_file(&s->v[i], r, o, err);
        } else {
            struct fmt_opts so = *o;
            so.color = fmt_color_wanted(o->ctx, stdout);
            fmt_term_size(o->ctx, stdout, &so.height, &so.width);
            rc = fmt_write(s->v[i].format, r, &so, stdout, err);
        }
        if (rc)
            return rc;
    }
    return OSP_OK;
}
