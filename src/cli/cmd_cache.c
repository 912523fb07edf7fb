/* cmd_cache.c: `osprey cache ls|export|import|clean`: look after the scan cache and its artifacts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache/cache.h"
#include "core/ci.h"
#include "cli/cli.h"
#include "core/log.h"
#include "core/timeutil.h"

#define CC_MAX_LIST 64

enum cc_flag { F_DIR = 1, F_FORMAT = 2, F_ACCOUNT = 4, F_REGION = 8, F_OLDER = 16 };

struct cc_opts {
    const char *cache_dir, *format, *path, *older_than;
    const char *accounts[CC_MAX_LIST], *regions[CC_MAX_LIST];
    size_t naccounts, nregions;
    int help;
};

static const struct {
    const char *name;
    enum cc_flag flag;
} cc_flags[] = {
    {"cache-dir", F_DIR}, {"format", F_FORMAT}, {"account", F_ACCOUNT}, {"region", F_REGION}, {"older-than", F_OLDER},
};

static const char cc_usage[] =
    "Usage: osprey cache <command> [flags]\n"
    "\n"
    "Look after the scan cache (one entry per account, region and service) and cache artifacts.\n"
    "\n"
    "Commands:\n"
    "  ls      [--cache-dir D] [--format table|json]     list entries: account, region, service, age, size\n"
    "  export  PATH [--account A]... [--region R]... [--cache-dir D]\n"
    "                                                   write entries to an artifact (global services are\n"
    "                                                   always included with --region)\n"
    "  import  PATH [--cache-dir D]                     verify an artifact and load it into the cache\n"
    "  clean   [--older-than D] [--cache-dir D]         remove entries older than D (90m, 2h, 1d), or all\n"
    "\n"
    "The cache lives in --cache-dir, else $XDG_CACHE_HOME/osprey, else ~/.cache/osprey. In CI (CI,\n"
    "GITHUB_ACTIONS, GITLAB_CI, JENKINS_URL, ...) there is no default: pass --cache-dir.\n"
    "Exit status: 0 ok, 2 bad flags, 3 cache or artifact error.\n";

static int add_list(const char **list, size_t *n, const char *v, const char *flag)
{
    if (*n >= CC_MAX_LIST)
        return cli_usage_error("too many --%s values (max %d)", flag, CC_MAX_LIST);
    list[(*n)++] = v;
    return 0;
}

static int set_flag(struct cc_opts *o, enum cc_flag f, const char *v)
{
    switch (f) {
    case F_DIR:
        o->cache_dir = v;
        return 0;
    case F_FORMAT:
        if (strcmp(v, "table") && strcmp(v, "json"))
            return cli_usage_error("invalid --format '%s' for 'cache ls' (use table or json)", v);
        o->format = v;
        return 0;
    case F_ACCOUNT:
        return add_list(o->accounts, &o->naccounts, v, "account");
    case F_REGION:
        return add_list(o->regions, &o->nregions, v, "region");
    case F_OLDER:
        o->older_than = v;
        return 0;
    }
    return 2;
}

/* One flag at argv[*i] ("--name value" or "--name=value"); returns 0 or an exit status. */
static int parse_flag(struct cc_opts *o, unsigned allowed, const char *sub, int argc, char **argv, int *i)
{
    const char *arg = argv[*i] + 2, *eq = strchr(arg, '=');
    size_t nlen = eq ? (size_t)(eq - arg) : strlen(arg);
    for (size_t k = 0; k < sizeof(cc_flags) / sizeof(cc_flags[0]); k++) {
        if (strlen(cc_flags[k].name) != nlen || strncmp(cc_flags[k].name, arg, nlen) != 0)
            continue;
        if (!(allowed & cc_flags[k].flag))
            break;
        const char *v = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!v || !*v)
            return cli_usage_error("--%s needs a value (see 'osprey cache --help')", cc_flags[k].name);
        return set_flag(o, cc_flags[k].flag, v);
    }
    return cli_usage_error("unknown flag '%s' for 'cache %s' (see 'osprey cache --help')", argv[*i], sub);
}

