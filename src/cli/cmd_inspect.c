/* cmd_inspect.c: `osprey inspect`: print the input documents the checks will see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/deadline.h"
#include "cli/opts.h"
#include "cli/scope.h"
#include "cli/session.h"
#include "cli/state_source.h"

/* One region: the document itself (ready for `osprey rego eval --input`); several: keyed by region. */
static enum osp_code print_inputs(struct cli_session *s, const struct scan_state *st, struct osp_err *err)
{
    json_t *out = s->scope.nregions == 1 ? NULL : json_object();
    for (size_t i = 0; i < s->scope.nregions; i++) {
        json_t *doc = col_build_input(st->results, st->n, s->scope.regions[i]);
        if (!doc) {
            json_decref(out);
            return osp_err_set(err, OSP_ENOMEM, "out of memory building the input of %s", s->scope.regions[i]);
        }
        if (!out)
            out = doc;
        else
            json_object_set_new(out, s->scope.regions[i], doc);
    }
    int rc = json_dumpf(out, stdout, JSON_INDENT(2) | JSON_SORT_KEYS);
    json_decref(out);
    if (rc)
        return osp_err_set(err, OSP_EIO, "could not write to stdout");
    fputc('\n', stdout);
    return OSP_OK;
}

int cli_inspect(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(ctx, CLI_CMD_INSPECT, argc, argv, &o, &err))
        return cli_fail(&err);
    if (o.help) {
        cli_opts_usage(CLI_CMD_INSPECT, stdout);
        return 0;
    }
    cli_deadline_arm(o.timeout);
    const char *services[64];
    size_t nservices = 0;
    struct cli_session s;
    struct scan_state st;
    memset(&st, 0, sizeof(st));
    enum osp_code rc = cli_scope_services(&o, services, &nservices, &err);
    if (!rc)
        rc = cli_session_open(ctx, &o, &s, &err);
    if (!rc)
        rc = cli_state_load(&s, services, nservices, &st, &err);
    if (!rc)
        rc = scan_state_parse(&st, &err);
    if (!rc)
        rc = cli_state_save_artifact(&s, &st, &err);
    if (!rc)
        rc = print_inputs(&s, &st, &err);
    scan_state_cleanup(&st);
    cli_session_close(&s);
    return rc ? cli_fail(&err) : 0;
}
