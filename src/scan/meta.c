/* meta.c: a check's package and METADATA, as the engine parsed them -> struct scan_check. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rego/rego.h"
#include "scan/scan_int.h"

enum res_severity scan_severity_from(const char *s)
{
    static const struct {
        const char *name;
        enum res_severity sev;
    } names[] = {
        {"LOW", RES_SEV_LOW}, {"MEDIUM", RES_SEV_MEDIUM}, {"HIGH", RES_SEV_HIGH}, {"CRITICAL", RES_SEV_CRITICAL}};
    for (size_t i = 0; s && i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcasecmp(s, names[i].name))
            return names[i].sev;
    return RES_SEV_UNKNOWN;
}

/* String value at obj.key ("" when absent or not a string). */
static const char *get_s(rv obj, const char *key)
{
    rv v = rv_obj_get_s(obj, key);
    return rv_kind(v) == RV_STRING ? rv_str(v) : "";
}

/* An array of strings from an rv array (non-strings skipped). */
static enum osp_code str_list(struct scan_pool *pool, rv arr, const char ***out, size_t *n)
{
    *n = 0;
    *out = NULL;
    if (rv_kind(arr) != RV_ARRAY || !rv_len(arr))
        return OSP_OK;
    const char **v = scan_pool_alloc(pool, rv_len(arr) * sizeof(*v));
    if (!v)
        return OSP_ENOMEM;
    for (size_t i = 0; i < rv_len(arr); i++) {
        rv s = rv_arr_at(arr, i);
        if (rv_kind(s) == RV_OBJECT) /* OPA's related_resources entries: {"ref": url, ...} */
            s = rv_obj_get_s(s, "ref");
        if (rv_kind(s) != RV_STRING)
            continue;
        if (!(v[*n] = scan_pool_strdup(pool, rv_str(s))))
            return OSP_ENOMEM;
        (*n)++;
    }
    *out = v;
    return OSP_OK;
}

static int fw_cmp(const void *a, const void *b)
{
    const struct res_fw_ref *x = a, *y = b;
    int c = strcmp(x->framework, y->framework);
    return c ? c : strcmp(x->id, y->id);
}

/* custom.frameworks: {"cis-aws-1.2": ["1.10", ...], "default": [null]} -> sorted refs. */
static enum osp_code frameworks(struct scan_pool *pool, rv fw, struct scan_check *c)
{
    size_t total = 0;
    for (size_t i = 0; rv_kind(fw) == RV_OBJECT && i < rv_len(fw); i++)
        total += rv_kind(rv_obj_val_at(fw, i)) == RV_ARRAY ? rv_len(rv_obj_val_at(fw, i)) : 0;
    if (!total)
        return OSP_OK;
    struct res_fw_ref *refs = scan_pool_alloc(pool, total * sizeof(*refs));
    if (!refs)
        return OSP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < rv_len(fw); i++) {
        rv ids = rv_obj_val_at(fw, i);
        for (size_t j = 0; rv_kind(ids) == RV_ARRAY && j < rv_len(ids); j++) {
            rv id = rv_arr_at(ids, j);
            if (rv_kind(id) != RV_STRING || rv_kind(rv_obj_key_at(fw, i)) != RV_STRING)
                continue;
            refs[n].framework = scan_pool_strdup(pool, rv_str(rv_obj_key_at(fw, i)));
            refs[n].id = scan_pool_strdup(pool, rv_str(id));
            if (!refs[n].framework || !refs[n].id)
                return OSP_ENOMEM;
            n++;
        }
    }
    qsort(refs, n, sizeof(*refs), fw_cmp);
    c->frameworks = refs;
    c->nframeworks = n;
    return OSP_OK;
}