static int parse_args(struct cc_opts *o, unsigned allowed, int want_path, int argc, char **argv)
{
    memset(o, 0, sizeof(*o));
    const char *sub = argv[0];
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            o->help = 1;
        } else if (!strncmp(argv[i], "--", 2) && argv[i][2]) {
            if ((rc = parse_flag(o, allowed, sub, argc, argv, &i)) != 0)
                return rc;
        } else if (want_path && !o->path) {
            o->path = argv[i];
        } else {
            return cli_usage_error("unexpected argument '%s' for 'cache %s' (see 'osprey cache --help')", argv[i], sub);
        }
    }
    if (want_path && !o->path && !o->help)
        return cli_usage_error("'cache %s' needs an artifact PATH (see 'osprey cache --help')", sub);
    return 0;
}

/* --cache-dir, else the default; *dir is the caller's to free. Returns 0 or an exit status. */
static int resolve_dir(struct osp_ctx *ctx, const struct cc_opts *o, char **dir)
{
    struct osp_err err;
    osp_err_init(&err);
    if (o->cache_dir) {
        *dir = strdup(o->cache_dir);
        return *dir ? 0 : 3;
    }
    if (cache_default_dir(ctx, dir, &err))
        return cli_fail(&err);
    if (!*dir)
        return cli_usage_error("in CI (%s) osprey keeps no cache unless you pass --cache-dir DIR", osp_ci_name(ctx));
    return 0;
}

static int db_exists(const char *dir)
{
    char *p = cache_db_path(dir);
    struct stat st;
    int ok = p && stat(p, &st) == 0;
    free(p);
    return ok;
}

static const char *entries_word(size_t n)
{
    return n == 1 ? "entry" : "entries";
}

static void human_size(size_t n, char *out, size_t cap)
{
    if (n < 1024)
        snprintf(out, cap, "%zu B", n);
    else if (n < 1024 * 1024)
        snprintf(out, cap, "%.1f KiB", (double)n / 1024.0);
    else
        snprintf(out, cap, "%.1f MiB", (double)n / (1024.0 * 1024.0));
}

static void print_json_str(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void print_ls_json(struct osp_ctx *ctx, const char *dir, const struct cache_entry *e, size_t n)
{
    printf("{\"cache_dir\":");
    print_json_str(dir);
    printf(",\"entries\":[");
    for (size_t i = 0; i < n; i++) {
        char ts[32];
        osp_format_rfc3339(e[i].collected_at, ts, sizeof(ts));
        printf("%s{\"account\":", i ? "," : "");
        print_json_str(e[i].account);
        printf(",\"partition\":");
        print_json_str(e[i].partition);
        printf(",\"region\":");
        print_json_str(e[i].region);
        printf(",\"service\":");
        print_json_str(e[i].service);
        printf(",\"collected_at\":\"%s\",\"age_seconds\":%lld,\"size\":%zu,\"osprey_version\":", ts,
               (long long)(osp_now(ctx) - e[i].collected_at), e[i].size);
        print_json_str(e[i].osprey_version);
        printf(",\"schema_version\":%d,\"collection_error\":%s}", e[i].schema_version,
               e[i].status_json ? "true" : "false");
    }
    printf("]}\n");
}

static void print_ls_table(struct osp_ctx *ctx, const char *dir, const struct cache_entry *e, size_t n)
{
    if (!n) {
        printf("no cached entries in %s\n", dir);
        return;
    }
    printf("%-14s %-16s %-20s %6s %10s  %s\n", "ACCOUNT", "REGION", "SERVICE", "AGE", "SIZE", "STATUS");
    for (size_t i = 0; i < n; i++) {
        char age[32], size[32];
        long long secs = (long long)(osp_now(ctx) - e[i].collected_at);
        osp_format_age(secs < 0 ? 0 : secs, age, sizeof(age));
        human_size(e[i].size, size, sizeof(size));
        char acct[4 * sizeof(e[i].account)], reg[4 * sizeof(e[i].region)], svc[4 * sizeof(e[i].service)];
        cache_escape(e[i].account, acct, sizeof(acct)); /* keys came from files: never raw control bytes */
        cache_escape(e[i].region, reg, sizeof(reg));
        cache_escape(e[i].service, svc, sizeof(svc));
        printf("%-14s %-16s %-20s %6s %10s  %s\n", acct, reg, svc, age, size, e[i].status_json ? "error" : "ok");
    }
}

/* Open the cache in dir, or report the failure; returns 0 or an exit status. */
static int open_store(struct osp_ctx *ctx, const char *dir, struct cache_store **s)
{
    struct osp_err err;
    osp_err_init(&err);
    return cache_open(ctx, dir, s, &err) ? cli_fail(&err) : 0;
}

static int cmd_ls(struct osp_ctx *ctx, const struct cc_opts *o, const char *dir)
{
    struct cache_entry *e = NULL;
    size_t n = 0;
    if (db_exists(dir)) {
        struct cache_store *s = NULL;
        struct osp_err err;
        osp_err_init(&err);
        int rc = open_store(ctx, dir, &s);
        if (rc)
            return rc;
        enum osp_code c = cache_list(s, &e, &n, &err);
        cache_close(s);
        if (c)
            return cli_fail(&err);
    }
    if (o->format && !strcmp(o->format, "json"))
        print_ls_json(ctx, dir, e, n);
    else
        print_ls_table(ctx, dir, e, n);
    cache_entries_free(e, n);
    return 0;
}

static int in_list(const char *const *list, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], v))
            return 1;
    return 0;
}

