/* catalog.c: load built-in (embedded) and custom checks, data and the compliance spec. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "scan/catalog_int.h"
#include "scan/embed.h"
#include "scan/files.h"

static const char *const builtin_specs[] = {"aws-cis-1.2", "aws-cis-1.4", "aws-cis-2.0", "aws-cis-3.0", "aws-fsbp", NULL};

const char *const *scan_builtin_specs(void)
{
    return builtin_specs;
}

static enum osp_code grow(struct scan_catalog *c, struct osp_err *err)
{
    if (c->nchecks < c->cap)
        return OSP_OK;
    size_t cap = c->cap ? c->cap * 2 : 128;
    struct scan_check *v = realloc(c->checks, cap * sizeof(*v));
    if (v)
        c->checks = v;
    struct scan_check_run *r = v ? realloc(c->run, cap * sizeof(*r)) : NULL;
    if (!v || !r)
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    c->run = r;
    c->cap = cap;
    return OSP_OK;
}

/* After compile: the input.aws.<service>.<x> collections the check's module reads (from the
 * parsed module, imports resolved); "<x>.<y>" when the path goes on (see scan_collection). */
static enum osp_code note_collections(struct scan_catalog *c, size_t k, struct osp_err *err)
{
    struct scan_check_run *run = &c->run[k];
    const char *service = c->checks[k].service;
    rv paths = rv_undef();
    enum osp_code rc = rego_module_input_paths(c->engine, run->module, 4, &paths, err);
    if (rc)
        return rc;
    size_t n = 0;
    run->collections = scan_pool_alloc(&c->pool, (rv_len(paths) + 1) * sizeof(char *));
    if (!run->collections)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    for (size_t i = 0; !rc && i < rv_len(paths); i++) {
        rv p = rv_set_at(paths, i);
        if (rv_len(p) < 3 || strcmp(rv_str(rv_arr_at(p, 0)), "aws") || strcmp(rv_str(rv_arr_at(p, 1)), service))
            continue;
        char name[512];
        snprintf(name, sizeof name, "%s%s%s", rv_str(rv_arr_at(p, 2)), rv_len(p) > 3 ? "." : "",
                 rv_len(p) > 3 ? rv_str(rv_arr_at(p, 3)) : "");
        if (!(run->collections[n++] = scan_pool_strdup(&c->pool, name)))
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    }
    run->ncollections = n;
    rv_unref(paths);
    return rc;
}

rv scan_collection(rv svc, const char *name)
{
    const char *dot = strchr(name, '.');
    if (!dot)
        return rv_obj_get_s(svc, name);
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)(dot - name), name);
    rv ns = rv_obj_get_s(svc, head);
    if (rv_kind(ns) != RV_OBJECT || !rv_is_undef(rv_obj_get_s(ns, "__defsec_metadata")))
        return ns; /* a resource (or nothing): the path went into its fields */
    return rv_obj_get_s(ns, dot + 1);
}

static int in_namespaces(const char *pkg, const struct scan_opts *o)
{
    size_t n = strlen("builtin");
    if (!strncmp(pkg, "builtin", n) && (pkg[n] == '.' || !pkg[n]))
        return 1;
    for (size_t i = 0; i < o->nnamespaces; i++) {
        n = strlen(o->namespaces[i]);
        if (n && !strncmp(pkg, o->namespaces[i], n) && (pkg[n] == '.' || !pkg[n]))
            return 1;
    }
    return 0;
}

/* Add one module to the engine (the catalog's, or the scratch one of a metadata-only load) and,
 * when it is a check, to the list: package and METADATA come from the parsed module. */