/* input.selector[].subtypes[].service -> c->services (unique, in order). */
static enum osp_code selector_services(struct scan_pool *pool, rv custom, struct scan_check *c)
{
    rv sel = rv_obj_get_s(rv_obj_get_s(custom, "input"), "selector");
    size_t cap = 0;
    for (size_t i = 0; rv_kind(sel) == RV_ARRAY && i < rv_len(sel); i++)
        cap += rv_len(rv_obj_get_s(rv_arr_at(sel, i), "subtypes"));
    if (!cap)
        return OSP_OK;
    const char **v = scan_pool_alloc(pool, cap * sizeof(*v));
    if (!v)
        return OSP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < rv_len(sel); i++) {
        rv subs = rv_obj_get_s(rv_arr_at(sel, i), "subtypes");
        for (size_t j = 0; rv_kind(subs) == RV_ARRAY && j < rv_len(subs); j++) {
            const char *svc = get_s(rv_arr_at(subs, j), "service");
            int dup = !*svc;
            for (size_t k = 0; k < n && !dup; k++)
                dup = !strcmp(v[k], svc);
            if (!dup && !(v[n++] = scan_pool_strdup(pool, svc)))
                return OSP_ENOMEM;
        }
    }
    c->services = v;
    c->nservices = n;
    return OSP_OK;
}

static enum osp_code fill_from_meta(struct scan_pool *pool, rv meta, struct scan_check *c)
{
    rv custom = rv_obj_get_s(meta, "custom");
    const char *id = get_s(custom, "id");
    if (!*id)
        id = get_s(custom, "avd_id");
    if (*id && !(c->id = scan_pool_strdup(pool, id)))
        return OSP_ENOMEM;
    c->avd_id = scan_pool_strdup(pool, get_s(custom, "avd_id"));
    c->title = scan_pool_strdup(pool, get_s(meta, "title"));
    c->description = scan_pool_strdup(pool, get_s(meta, "description"));
    c->short_code = scan_pool_strdup(pool, get_s(custom, "short_code"));
    const char *action = get_s(custom, "recommended_action");
    c->recommended_action = scan_pool_strdup(pool, *action ? action : get_s(custom, "recommended_actions"));
    c->severity = scan_severity_from(get_s(custom, "severity"));
    rv fix = rv_obj_get_s(custom, "remediation"); /* osprey's explanation fields (`osprey explain`) */
    c->impact = scan_pool_strdup(pool, get_s(custom, "impact"));
    c->fix_console = scan_pool_strdup(pool, get_s(fix, "console"));
    c->fix_cli = scan_pool_strdup(pool, get_s(fix, "cli"));
    c->fix_terraform = scan_pool_strdup(pool, get_s(fix, "terraform"));
    c->retired = scan_pool_strdup(pool, get_s(custom, "retired"));
    if (!c->impact || !c->fix_console || !c->fix_cli || !c->fix_terraform || !c->retired)
        return OSP_ENOMEM;
    if (!c->avd_id || !c->title || !c->description || !c->short_code || !c->recommended_action)
        return OSP_ENOMEM;
    enum osp_code rc = str_list(pool, rv_obj_get_s(meta, "related_resources"), &c->references, &c->nreferences);
    if (!rc)
        rc = frameworks(pool, rv_obj_get_s(custom, "frameworks"), c);
    if (!rc)
        rc = selector_services(pool, custom, c);
    if (rc)
        return rc;
    const char *svc = get_s(custom, "service");
    if (!*svc && c->nservices)
        svc = c->services[0];
    c->service = scan_pool_strdup(pool, svc);
    return c->service ? OSP_OK : OSP_ENOMEM;
}

static enum osp_code defaults(struct scan_pool *pool, struct scan_check *c)
{
    const char **fields[] = {
        &c->id,         &c->avd_id,      &c->title,   &c->description,   &c->service, &c->short_code,
        &c->recommended_action, &c->impact, &c->fix_console, &c->fix_cli, &c->fix_terraform, &c->retired};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (!*fields[i] && !(*fields[i] = scan_pool_strdup(pool, "")))
            return OSP_ENOMEM;
    if (!*c->id)
        c->id = c->package;
    if (!*c->title)
        c->title = c->id;
    return OSP_OK;
}

