/* modinfo.c: what a parsed module declares, for the scan layer (rego.h: rego_module_source,
 * rego_module_imports). */
#include <string.h>

#include "rego/rego_int.h"

enum osp_code rego_module_source(const struct rego_engine *e, size_t i, const char **text, size_t *len,
                                 struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    *text = e->mods[i]->src;
    *len = e->mods[i]->srclen;
    return OSP_OK;
}

enum osp_code rego_module_imports(struct rego_engine *e, size_t i, const char ***out, size_t *n, struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    struct rego_module *m = e->mods[i];
    const char **v = rego_arena_alloc(&m->arena, (m->nimports + 1) * sizeof(char *));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory listing %s", m->file);
    size_t k = 0;
    for (size_t j = 0; j < m->nimports; j++) {
        const struct rego_term *p = m->imports[j].path;
        if (p->kind != TM_REF || strcmp(p->a[0]->name, "data"))
            continue; /* input, future.keywords, rego.v1 */
        size_t len = 0;
        for (size_t s = 1; s < p->n; s++)
            len += strlen(rv_str(p->a[s]->val)) + 1;
        char *d = rego_arena_alloc(&m->arena, len + 1);
        if (!d)
            return osp_err_set(err, OSP_ENOMEM, "out of memory listing %s", m->file);
        size_t o = 0;
        for (size_t s = 1; s < p->n; s++) {
            const char *seg = rv_str(p->a[s]->val);
            if (o)
                d[o++] = '.';
            memcpy(d + o, seg, strlen(seg));
            o += strlen(seg);
        }
        d[o] = '\0';
        v[k++] = d;
    }
    *out = v;
    *n = k;
    return OSP_OK;
}
