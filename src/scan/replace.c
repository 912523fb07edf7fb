/* replace.c: which built-in modules join the user's (library replacement).
 *
 * The rule (README "Library replacement"):
 * 1. a user module whose package equals a built-in module's package replaces that package: no
 *    built-in module of that package is loaded (with SCAN_BI_NO_LIB, every checks/lib package
 *    counts as replaced);
 * 2. a built-in module that imports a replaced package (directly or through another built-in
 *    module left out) is loaded against the user's version only if everything then compiles;
 *    when the compile fails in such a module, it is left out too and the test repeats.
 * Built-in checks left out are warned about (their findings are lost); lib modules only logged.
 */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "rego/rego.h"
#include "scan/embed.h"
#include "scan/scan_int.h"

struct bmod {
    const struct scan_embedded *f;
    const char *pkg;
    const char **imports;
    size_t nimports;
    int out;  /* left out */
    int dep;  /* depends on something left out */
    int lib;  /* checks/lib */
};

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static int selected(const char *path, unsigned what)
{
    if (!ends_with(path, ".rego"))
        return 0;
    if (!strncmp(path, "checks/lib/", 11))
        return (what & SCAN_BI_LIB) != 0;
    return (what & SCAN_BI_CHECKS) && !strncmp(path, "checks/aws/", 11);
}

/* Is pkg the package of a module left out (and of none kept)? */
static int pkg_out(const struct bmod *b, size_t n, const char *pkg, char **user, size_t nuser)
{
    for (size_t i = 0; i < nuser; i++)
        if (!strcmp(user[i], pkg))
            return 1;
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(b[i].pkg, pkg)) {
            if (!b[i].out)
                return 0;
            any = 1;
        }
    return any;
}

static void mark_deps(struct bmod *b, size_t n, char **user, size_t nuser)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            if (b[i].out || b[i].dep)
                continue;
            for (size_t k = 0; k < b[i].nimports && !b[i].dep; k++)
                if (pkg_out(b, n, b[i].imports[k], user, nuser))
                    b[i].dep = changed = 1;
        }
    }
}

/* Compile the user's modules with the kept built-ins; on success *bad is SIZE_MAX, else the
 * dependent module the first compile error is in (SIZE_MAX when it is elsewhere: the real
 * compile reports it). */
static enum osp_code trial(struct osp_ctx *ctx, struct rego_engine *e, const struct rego_opts *ro, struct bmod *b,
                           size_t n, size_t *bad, struct osp_err *err)
{
    struct rego_engine *t = NULL;
    struct osp_err terr;
    osp_err_init(&terr);
    *bad = SIZE_MAX;
    enum osp_code rc = rego_engine_new(ctx, ro, &t, err);
    for (size_t i = 0; !rc && i < rego_module_count(e); i++) {
        const char *text;
        size_t len;
        struct rego_module_info mi;
        rc = rego_module_source(e, i, &text, &len, err);
        if (!rc)
            rc = rego_module_info(e, i, &mi, err);
        if (!rc)
            rc = rego_add_module(t, mi.filename, text, len, err);
    }
    for (size_t i = 0; !rc && i < n; i++)
        if (!b[i].out)
            rc = rego_add_module(t, b[i].f->path, b[i].f->data, b[i].f->len, err);
    if (!rc && rego_compile(t, &terr)) {
        const struct rego_error *le = rego_last_error(t);
        for (size_t i = 0; i < n && le; i++)
            if (b[i].dep && !b[i].out && !strcmp(le->file, b[i].f->path))
                *bad = i;
    }
    rego_engine_free(t);
    return rc;
}

enum osp_code scan_builtin_select(struct osp_ctx *ctx, struct rego_engine *e, const struct rego_opts *ro,
                                  unsigned what, unsigned char *sel, struct osp_err *err)
{
    size_t total = scan_embedded_count, n = 0, nuser = 0;
    struct bmod *b = calloc(total + 1, sizeof(*b));
    char **user = calloc(rego_module_count(e) + 1, sizeof(char *));
    struct rego_engine *probe = NULL;
    enum osp_code rc = b && user ? rego_engine_new(ctx, ro, &probe, err)
                                 : osp_err_set(err, OSP_ENOMEM, "out of memory selecting built-in modules");
    for (size_t i = 0; !rc && i < rego_module_count(e); i++) {
        struct rego_module_info mi;
        rc = rego_module_info(e, i, &mi, err);
        if (!rc && !(user[nuser++] = strdup(mi.package)))
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory selecting built-in modules");
    }
    for (size_t i = 0; !rc && i < total; i++) {
        sel[i] = 0;
        const struct scan_embedded *f = &scan_embedded_files[i];
        if (!selected(f->path, what))
            continue;
        rc = rego_add_module(probe, f->path, f->data, f->len, err);
        struct rego_module_info mi;
        size_t m = rego_module_count(probe) - 1;
        if (!rc)
            rc = rego_module_info(probe, m, &mi, err);
        if (!rc)
            rc = rego_module_imports(probe, m, &b[n].imports, &b[n].nimports, err);
        if (rc)
            break;
        b[n].f = f;
        b[n].pkg = mi.package;
        b[n].lib = !strncmp(f->path, "checks/lib/", 11);
        b[n].out = (b[n].lib && (what & SCAN_BI_NO_LIB)) || pkg_out(b, 0, mi.package, user, nuser);
        n++;
    }
    if (!rc)
        mark_deps(b, n, user, nuser);
    for (size_t round = 0; !rc && round <= n; round++) {
        int any = 0;
        for (size_t i = 0; i < n && !any; i++)
            any = b[i].dep && !b[i].out;
        if (!any)
            break;
        size_t bad;
        rc = trial(ctx, e, ro, b, n, &bad, err);
        if (rc || bad == SIZE_MAX)
            break;
        b[bad].out = 1;
        const char *need = "";
        for (size_t k = 0; k < b[bad].nimports && !*need; k++)
            if (pkg_out(b, n, b[bad].imports[k], user, nuser))
                need = b[bad].imports[k];
        if (b[bad].lib)
            osp_debug(ctx, "built-in %s not loaded: it needs osprey's data.%s, which is replaced", b[bad].f->path,
                      need);
        else
            osp_warn(ctx, "built-in check %s (%s) not loaded: it needs osprey's data.%s, which your modules replace",
                     b[bad].f->path, b[bad].pkg, need);
        mark_deps(b, n, user, nuser);
    }
    for (size_t i = 0; !rc && i < n; i++)
        sel[b[i].f - scan_embedded_files] = !b[i].out;
    rego_engine_free(probe);
    for (size_t i = 0; i < nuser; i++)
        free(user[i]);
    free(user);
    free(b);
    return rc;
}

enum osp_code scan_add_builtin_modules(struct osp_ctx *ctx, struct rego_engine *e, const struct rego_opts *ro,
                                       unsigned what, struct osp_err *err)
{
    unsigned char *sel = calloc(scan_embedded_count + 1, 1);
    if (!sel)
        return osp_err_set(err, OSP_ENOMEM, "out of memory selecting built-in modules");
    enum osp_code rc = scan_builtin_select(ctx, e, ro, what, sel, err);
    for (size_t i = 0; !rc && i < scan_embedded_count; i++)
        if (sel[i])
            rc = rego_add_module(e, scan_embedded_files[i].path, scan_embedded_files[i].data,
                                 scan_embedded_files[i].len, err);
    free(sel);
    return rc;
}