/* Trivy's older __rego_metadata__ := {"id", "avd_id", "title", "severity", "description",
 * "recommended_actions", "url"} object, for checks without a METADATA block. */
enum osp_code scan_check_from_legacy(struct scan_pool *pool, rv legacy, struct scan_check *c)
{
    if (rv_kind(legacy) != RV_OBJECT)
        return OSP_OK;
    const char *id = get_s(legacy, "id");
    if (!*id)
        id = get_s(legacy, "avd_id");
    const char *fields[][2] = {{"title", NULL}, {"description", NULL}, {"recommended_actions", NULL}};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        fields[i][1] = get_s(legacy, fields[i][0]);
    if ((*id && !(c->id = scan_pool_strdup(pool, id))) ||
        (*fields[0][1] && !(c->title = scan_pool_strdup(pool, fields[0][1]))) ||
        (*fields[1][1] && !(c->description = scan_pool_strdup(pool, fields[1][1]))) ||
        (*fields[2][1] && !(c->recommended_action = scan_pool_strdup(pool, fields[2][1]))) ||
        !(c->avd_id = scan_pool_strdup(pool, get_s(legacy, "avd_id"))))
        return OSP_ENOMEM;
    if (c->severity == RES_SEV_UNKNOWN)
        c->severity = scan_severity_from(get_s(legacy, "severity"));
    return OSP_OK;
}

/* The check's METADATA: the package-scoped block, else the block above its first deny rule. */
static enum osp_code check_meta(struct rego_engine *e, size_t i, rv *meta, struct osp_err *err)
{
    enum osp_code rc = rego_module_annotations(e, i, NULL, meta, err);
    if (!rc && rv_is_undef(*meta))
        rc = rego_module_annotations(e, i, "deny*", meta, err);
    return rc;
}

enum osp_code scan_check_from_engine(struct scan_pool *pool, struct rego_engine *e, size_t i, int builtin,
                                     struct scan_check *c, int *library, struct osp_err *err)
{
    memset(c, 0, sizeof(*c));
    c->builtin = builtin;
    struct rego_module_info mi;
    rv meta = rv_undef();
    enum osp_code rc = rego_module_info(e, i, &mi, err);
    if (!rc)
        rc = check_meta(e, i, &meta, err);
    if (rc)
        return rc;
    c->package = scan_pool_strdup(pool, mi.package);
    c->path = scan_pool_strdup(pool, mi.filename);
    if (!c->package || !c->path)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", mi.filename);
    if (!rc && rv_kind(meta) == RV_OBJECT && fill_from_meta(pool, meta, c))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory reading METADATA of %s", mi.filename);
    if (library) /* Trivy: `custom: {library: true}` marks a helper module, never a check */
        *library = rv_is_true(rv_obj_get_s(rv_obj_get_s(meta, "custom"), "library"));
    rv_unref(meta);
    if (!rc && defaults(pool, c))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", mi.filename);
    return rc;
}

enum osp_code scan_check_from_module(struct scan_pool *pool, const char *path, const char *text, int builtin,
                                     struct scan_check *c, struct osp_err *err)
{
    enum osp_code rc = OSP_EPOLICY;
    for (int v0 = 0; v0 <= !builtin && rc == OSP_EPOLICY; v0++) { /* a custom check may be Rego v0 */
        struct rego_engine *e = NULL;
        struct rego_opts o = {.v0_compatible = v0};
        rc = rego_engine_new(NULL, &o, &e, err);
        if (!rc)
            rc = rego_add_module(e, path, text, strlen(text), err);
        if (!rc)
            rc = scan_check_from_engine(pool, e, 0, builtin, c, NULL, err);
        rego_engine_free(e);
    }
    return rc;
}