static int selected(const struct cc_opts *o, const struct cache_entry *e)
{
    if (o->naccounts && !in_list(o->accounts, o->naccounts, e->account))
        return 0;
    if (o->nregions && strcmp(e->region, "global") != 0 && !in_list(o->regions, o->nregions, e->region))
        return 0;
    return 1;
}

/* Load the state of every listed entry that the filters select; compacts `list` in place. */
static enum osp_code load_selected(struct cache_store *s, const struct cc_opts *o, struct cache_entry *list, size_t *n,
                                   struct osp_err *err)
{
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        if (!selected(o, &list[i])) {
            cache_entry_cleanup(&list[i]);
            continue;
        }
        struct cache_entry full;
        enum osp_code rc =
            cache_get(s, list[i].account, list[i].partition, list[i].region, list[i].service, -1, &full, err);
        cache_entry_cleanup(&list[i]);
        if (rc == OSP_ENOTFOUND) /* removed since listing */
            continue;
        if (rc) {
            for (size_t j = i + 1; j < *n; j++)
                cache_entry_cleanup(&list[j]);
            *n = kept;
            return rc;
        }
        list[kept++] = full;
    }
    *n = kept;
    return OSP_OK;
}

/* OSPREY_ARTIFACT_KEY, when set, keys export and import as it keys scans. */
static enum osp_code env_key(struct osp_ctx *ctx, struct art_key *k, int *keyed, struct osp_err *err)
{
    const char *env = osp_getenv(ctx, "OSPREY_ARTIFACT_KEY");
    *keyed = env && *env;
    if (*keyed && art_key_derive(env, k, err))
        return (osp_err_prefix(err, "OSPREY_ARTIFACT_KEY: "), err->code);
    return OSP_OK;
}

static int cmd_export(struct osp_ctx *ctx, const struct cc_opts *o, const char *dir)
{
    struct osp_err err;
    osp_err_init(&err);
    if (!db_exists(dir)) {
        osp_err_set(&err, OSP_ECACHE, "no cache in %s to export (scan with --cache-dir %s first)", dir, dir);
        return cli_fail(&err);
    }
    struct cache_store *s = NULL;
    int rc = open_store(ctx, dir, &s);
    if (rc)
        return rc;
    struct cache_entry *e = NULL;
    size_t n = 0;
    enum osp_code c = cache_list(s, &e, &n, &err);
    if (!c)
        c = load_selected(s, o, e, &n, &err);
    cache_close(s);
    if (!c && n == 0)
        c = osp_err_set(&err, OSP_ECACHE, "no cached entries in %s match the --account/--region filters", dir);
    struct art_key key;
    int keyed = 0;
    if (!c)
        c = env_key(ctx, &key, &keyed, &err);
    if (!c)
        c = art_write_keyed(ctx, keyed ? &key : NULL, o->path, e, n, osp_now(ctx), &err);
    if (keyed)
        art_key_cleanse(&key);
    cache_entries_free(e, n);
    if (c)
        return cli_fail(&err);
    printf("exported %zu %s to %s\n", n, entries_word(n), o->path);
    return 0;
}

