/* plan.c: make, write and read the shard plan of an organization scan (see plan.h). */
#include "cli/plan.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_MAX_BYTES (16u << 20)

void cli_plan_free(struct cli_plan *p)
{
    for (size_t i = 0; p && i < p->n; i++)
        free(p->shards[i].accounts);
    if (p) {
        free(p->shards);
        memset(p, 0, sizeof(*p));
    }
}

static int is_account(const char *s, size_t n)
{
    if (n != 12)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static enum osp_code add_shard(struct cli_plan *p, struct osp_err *err)
{
    struct cli_shard *v = realloc(p->shards, (p->n + 1) * sizeof(*v));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory building the plan");
    p->shards = v;
    v[p->n++] = (struct cli_shard){0};
    return OSP_OK;
}

static enum osp_code add_account(struct cli_plan *p, const char *a, size_t n, const char *where, struct osp_err *err)
{
    if (!is_account(a, n))
        return osp_err_set(err, OSP_EUSAGE, "%s: '%.*s' is not a 12-digit account id", where, (int)(n > 40 ? 40 : n),
                           a);
    char id[13];
    memcpy(id, a, 12);
    id[12] = '\0';
    if (cli_plan_shard_of(p, id))
        return osp_err_set(err, OSP_EUSAGE, "%s: account %s is planned twice", where, id);
    struct cli_shard *s = &p->shards[p->n - 1];
    char(*v)[13] = realloc(s->accounts, (s->n + 1) * sizeof(*v));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory building the plan");
    s->accounts = v;
    memcpy(v[s->n++], id, 13);
    p->n_accounts++;
    return OSP_OK;
}

size_t cli_plan_shard_of(const struct cli_plan *p, const char *account)
{
    for (size_t i = 0; i < p->n; i++)
        for (size_t j = 0; j < p->shards[i].n; j++)
            if (!strcmp(p->shards[i].accounts[j], account))
                return i + 1;
    return 0;
}

enum osp_code cli_plan_make(const char (*accounts)[13], size_t n, size_t shard_size, const char *role,
                            struct cli_plan *out, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    snprintf(out->role, sizeof(out->role), "%s", role ? role : "");
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        if (i % (shard_size ? shard_size : 1) == 0)
            rc = add_shard(out, err);
        if (!rc)
            rc = add_account(out, accounts[i], strlen(accounts[i]), "plan", err);
    }
    if (rc)
        cli_plan_free(out);
    return rc;
}

/* ---- writing ---- */

static void write_accounts(const struct cli_shard *s, FILE *out)
{
    for (size_t j = 0; j < s->n; j++)
        fprintf(out, "%s%s", j ? "," : "", s->accounts[j]);
}

static void write_lines(const struct cli_plan *p, FILE *out)
{
    fprintf(out, "# osprey org plan: %zu accounts in %zu shards; member role %s\n", p->n_accounts, p->n, p->role);
    for (size_t i = 0; i < p->n; i++) {
        write_accounts(&p->shards[i], out);
        fputc('\n', out);
    }
}

static enum osp_code write_github(const struct cli_plan *p, FILE *out, struct osp_err *err)
{
    json_t *root = json_object(), *inc = json_array();
    int bad = !root || !inc || json_object_set_new(root, "include", inc);
    for (size_t i = 0; !bad && i < p->n; i++) {
        char shard[24];
        snprintf(shard, sizeof(shard), "%zu", i + 1);
        size_t len = p->shards[i].n * 13 + 1;
        char *list = malloc(len);
        json_t *e = json_object();
        bad = !list || !e;
        for (size_t j = 0, k = 0; !bad && j < p->shards[i].n; j++)
            k += (size_t)snprintf(list + k, len - k, "%s%s", j ? "," : "", p->shards[i].accounts[j]);
        if (!bad && p->shards[i].n == 0)
            list[0] = '\0';
        bad = bad || json_object_set_new(e, "shard", json_string(shard)) ||
              json_object_set_new(e, "accounts", json_string(list)) ||
              json_object_set_new(e, "role", json_string(p->role)) || json_array_append(inc, e);
        json_decref(e);
        free(list);
    }
    if (!bad)
        bad = json_dumpf(root, out, JSON_COMPACT | JSON_PRESERVE_ORDER) || fputc('\n', out) == EOF;
    json_decref(root);
    return bad ? osp_err_set(err, OSP_EIO, "cannot write the github plan") : OSP_OK;
}

static void write_gitlab(const struct cli_plan *p, const char *include, FILE *out)
{
    fprintf(out,
            "# osprey org plan: %zu accounts in %zu shards (generated: a child pipeline; do not edit)\n"
            "include:\n  - local: \"%s\"\n"
            "osprey-org-scan:\n  extends: .osprey-org-scan\n  variables:\n    OSPREY_MEMBER_ROLE_NAME: \"%s\"\n"
            "  parallel:\n    matrix:\n",
            p->n_accounts, p->n, include, p->role);
    for (size_t i = 0; i < p->n; i++) {
        fprintf(out, "      - OSPREY_SHARD: \"%zu\"\n        OSPREY_ACCOUNTS: \"", i + 1);
        write_accounts(&p->shards[i], out);
        fprintf(out, "\"\n");
    }
}

