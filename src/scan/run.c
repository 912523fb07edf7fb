/* run.c: evaluate every check's deny rules on each region input and fill the report. */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "scan/catalog_int.h"

struct run_state {
    struct scan_catalog *c;
    const char *account, *partition;
    const struct scan_input *inputs;
    size_t ninputs;
    struct scan_raw_list raws;
    struct scan_raw_list errors; /* checks that failed to evaluate: message per (check, input) */
    struct scan_present present;
    size_t first_global_input; /* the first input that holds global services */
    struct scan_gap_list gaps;
};

static void note_present(struct run_state *st, rv doc)
{
    rv aws = rv_obj_get_s(doc, "aws");
    for (size_t i = 0; rv_kind(aws) == RV_OBJECT && i < rv_len(aws); i++) {
        const char *name = rv_str(rv_obj_key_at(aws, i));
        int seen = 0;
        for (size_t j = 0; j < st->present.n && !seen; j++)
            seen = !strcmp(st->present.names[j], name);
        if (!seen && st->present.n < 64 && strlen(name) < sizeof(st->present.names[0]))
            memcpy(st->present.names[st->present.n++], name, strlen(name) + 1);
    }
}

/* The region's document with input.osprey = {region, account, partition} (returns new). */
static enum osp_code region_doc(const struct run_state *st, size_t i, rv *out, struct osp_err *err)
{
    const struct scan_input *in = &st->inputs[i];
    rv doc;
    if (!rv_is_undef(in->doc)) {
        doc = rv_ref(in->doc);
    } else {
        enum osp_code rc = rego_input_parse(in->json ? in->json : "{}", in->json ? in->json_len : 2, &doc, err);
        if (rc)
            return rc;
    }
    if (rv_kind(doc) != RV_OBJECT) {
        rv_unref(doc);
        return osp_err_set(err, OSP_EPARSE, "input for region %s is not a JSON object", in->region);
    }
    rv meta = rv_obj_new();
    rv_obj_set(&meta, rv_str_new("region"), rv_str_new(in->region ? in->region : ""));
    rv_obj_set(&meta, rv_str_new("account"), rv_str_new(st->account ? st->account : ""));
    rv_obj_set(&meta, rv_str_new("partition"), rv_str_new(st->partition ? st->partition : "aws"));
    rv_obj_set(&doc, rv_str_new("osprey"), meta);
    *out = doc;
    return OSP_OK;
}

/* One deny rule on one input: every result becomes a FAIL record. */
static enum osp_code run_rule(struct run_state *st, size_t check, const char *ref, size_t input, rv doc,
                              struct osp_err *err)
{
    struct scan_catalog *c = st->c;
    rv v;
    struct osp_err e2;
    osp_err_init(&e2);
    if (rego_eval_ref(c->engine, ref, doc, &v, &e2)) {
        /* One broken check must not hide every other finding: log it and go on. */
        osp_warn(c->ctx, "check %s (%s) failed in %s: %s", c->checks[check].id, ref, st->inputs[input].region, e2.msg);
        return scan_raw_add(&st->errors, check, input, "", e2.msg, 0, err); /* a gap in the report */
    }
    size_t n = rv_kind(v) == RV_SET || rv_kind(v) == RV_ARRAY ? rv_len(v) : 0;
    if (c->trace)
        osp_log(c->ctx, OSP_LOG_INFO, "trace: %s %s (%s): %zu result(s)", st->inputs[input].region, ref,
                c->checks[check].id, n);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        /* the report sorts findings itself; --trace lists them in the set's order */
        rv item = rv_kind(v) != RV_SET ? rv_arr_at(v, i) : c->trace ? rv_set_at(v, i) : rv_set_at_unsorted(v, i);
        char *msg, *res;
        rc = scan_result_decode(item, &msg, &res, err);
        if (rc)
            break;
        if (c->trace)
            osp_log(c->ctx, OSP_LOG_INFO, "trace:   deny %s: %s", *res ? res : "(no resource)", msg);
        rc = scan_raw_add(&st->raws, check, input, res, msg, 0, err);
        if (!rc)
            st->raws.v[st->raws.n - 1].global = scan_service_is_global(c->checks[check].service);
        if (!rc)
            rc = scan_raw_locate(&st->raws.v[st->raws.n - 1], item, err);
        free(msg);
        free(res);
    }
    rv_unref(v);
    return rc;
}

/* Out of memory marking a check satisfied: the control then judges region by region (FAIL wins). */
static void rc_oom_ignored(struct run_state *st)
{
    osp_warn(st->c->ctx, "out of memory: account-wide check results are judged region by region");
}

/* A check's `satisfied` rule (true when this region's data meets the check for the whole account,
 * e.g. one trail with the whole alarm chain), then its `not_evaluated` rule: strings (a reason no scan settles, e.g. data in another
 * account) or {"region": R, "reason": S} objects (settled when region R is scanned). */