static int cmd_import(struct osp_ctx *ctx, const struct cc_opts *o, const char *dir)
{
    struct osp_err err;
    osp_err_init(&err);
    struct cache_entry *e = NULL;
    size_t n = 0;
    struct art_key key;
    int keyed = 0;
    enum osp_code c = env_key(ctx, &key, &keyed, &err);
    if (!c)
        c = art_read_keyed(ctx, keyed ? &key : NULL, o->path, &e, &n, NULL, &err);
    if (keyed)
        art_key_cleanse(&key);
    if (c) {
        if (err.code == OSP_ENOTFOUND)
            err.code = OSP_EIO; /* a missing file is an artifact error here: exit 3 */
        return cli_fail(&err);
    }
    if (!keyed) /* an explicit import is the operator's call; scans never import such a file */
        osp_warn(ctx,
                 "importing unauthenticated artifact '%s' (no OSPREY_ARTIFACT_KEY): its state will be trusted "
                 "as if this machine had collected it",
                 o->path);
    struct cache_store *s = NULL;
    int rc = open_store(ctx, dir, &s);
    if (!rc && cache_put(s, e, n, &err))
        rc = cli_fail(&err);
    cache_close(s);
    cache_entries_free(e, n);
    if (!rc)
        printf("imported %zu %s from %s into %s\n", n, entries_word(n), o->path, dir);
    return rc;
}

/* Without --older-than: drop the database files (also a corrupted one); with it: delete old rows. */
static int cmd_clean(struct osp_ctx *ctx, const struct cc_opts *o, const char *dir)
{
    struct osp_err err;
    osp_err_init(&err);
    long long older = -1;
    if (o->older_than && osp_parse_duration(o->older_than, &older, &err))
        return cli_usage_error("%s", err.msg);
    if (!db_exists(dir)) {
        printf("removed 0 entries (no cache in %s)\n", dir);
        return 0;
    }
    struct cache_store *s = NULL;
    size_t removed = 0;
    enum osp_code c = cache_open(ctx, dir, &s, &err);
    if (c == OSP_ECACHE && older < 0) { /* corrupted: starting afresh is what clean is for */
        if (cache_destroy(dir, &err))
            return cli_fail(&err);
        printf("removed the unreadable cache database in %s\n", dir);
        return 0;
    }
    if (!c)
        c = cache_clean(s, older, &removed, &err);
    cache_close(s);
    if (!c && older < 0)
        c = cache_destroy(dir, &err);
    if (c)
        return cli_fail(&err);
    printf("removed %zu %s from %s\n", removed, entries_word(removed), dir);
    return 0;
}

static const struct {
    const char *name;
    unsigned flags;
    int want_path;
    int (*fn)(struct osp_ctx *, const struct cc_opts *, const char *);
} cc_cmds[] = {
    {"ls", F_DIR | F_FORMAT, 0, cmd_ls},
    {"export", F_DIR | F_ACCOUNT | F_REGION, 1, cmd_export},
    {"import", F_DIR, 1, cmd_import},
    {"clean", F_DIR | F_OLDER, 0, cmd_clean},
};

int cli_cache(struct osp_ctx *ctx, int argc, char **argv)
{
    if (argc < 2) {
        fputs(cc_usage, stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        fputs(cc_usage, stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof(cc_cmds) / sizeof(cc_cmds[0]); i++) {
        if (strcmp(argv[1], cc_cmds[i].name) != 0)
            continue;
        struct cc_opts o;
        int rc = parse_args(&o, cc_cmds[i].flags, cc_cmds[i].want_path, argc - 1, argv + 1);
        if (rc || o.help) {
            if (o.help && !rc)
                fputs(cc_usage, stdout);
            return rc;
        }
        char *dir = NULL;
        if ((rc = resolve_dir(ctx, &o, &dir)) != 0)
            return rc;
        rc = cc_cmds[i].fn(ctx, &o, dir);
        free(dir);
        return rc;
    }
    return cli_usage_error("unknown cache command '%s' (use ls, export, import or clean)", argv[1]);
}
