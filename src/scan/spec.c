/* spec.c: compliance spec YAML (Trivy's layout, plus `manual`, `covered`, `note`, `level`,
 * `assessment` and `scope`) -> struct scan_spec. */
#include <stdio.h>
#include <string.h>

#include "rego/rego.h"
#include "scan/scan_int.h"

static const char *get_s(rv obj, const char *key)
{
    rv v = rv_obj_get_s(obj, key);
    return rv_kind(v) == RV_STRING ? rv_str(v) : "";
}

/* checks: [{id: X}, ...] or [X, ...] */
static enum osp_code control_checks(struct scan_pool *pool, rv list, struct scan_control *c)
{
    if (rv_kind(list) != RV_ARRAY || !rv_len(list))
        return OSP_OK;
    c->checks = scan_pool_alloc(pool, rv_len(list) * sizeof(*c->checks));
    if (!c->checks)
        return OSP_ENOMEM;
    for (size_t i = 0; i < rv_len(list); i++) {
        rv item = rv_arr_at(list, i);
        const char *id = rv_kind(item) == RV_STRING ? rv_str(item) : get_s(item, "id");
        if (!*id)
            continue;
        if (!(c->checks[c->nchecks++] = scan_pool_strdup(pool, id)))
            return OSP_ENOMEM;
    }
    return OSP_OK;
}

static enum osp_code control(struct scan_pool *pool, rv in, const char *name, size_t idx, struct scan_control *c,
                             struct osp_err *err)
{
    if (rv_kind(in) != RV_OBJECT)
        return osp_err_set(err, OSP_ECONFIG, "%s: control #%zu is not a mapping", name, idx + 1);
    if (rv_kind(rv_obj_get_s(in, "id")) != RV_STRING)
        return osp_err_set(err, OSP_ECONFIG, "%s: control #%zu needs a quoted string id (\"1.10\")", name, idx + 1);
    c->id = scan_pool_strdup(pool, get_s(in, "id"));
    c->name = scan_pool_strdup(pool, get_s(in, "name"));
    c->note = scan_pool_strdup(pool, get_s(in, "note"));
    c->severity = scan_severity_from(get_s(in, "severity"));
    c->manual = rv_is_true(rv_obj_get_s(in, "manual"));
    rv level = rv_obj_get_s(in, "level");
    char num[8] = "";
    if (rv_kind(level) == RV_NUMBER) {
        int64_t lv;
        if (rv_num_to_int64(level, &lv) && lv > 0 && lv < 10)
            snprintf(num, sizeof(num), "%d", (int)lv);
    }
    c->level = scan_pool_strdup(pool, *num ? num : get_s(in, "level"));
    c->assessment = scan_pool_strdup(pool, get_s(in, "assessment"));
    const char *scope = get_s(in, "scope");
    if (*scope && strcmp(scope, "account") && strcmp(scope, "regions"))
        return osp_err_set(err, OSP_ECONFIG, "%s: control %s: scope must be 'account' or 'regions', not '%s'", name,
                           get_s(in, "id"), scope);
    c->account_scope = !strcmp(scope, "account");
    rv covered = rv_obj_get_s(in, "covered");
    c->not_covered = rv_kind(covered) == RV_BOOL && !rv_is_true(covered);
    if (!c->id || !c->name || !c->note || !c->level || !c->assessment ||
        control_checks(pool, rv_obj_get_s(in, "checks"), c))
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", name);
    if (c->not_covered && (c->manual || c->nchecks))
        return osp_err_set(err, OSP_ECONFIG, "%s: control %s: 'covered: false' takes no checks and no 'manual'", name,
                           c->id);
    if (!c->manual && !c->not_covered && !c->nchecks)
        c->manual = 1; /* a control no check can decide is manual, never PASS */
    return OSP_OK;
}

enum osp_code scan_spec_parse(struct scan_pool *pool, const char *text, size_t len, const char *name,
                              struct scan_spec *spec, struct osp_err *err)
{
    rv doc;
    enum osp_code rc = rego_yaml_parse(text, len, name, &doc, err); /* the engine's reader: alias budget */
    if (rc)
        return rc;
    rv s = rv_obj_get_s(doc, "spec");
    if (rv_kind(s) != RV_OBJECT)
        s = doc;
    rv ctls = rv_obj_get_s(s, "controls");
    memset(spec, 0, sizeof(*spec));
    if (rv_kind(ctls) != RV_ARRAY || !*get_s(s, "id")) {
        rv_unref(doc);
        return osp_err_set(err, OSP_ECONFIG, "%s: a compliance spec needs spec.id and spec.controls", name);
    }
    spec->id = scan_pool_strdup(pool, get_s(s, "id"));
    spec->title = scan_pool_strdup(pool, get_s(s, "title"));
    spec->version = scan_pool_strdup(pool, get_s(s, "version"));
    spec->description = scan_pool_strdup(pool, get_s(s, "description"));
    spec->controls = scan_pool_alloc(pool, (rv_len(ctls) + 1) * sizeof(*spec->controls));
    if (!spec->id || !spec->title || !spec->version || !spec->description || !spec->controls)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", name);
    for (size_t i = 0; !rc && i < rv_len(ctls); i++)
        rc = control(pool, rv_arr_at(ctls, i), name, i, &spec->controls[spec->ncontrols++], err);
    rv_unref(doc);
    return rc;
}