static enum osp_code run_gaps(struct run_state *st, size_t check, size_t input, rv doc, struct osp_err *err)
{
    const char *ref = st->c->run[check].gap_ref;
    rv v;
    struct osp_err e2;
    osp_err_init(&e2);
    const char *sref = st->c->run[check].satisfied_ref;
    if (sref && !rego_eval_ref(st->c->engine, sref, doc, &v, &e2)) {
        if (rv_is_true(v)) {
            if (!st->gaps.satisfied && !(st->gaps.satisfied = calloc(st->c->nchecks + 1, 1)))
                rc_oom_ignored(st);
            if (st->gaps.satisfied)
                st->gaps.satisfied[check] = 1;
        }
        rv_unref(v);
    }
    osp_err_init(&e2);
    if (!ref)
        return OSP_OK;
    if (rego_eval_ref(st->c->engine, ref, doc, &v, &e2)) {
        osp_warn(st->c->ctx, "check %s (%s) failed in %s: %s", st->c->checks[check].id, ref, st->inputs[input].region,
                 e2.msg);
        return OSP_OK;
    }
    size_t n = rv_kind(v) == RV_SET || rv_kind(v) == RV_ARRAY ? rv_len(v) : 0;
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        rv item = rv_kind(v) == RV_SET ? rv_set_at(v, i) : rv_arr_at(v, i);
        if (rv_kind(item) == RV_STRING)
            rc = scan_gap_add(&st->gaps, check, "", rv_str(item), err);
        else if (rv_kind(item) == RV_OBJECT && rv_kind(rv_obj_get_s(item, "reason")) == RV_STRING)
            rc = scan_gap_add(&st->gaps, check, rv_str(rv_obj_get_s(item, "region")),
                              rv_str(rv_obj_get_s(item, "reason")), err);
    }
    rv_unref(v);
    return rc;
}

/* --include-non-failures: a PASS record for each resource of the collections the check reads
 * (input.aws.<service>.<collection>); scan_raw_dedupe() later drops those it failed anywhere.
 * When it reads none by name: one account-level PASS per region where it found nothing. */
static enum osp_code add_passes(struct run_state *st, size_t check, size_t input, rv doc, size_t nfail_before,
                                struct osp_err *err)
{
    const struct scan_check *chk = &st->c->checks[check];
    const struct scan_check_run *run = &st->c->run[check];
    rv svc = rv_obj_get_s(rv_obj_get_s(doc, "aws"), chk->service);
    if (rv_kind(svc) != RV_OBJECT)
        return OSP_OK;
    if (!run->ncollections)
        return st->raws.n == nfail_before ? scan_raw_add(&st->raws, check, input, "", "no issue found", 1, err)
                                          : OSP_OK;
    for (size_t k = 0; k < run->ncollections; k++) {
        rv coll = scan_collection(svc, run->collections[k]);
        size_t n = rv_kind(coll) == RV_ARRAY ? rv_len(coll) : rv_kind(coll) == RV_OBJECT;
        for (size_t i = 0; i < n; i++) {
            rv item = rv_kind(coll) == RV_ARRAY ? rv_arr_at(coll, i) : coll;
            rv arn = rv_obj_get_s(rv_obj_get_s(item, "__defsec_metadata"), "resource");
            if (rv_kind(arn) != RV_STRING || !rv_len(arn))
                continue;
            enum osp_code rc = scan_raw_add(&st->raws, check, input, rv_str(arn), "no issue found", 1, err);
            if (rc)
                return rc;
        }
    }
    return OSP_OK;
}

/* Whether a document carries one of the global services. */
static int holds_global(rv doc)
{
    rv aws = rv_obj_get_s(doc, "aws");
    for (size_t i = 0; rv_kind(aws) == RV_OBJECT && i < rv_len(aws); i++)
        if (scan_service_is_global(rv_str(rv_obj_key_at(aws, i))))
            return 1;
    return 0;
}

static enum osp_code run_input(struct run_state *st, size_t input, struct osp_err *err)
{
    rv doc;
    enum osp_code rc = region_doc(st, input, &doc, err);
    if (rc)
        return rc;
    note_present(st, doc);
    if (st->first_global_input == st->ninputs && holds_global(doc))
        st->first_global_input = input;
    int gaps = scan_doc_has_gaps(doc);
    for (size_t k = 0; !rc && k < st->c->nchecks; k++) {
        if (input > st->first_global_input && st->c->run[k].global_only)
            continue; /* global state is the same in every region: judged once */
        size_t before = st->raws.n;
        for (size_t r = 0; !rc && r < st->c->run[k].ndeny; r++)
            rc = run_rule(st, k, st->c->run[k].deny_refs[r], input, doc, err);
        if (!rc)
            rc = run_gaps(st, k, input, doc, err);
        if (!rc && st->c->include_non_failures)
            rc = add_passes(st, k, input, doc, before, err);
        if (!rc && gaps)
            rc = scan_gaps_apply(st->c, &st->raws, k, input, before, doc, err);
    }
    rv_unref(doc);
    if (rc)
        osp_err_prefix(err, "region %s: ", st->inputs[input].region);
    return rc;
}

enum osp_code scan_evaluate(struct scan_catalog *c, const char *account, const char *partition,
                            const struct scan_input *inputs, size_t ninputs, const struct res_service *services,
                            size_t nservices, struct res_report *report, struct osp_err *err)
{
    if (!c->engine)
        return osp_err_set(err, OSP_EINTERNAL, "scan catalog was loaded for metadata only");
    struct run_state st = {c, account, partition, inputs, ninputs, {0}, {0}, {.n = 0}, 0, {0}};
    if (c->trace && c->ctx->log_level < OSP_LOG_INFO)
        c->ctx->log_level = OSP_LOG_INFO; /* --trace prints to stderr without --debug */
    enum osp_code rc = OSP_OK;
    st.first_global_input = ninputs;
    for (size_t i = 0; !rc && i < ninputs; i++)
        rc = run_input(&st, i, err);
    if (!rc) {
        scan_raw_dedupe(&st.raws);
        rc = scan_report_fill(c, account, partition, inputs, ninputs, &st.raws, &st.errors, &st.present, services,
                              nservices, &st.gaps, report, err);
    }
    scan_raw_cleanup(&st.raws);
    scan_raw_cleanup(&st.errors);
    scan_gap_cleanup(&st.gaps);
    return rc;
}