static enum osp_code add_module(struct scan_catalog *c, const struct scan_opts *o, struct rego_engine *e,
                                const char *path, const char *text, size_t len, int builtin, struct osp_err *err)
{
    size_t module = rego_module_count(e);
    enum osp_code rc = rego_add_module(e, path, text, len, err);
    if (rc)
        return rc;
    int is_lib = builtin ? strncmp(path, "checks/aws/", 11) != 0 : 0;
    if (is_lib || grow(c, err))
        return is_lib ? OSP_OK : err->code;
    struct scan_check *chk = &c->checks[c->nchecks];
    int library = 0;
    rc = scan_check_from_engine(&c->pool, e, module, builtin, chk, &library, err);
    if (rc)
        return rc;
    if (!in_namespaces(chk->package, o) || library)
        return OSP_OK; /* a library or a package outside the evaluated namespaces */
    struct scan_check_run *run = &c->run[c->nchecks];
    memset(run, 0, sizeof(*run));
    run->module = c->engine ? module : SIZE_MAX;
    run->global_only = chk->nservices > 0;
    for (size_t i = 0; i < chk->nservices && run->global_only; i++)
        run->global_only = scan_service_is_global(chk->services[i]);
    if (!(run->text = scan_pool_strdup(&c->pool, text)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading %s", path);
    c->nchecks++;
    return OSP_OK;
}

/* After the custom modules: the built-ins that go with them (replace.c). */
static enum osp_code load_builtins(struct scan_catalog *c, const struct scan_opts *o, struct rego_engine *pe,
                                   const struct rego_opts *ro, struct osp_err *err)
{
    unsigned what = SCAN_BI_LIB | (o->no_builtin ? 0 : SCAN_BI_CHECKS) | (o->no_builtin_lib ? SCAN_BI_NO_LIB : 0);
    unsigned char *sel = calloc(scan_embedded_count + 1, 1);
    if (!sel)
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    enum osp_code rc = scan_builtin_select(c->ctx, pe, ro, what, sel, err);
    for (size_t i = 0; !rc && i < scan_embedded_count; i++) {
        const struct scan_embedded *e = &scan_embedded_files[i];
        if (sel[i])
            rc = add_module(c, o, pe, e->path, e->data, e->len, 1, err);
    }
    free(sel);
    return rc;
}

enum osp_code scan_add_builtin_libs(struct rego_engine *e, struct osp_err *err)
{
    for (const struct scan_embedded *m = scan_embedded_files; m->path; m++) {
        size_t n = strlen(m->path);
        if (strncmp(m->path, "checks/lib/", 11) || n < 5 || strcmp(m->path + n - 5, ".rego"))
            continue;
        enum osp_code rc = rego_add_module(e, m->path, m->data, m->len, err);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

static enum osp_code load_custom(struct scan_catalog *c, const struct scan_opts *o, struct rego_engine *pe,
                                 struct osp_err *err)
{
    static const char *const rego_suffix[] = {".rego", NULL};
    struct scan_paths paths = {0};
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < o->nconfig_checks; i++)
        rc = scan_list_files(o->config_checks[i], rego_suffix, &paths, err);
    for (size_t i = 0; !rc && i < paths.n; i++) {
        char *text;
        size_t len;
        rc = scan_read_file(paths.v[i], &text, &len, err);
        if (rc)
            break;
        rc = add_module(c, o, pe, paths.v[i], text, len, 0, err);
        free(text);
    }
    scan_paths_cleanup(&paths);
    return rc;
}

static enum osp_code load_data(struct scan_catalog *c, const struct scan_opts *o, struct osp_err *err)
{
    static const char *const data_suffix[] = {".json", ".yaml", ".yml", NULL};
    struct scan_paths paths = {0};
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < o->ndata_dirs; i++)
        rc = scan_list_files(o->data_dirs[i], data_suffix, &paths, err);
    for (size_t i = 0; !rc && i < paths.n && c->engine; i++) {
        char *text;
        size_t len;
        rv doc;
        rc = scan_read_file(paths.v[i], &text, &len, err);
        if (rc)
            break;
        if (scan_path_matches(paths.v[i], data_suffix + 1))
            rc = rego_yaml_parse(text, len, paths.v[i], &doc, err); /* the engine's reader: alias budget */
        else
            rc = rego_input_parse(text, len, &doc, err);
        free(text);
        if (!rc) {
            rc = rego_add_data(c->engine, doc, err);
            rv_unref(doc);
        }
        if (rc)
            osp_err_prefix(err, "--config-data %s: ", paths.v[i]);
    }
    scan_paths_cleanup(&paths);
    return rc;
}

static enum osp_code load_spec(struct scan_catalog *c, const char *name, struct osp_err *err)
{
    if (!name || !*name)
        return OSP_OK;
    enum osp_code rc;
    if (name[0] == '@') {
        char *text;
        size_t len;
        rc = scan_read_file(name + 1, &text, &len, err);
        if (rc)
            return rc;
        rc = scan_spec_parse(&c->pool, text, len, name + 1, &c->spec, err);
        free(text);
    } else {
        char path[160];
        snprintf(path, sizeof(path), "checks/compliance/%s.yaml", name);
        const struct scan_embedded *e = scan_embedded_find(path);
        if (!e)
            return osp_err_set(err, OSP_EUSAGE,
                               "unknown compliance spec '%s' (use aws-cis-1.2, aws-cis-1.4, aws-cis-2.0, aws-cis-3.0, aws-fsbp or @FILE.yaml)", name);
        rc = scan_spec_parse(&c->pool, e->data, e->len, path, &c->spec, err);
    }
    c->has_spec = !rc;
    return rc;
}

static int is_deny_rule(const char *name)
{
    return !strcmp(name, "deny") || !strncmp(name, "deny_", 5);
}

/* After compile: the deny rules of each check; checks without any are dropped. */
/* A check without METADATA may name itself with Trivy's legacy __rego_metadata__ rule. */
static enum osp_code apply_legacy_metadata(struct scan_catalog *c, struct scan_check *chk, struct osp_err *err)
{
    if (strcmp(chk->id, chk->package))
        return OSP_OK;
    char ref[512];
    rv legacy = rv_undef();
    snprintf(ref, sizeof(ref), "data.%s.__rego_metadata__", chk->package);
    enum osp_code rc = rego_eval_ref(c->engine, ref, rv_undef(), &legacy, err);
    if (!rc && scan_check_from_legacy(&c->pool, legacy, chk))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    rv_unref(legacy);
    return rc;
}

/* The data refs of a module's deny / deny_* rules. */
static enum osp_code deny_refs(struct scan_catalog *c, size_t i, struct osp_err *err)
{
    struct rego_module_info mi;
    enum osp_code rc = rego_module_info(c->engine, c->run[i].module, &mi, err);
    if (rc)
        return rc;
    struct scan_check_run *run = &c->run[i];
    run->deny_refs = scan_pool_alloc(&c->pool, (mi.nrules + 1) * sizeof(char *));
    if (!run->deny_refs)
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    for (size_t r = 0; r < mi.nrules; r++) {
        /* what the check could not judge, and whether one region's data meets it account-wide (run.c) */
        const char **extra = !strcmp(mi.rules[r], "not_evaluated") ? &run->gap_ref
                             : !strcmp(mi.rules[r], "satisfied")   ? &run->satisfied_ref
                                                                   : NULL;
        if (extra) {
            char ref[512];
            snprintf(ref, sizeof(ref), "data.%s.%s", c->checks[i].package, mi.rules[r]);
            if (!(*extra = scan_pool_strdup(&c->pool, ref)))
                return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
        }
        if (!is_deny_rule(mi.rules[r]))
            continue;
        char ref[512];
        snprintf(ref, sizeof(ref), "data.%s.%s", c->checks[i].package, mi.rules[r]);
        if (!(run->deny_refs[run->ndeny++] = scan_pool_strdup(&c->pool, ref)))
            return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    }
    return OSP_OK;
}

static enum osp_code find_deny_rules(struct scan_catalog *c, struct osp_err *err)
{
    size_t w = 0;
    for (size_t i = 0; i < c->nchecks; i++) {
        enum osp_code rc = deny_refs(c, i, err);
        if (!rc)
            rc = apply_legacy_metadata(c, &c->checks[i], err);
        if (rc)
            return rc;
        if (!c->run[i].ndeny) {
            osp_debug(c->ctx, "%s: no deny rule, not a check", c->checks[i].path);
            continue;
        }
        c->checks[w] = c->checks[i];
        c->run[w++] = c->run[i];
    }
    c->nchecks = w;
    return OSP_OK;
}

struct pair {
    struct scan_check c;
    struct scan_check_run r;
};

static int by_id(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    int k = strcmp(x->c.id, y->c.id);
    return k ? k : strcmp(x->c.path, y->c.path);
}

static enum osp_code sort_checks(struct scan_catalog *c, struct osp_err *err)
{
    struct pair *p = malloc((c->nchecks + 1) * sizeof(*p));
    if (!p)
        return osp_err_set(err, OSP_ENOMEM, "out of memory sorting checks");
    for (size_t i = 0; i < c->nchecks; i++) {
        p[i].c = c->checks[i];
        p[i].r = c->run[i];
    }
    qsort(p, c->nchecks, sizeof(*p), by_id);
    for (size_t i = 0; i < c->nchecks; i++) {
        c->checks[i] = p[i].c;
        c->run[i] = p[i].r;
        if (i && !strcmp(p[i].c.id, p[i - 1].c.id))
            osp_warn(c->ctx, "check id %s is defined twice (%s and %s)", p[i].c.id, p[i - 1].c.path, p[i].c.path);
    }
    free(p);
    return OSP_OK;
}

static enum osp_code load_once(struct osp_ctx *ctx, const struct scan_opts *o, int with_engine, int v0,
                               struct scan_catalog **out, struct osp_err *err)
{
    struct scan_catalog *c = calloc(1, sizeof(*c));
    if (!c)
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading checks");
    c->ctx = ctx;
    c->include_non_failures = o->include_non_failures;
    c->trace = o->trace;
    struct rego_opts ro;
    scan_rego_opts_init(&ro);
    ro.v0_compatible = v0;
    ro.max_memory = o->max_eval_memory;
    /* a metadata-only load parses the modules in a scratch engine that is never compiled */
    struct rego_engine *pe = NULL;
    enum osp_code rc = rego_engine_new(ctx, &ro, &pe, err);
    if (!rc && with_engine)
        c->engine = pe;
    if (!rc)
        rc = load_custom(c, o, pe, err);
    if (!rc)
        rc = load_builtins(c, o, pe, &ro, err);
    if (!with_engine)
        rego_engine_free(pe);
    if (!rc)
        rc = load_data(c, o, err);
    if (!rc && c->engine)
        rc = rego_compile(c->engine, err);
    if (!rc && c->engine)
        rc = find_deny_rules(c, err);
    for (size_t k = 0; !rc && c->engine && k < c->nchecks; k++)
        rc = note_collections(c, k, err);
    if (!rc)
        rc = sort_checks(c, err);
    if (!rc)
        rc = load_spec(c, o->compliance, err);
    if (rc) {
        scan_catalog_free(c);
        return rc;
    }
    osp_debug(ctx, "scan: %zu checks loaded%s", c->nchecks, v0 ? " (Rego v0 syntax allowed)" : "");
    *out = c;
    return OSP_OK;
}

/* Custom checks written for Trivy may use Rego v0 syntax (`deny[msg] { ... }`), which Trivy still
 * accepts. When a custom module fails to parse as Rego v1, load everything again with v0 syntax
 * allowed: modules that `import rego.v1` (every built-in) keep v1 rules either way. If that fails
 * too, the first (v1) error is the one reported. */
static enum osp_code load(struct osp_ctx *ctx, const struct scan_opts *o, int with_engine, struct scan_catalog **out,
                          struct osp_err *err)
{
    struct osp_err v1err;
    osp_err_init(&v1err);
    enum osp_code rc = load_once(ctx, o, with_engine, 0, out, &v1err);
    if (rc != OSP_EPOLICY || !o->nconfig_checks || !strstr(v1err.msg, "parse")) {
        if (rc)
            *err = v1err;
        return rc;
    }
    struct osp_err v0err;
    osp_err_init(&v0err);
    if (load_once(ctx, o, with_engine, 1, out, &v0err) == OSP_OK)
        return OSP_OK;
    *err = v1err;
    return rc;
}

enum osp_code scan_catalog_load(struct osp_ctx *ctx, const struct scan_opts *o, struct scan_catalog **out,
                                struct osp_err *err)
{
    return load(ctx, o, 1, out, err);
}

enum osp_code scan_catalog_load_metadata(struct osp_ctx *ctx, const struct scan_opts *o, struct scan_catalog **out,
                                         struct osp_err *err)
{
    return load(ctx, o, 0, out, err);
}

void scan_catalog_free(struct scan_catalog *c)
{
    if (!c)
        return;
    rego_engine_free(c->engine);
    scan_pool_free(&c->pool);
    free(c->checks);
    free(c->run);
    free(c);
}

size_t scan_catalog_count(const struct scan_catalog *c)
{
    return c ? c->nchecks : 0;
}

const struct scan_check *scan_catalog_at(const struct scan_catalog *c, size_t i)
{
    return c && i < c->nchecks ? &c->checks[i] : NULL;
}

const struct scan_check *scan_catalog_find(const struct scan_catalog *c, const char *id)
{
    for (size_t i = 0; c && i < c->nchecks; i++)
        if (!strcasecmp(c->checks[i].id, id) || scan_check_id_matches(&c->checks[i], id))
            return &c->checks[i];
    return NULL;
}

const struct scan_spec *scan_catalog_spec(const struct scan_catalog *c)
{
    return c && c->has_spec ? &c->spec : NULL;
}

void scan_catalog_set_enabled_recorded(struct scan_catalog *c, time_t at)
{
    c->enabled_recorded_at = at;
}

enum osp_code scan_catalog_set_enabled_regions(struct scan_catalog *c, const char *const *regions, size_t n,
                                               struct osp_err *err)
{
    c->enabled_regions = n ? scan_pool_alloc(&c->pool, n * sizeof(char *)) : NULL;
    c->nenabled_regions = 0;
    if (n && !c->enabled_regions)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (!(c->enabled_regions[c->nenabled_regions++] = scan_pool_strdup(&c->pool, regions[i])))
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
    return OSP_OK;
}
