/* paginate.c: feed each page's output token back as the next request's input token. */
#include <stdlib.h>
#include <string.h>

#include "aws/aws.h"
#include "core/alloc.h"

#define AWS_MAX_PAGES 10000

static void drop_param(struct aws_call *c, const char *name)
{
    for (size_t i = 0; i < c->nparams; i++) {
        if (strcmp(c->params[i].name, name) == 0) {
            free(c->params[i].name);
            free(c->params[i].value);
            memmove(&c->params[i], &c->params[i + 1], (c->nparams - i - 1) * sizeof(c->params[0]));
            c->nparams--;
            return;
        }
    }
}

/* JSON protocol: the token goes into the request body. Returns a new body (caller frees). */
static char *json_body_with(const char *body, const char *member, const char *token)
{
    json_t *o = json_loads(body && *body ? body : "{}", 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return NULL;
    }
    json_object_set_new(o, member, json_string(token));
    char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return s;
}

/* The next token, or NULL when this was the last page. */
static const char *next_token(json_t *body, const char *token_out, const char *truncated_path)
{
    if (truncated_path) {
        const char *t = aws_get_str(body, truncated_path);
        json_t *tv = aws_get(body, truncated_path);
        if (!json_is_true(tv) && !(t && strcmp(t, "true") == 0))
            return NULL;
    }
    const char *tok = aws_get_str(body, token_out);
    return tok && *tok ? tok : NULL;
}

enum osp_code aws_paginate(struct aws_client *c, struct aws_call *call, const char *token_in, const char *token_out,
                           const char *truncated_path, aws_page_fn page_fn, void *ud, struct osp_err *err)
{
    const char *orig_body = call->body;
    /* JSON protocols carry the token in the body; REST-JSON too when the call has a body (POST lists) */
    int in_body = call->proto == AWS_PROTO_JSON || (call->proto == AWS_PROTO_RESTJSON && call->body);
    char *own_body = NULL, *prev = NULL;
    /* every token seen: a server that cycles (A, B, A, B) is stopped at its first repeat, not
     * after AWS_MAX_PAGES pages */
    char **seen = NULL;
    size_t nseen = 0;
    enum osp_code rc = OSP_OK;
    for (int page = 0;; page++) {
        if (page >= AWS_MAX_PAGES) {
            rc = osp_err_set(err, OSP_ELIMIT, "%s %s: more than %d pages; stopping", call->service,
                             call->action ? call->action : "", AWS_MAX_PAGES);
            break;
        }
        struct aws_response resp;
        rc = aws_call(c, call, &resp, err);
        if (!rc)
            rc = page_fn(ud, resp.body, err);
        const char *tok = rc ? NULL : next_token(resp.body, token_out, truncated_path);
        if (tok && prev && strcmp(tok, prev) == 0)
            rc = osp_err_set(err, OSP_ELIMIT, "%s %s: the pagination token did not change; stopping", call->service,
                             call->action ? call->action : "");
        for (size_t i = 0; tok && !rc && i < nseen; i++)
            if (!strcmp(tok, seen[i]))
                rc = osp_err_set(err, OSP_ELIMIT,
                                 "%s %s: page %d repeated the pagination token of page %zu (a cycle); stopping with "
                                 "the pages read so far",
                                 call->service, call->action ? call->action : "", page + 1, i + 1);
        char *next = (tok && !rc) ? osp_xstrdup(tok) : NULL;
        aws_response_cleanup(&resp);
        if (rc || !tok)
            break;
        seen = osp_xrealloc(seen, (nseen + 1) * sizeof(*seen));
        seen[nseen++] = next;
        prev = next;
        if (in_body) {
            free(own_body);
            own_body = json_body_with(orig_body, token_in, prev);
            if (!own_body) {
                rc = osp_err_set(err, OSP_EINTERNAL, "%s %s: request body is not a JSON object; cannot paginate",
                                 call->service, call->action ? call->action : "");
                break;
            }
            call->body = own_body;
        } else if ((rc = aws_call_param(call, token_in, prev)) != OSP_OK) {
            osp_err_set(err, rc, "out of memory");
            break;
        }
    }
    if (in_body)
        call->body = orig_body;
    else if (prev)
        drop_param(call, token_in);
    free(own_body);
    for (size_t i = 0; i < nseen; i++)
        free(seen[i]);
    free(seen);
    return rc;
}