enum osp_code cli_plan_fits(const struct cli_plan *p, const char *format, struct osp_err *err)
{
    int github = !strcmp(format, "github");
    size_t max = github ? CLI_PLAN_GITHUB_MAX : CLI_PLAN_GITLAB_MAX;
    if (strcmp(format, "lines") && strcmp(format, "github") && strcmp(format, "gitlab"))
        return osp_err_set(err, OSP_EUSAGE, "unknown plan format '%s' (use github, gitlab or lines)", format);
    if (!strcmp(format, "lines") || p->n <= max)
        return OSP_OK;
    return osp_err_set(err, OSP_EUSAGE, "%zu shards exceed %s's %zu jobs per %s (raise --shard-size to at least %zu)",
                       p->n, github ? "GitHub" : "GitLab", max, github ? "matrix" : "parallel:matrix",
                       (p->n_accounts + max - 1) / max);
}

enum osp_code cli_plan_write(const struct cli_plan *p, const char *format, const char *gitlab_include, FILE *out,
                             struct osp_err *err)
{
    enum osp_code rc = cli_plan_fits(p, format, err);
    if (rc)
        return rc;
    if (!strcmp(format, "github"))
        return write_github(p, out, err);
    if (!strcmp(format, "gitlab"))
        write_gitlab(p, gitlab_include, out);
    else
        write_lines(p, out);
    return OSP_OK;
}

/* ---- reading ---- */

static enum osp_code add_list(struct cli_plan *p, const char *s, size_t len, const char *where, struct osp_err *err)
{
    enum osp_code rc = add_shard(p, err);
    for (size_t i = 0; !rc && i < len;) {
        size_t n = 0;
        while (i + n < len && s[i + n] != ',')
            n++;
        const char *a = s + i;
        size_t m = n;
        while (m && isspace((unsigned char)*a))
            a++, m--;
        while (m && isspace((unsigned char)a[m - 1]))
            m--;
        rc = add_account(p, a, m, where, err);
        i += n + 1;
    }
    return rc;
}

static enum osp_code read_github(const char *path, const char *text, struct cli_plan *p, struct osp_err *err)
{
    json_error_t je;
    json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
    json_t *inc = json_object_get(root, "include");
    enum osp_code rc = OSP_OK;
    if (!root || !json_is_array(inc))
        rc = osp_err_set(err, OSP_EUSAGE,
                         "%s: not a plan (expected {\"include\": [...]} from 'osprey org plan "
                         "--format github'%s%s)",
                         path, root ? "" : ": ", root ? "" : je.text);
    size_t i;
    json_t *e;
    json_array_foreach(inc, i, e)
    {
        const char *list = json_string_value(json_object_get(e, "accounts"));
        const char *role = json_string_value(json_object_get(e, "role"));
        char where[600];
        snprintf(where, sizeof(where), "%s: shard %zu", path, i + 1);
        if (rc)
            break;
        if (!list)
            rc = osp_err_set(err, OSP_EUSAGE, "%s has no \"accounts\"", where);
        else
            rc = add_list(p, list, strlen(list), where, err);
        if (role && !p->role[0])
            snprintf(p->role, sizeof(p->role), "%s", role);
    }
    json_decref(root);
    return rc;
}

static enum osp_code read_lines(const char *path, const char *text, struct cli_plan *p, struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    size_t line = 0;
    for (const char *s = text; !rc && *s;) {
        size_t n = strcspn(s, "\n");
        line++;
        size_t k = strspn(s, " \t\r");
        if (k < n && s[k] != '#') {
            char where[600];
            snprintf(where, sizeof(where), "%s:%zu", path, line);
            size_t m = n;
            while (m > k && isspace((unsigned char)s[m - 1]))
                m--;
            rc = add_list(p, s + k, m - k, where, err);
        } else if (k < n && line == 1 && !strncmp(s + k, "# osprey org plan:", 18)) {
            const char *r = strstr(s, "member role ");
            if (r && r < s + n)
                snprintf(p->role, sizeof(p->role), "%.*s", (int)(s + n - r - 12), r + 12);
        }
        s += n + (s[n] == '\n');
    }
    return rc;
}

enum osp_code cli_plan_read(const char *path, struct cli_plan *out, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    FILE *f = fopen(path, "rb");
    if (!f)
        return osp_err_set(err, OSP_EUSAGE, "cannot read the plan '%s' (give the file 'osprey org plan' wrote)", path);
    char *text = malloc(PLAN_MAX_BYTES + 1);
    size_t n = text ? fread(text, 1, PLAN_MAX_BYTES + 1, f) : 0;
    int bad = ferror(f);
    fclose(f);
    enum osp_code rc = OSP_OK;
    if (!text)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory reading the plan");
    else if (bad || n > PLAN_MAX_BYTES)
        rc = osp_err_set(err, OSP_EUSAGE, "%s: %s", path, bad ? "read error" : "larger than 16 MiB: not a plan");
    else if (memchr(text, '\0', n))
        rc = osp_err_set(err, OSP_EUSAGE, "%s: a NUL byte: not a plan", path);
    if (!rc) {
        text[n] = '\0';
        const char *first = text + strspn(text, " \t\r\n");
        rc = *first == '{' ? read_github(path, text, out, err) : read_lines(path, text, out, err);
    }
    if (!rc && !out->n_accounts)
        rc = osp_err_set(err, OSP_EUSAGE, "%s: the plan lists no account", path);
    free(text);
    if (rc)
        cli_plan_free(out);
    return rc;
}
