/* cmd_rego.c: `osprey rego eval|test|parse`, OPA-compatible tools for policy authors. */
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "cli/opts.h"
#include "rego/rego.h"
#include "scan/scan.h"

#define MAX_FILE_BYTES ((size_t)512 << 20)

static const char rego_usage[] =
    "usage: osprey rego eval [--format json|pretty] [--data FILE_OR_DIR]... [--input FILE | --input-term TERM]\n"
    "                        [--v0-compatible] [--strict-builtin-errors] [--max-eval-memory SIZE] QUERY\n"
    "       osprey rego test [PATH...] [-v] [--run REGEX] [--v0-compatible] [--no-builtin-lib]\n"
    "       osprey rego parse [--v0-compatible] FILE\n";

static char *read_file(const char *path, size_t *len, struct osp_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        osp_err_set(err, OSP_EIO, "cannot open '%s' (check the path)", path);
        return NULL;
    }
    struct osp_buf b;
    osp_buf_init(&b, MAX_FILE_BYTES);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
        if (osp_buf_add(&b, tmp, n)) {
            fclose(f);
            osp_buf_cleanup(&b);
            osp_err_set(err, OSP_ELIMIT, "'%s' is larger than 512 MiB", path);
            return NULL;
        }
    }
    fclose(f);
    *len = b.len;
    char *s = osp_buf_take(&b);
    if (!s) {
        s = calloc(1, 1);
        *len = 0;
    }
    return s;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

/* Load a .rego module, a .json data file, or a directory of them. As with opa, a data file
 * found under a directory is placed at its directory's path below that root (dir/a/b/x.json
 * -> data.a.b); prefix holds those path segments, '/'-separated ("" at the root). */
static enum osp_code load_path(struct rego_engine *e, const char *path, const char *prefix, struct osp_err *err);

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum osp_code load_dir(struct rego_engine *e, const char *dir, const char *prefix, struct osp_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return osp_err_set(err, OSP_EIO, "cannot read directory '%s'", dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof(*p));
            if (!p)
                break;
            names = p;
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_str);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < n; i++) {
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
        struct stat st;
        if (!rc && stat(p, &st) == 0 && (S_ISDIR(st.st_mode) || has_suffix(p, ".rego") || has_suffix(p, ".json"))) {
            char sub[4096];
            if (S_ISDIR(st.st_mode))
                snprintf(sub, sizeof(sub), "%s%s%s", prefix, prefix[0] ? "/" : "", names[i]);
            else
                snprintf(sub, sizeof(sub), "%s", prefix);
            rc = load_path(e, p, sub, err);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static enum osp_code add_data_at(struct rego_engine *e, const char *text, size_t len, const char *prefix,
                                 struct osp_err *err)
{
    if (!prefix[0])
        return rego_add_data_json(e, text, len, err);
    rv v;
    enum osp_code rc = rv_json_parse(text, len, NULL, &v, err);
    if (rc)
        return rc;
    char segs[4096];
    snprintf(segs, sizeof(segs), "%s", prefix);
    for (char *end = segs + strlen(segs);;) { /* wrap from the innermost segment out */
        char *slash = strrchr(segs, '/');
        char *seg = slash ? slash + 1 : segs;
        rv o = rv_obj_new();
        rv_obj_set(&o, rv_str_newn(seg, (size_t)(end - seg)), v);
        v = o;
        if (!slash)
            break;
        *slash = '\0';
        end = slash;
    }
    rc = rego_add_data(e, v, err);
    rv_unref(v);
    return rc;
}

static enum osp_code load_path(struct rego_engine *e, const char *path, const char *prefix, struct osp_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return osp_err_set(err, OSP_EIO, "cannot open '%s' (check the path)", path);
    if (S_ISDIR(st.st_mode))
        return load_dir(e, path, prefix, err);
    size_t len;
    char *text = read_file(path, &len, err);
    if (!text)
        return err->code;
    enum osp_code rc;
    if (has_suffix(path, ".json"))
        rc = add_data_at(e, text, len, prefix, err);
    else
        rc = rego_add_module(e, path, text, len, err);
    free(text);
    return rc;
}

static void print_json(rv v, bool pretty)
{
    char *s = rv_json_dump(v, pretty);
    if (s) {
        fputs(s, stdout);
        fputc('\n', stdout);
    }
    free(s);
}

/* OPA's error shape from the engine's last structured error. */
static int print_errors(struct rego_engine *e, const struct osp_err *err, bool pretty)
{
    const struct rego_error *le = e ? rego_last_error(e) : NULL;
    rv o = rv_obj_new(), arr = rv_arr_new(), x = rv_obj_new();
    if (le && le->code[0]) {
        /* a file name or message from the command line or the module: one line, escaped */
        char *file = osp_escape_controls(le->file), *msg = osp_escape_controls(le->message);
        if (le->line)
            fprintf(stderr, "%s:%d: %s: %s\n", file, le->line, le->code, msg);
        else
            fprintf(stderr, "%s: %s\n", le->code, msg);
        free(file);
        free(msg);
        rv_obj_set(&x, rv_str_new("code"), rv_str_new(le->code));
        rv_obj_set(&x, rv_str_new("message"), rv_str_new(le->message));
        if (le->line) {
            rv loc = rv_obj_new();
            rv_obj_set(&loc, rv_str_new("file"), rv_str_new(le->file));
            rv_obj_set(&loc, rv_str_new("row"), rv_num_int(le->line));
            rv_obj_set(&loc, rv_str_new("col"), rv_num_int(le->col));
            rv_obj_set(&x, rv_str_new("location"), loc);
        }
    } else {
        rv_obj_set(&x, rv_str_new("code"), rv_str_new(osp_code_name(err->code)));
        rv_obj_set(&x, rv_str_new("message"), rv_str_new(err->msg));
    }
    rv_arr_push(&arr, x);
    rv_obj_set(&o, rv_str_new("errors"), arr);
    print_json(o, pretty);
    rv_unref(o);
    return 2;
}

/* --format json: opa eval's JSON document. --format pretty: for people: each result's bindings
 * (or, without variables, its expression values) as indented JSON, "undefined" when none. */
static void print_result(rv result, const char *format)
{
    if (strcmp(format, "pretty") != 0) {
        print_json(result, true);
        return;
    }
    rv rs = rv_obj_get_s(result, "result");
    if (!rv_len(rs)) {
        puts("undefined");
        return;
    }
    for (size_t i = 0; i < rv_len(rs); i++) {
        rv r = rv_arr_at(rs, i);
        rv b = rv_obj_get_s(r, "bindings");
        if (rv_len(b)) {
            print_json(b, true);
            continue;
        }
        rv ex = rv_obj_get_s(r, "expressions");
        for (size_t j = 0; j < rv_len(ex); j++)
            print_json(rv_obj_get_s(rv_arr_at(ex, j), "value"), true);
    }
}

struct eval_args {
    const char *query, *input, *input_term, *format;
    const char *data[256];
    size_t ndata;
    struct rego_opts o;
};

static int parse_eval_args(int argc, char **argv, struct eval_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if ((!strcmp(s, "--data") || !strcmp(s, "-d")) && next) {
            if (a->ndata < 256)
                a->data[a->ndata++] = next;
            i++;
        } else if ((!strcmp(s, "--input") || !strcmp(s, "-i")) && next) {
            a->input = next;
            i++;
        } else if (!strcmp(s, "--input-term") && next) {
            a->input_term = next; /* a Rego term (sets allowed), evaluated once */
            i++;
        } else if ((!strcmp(s, "--format") || !strcmp(s, "-f")) && next) {
            a->format = next;
            if (strcmp(next, "json") && strcmp(next, "pretty"))
                return cli_usage_error("unknown --format '%s' (use json or pretty)", next);
            i++;
        } else if (!strcmp(s, "--v0-compatible")) {
            a->o.v0_compatible = true;
        } else if (!strcmp(s, "--max-eval-memory") && next) {
            if (cli_parse_size(next, &a->o.max_memory) || a->o.max_memory < (1LL << 20))
                return cli_usage_error("invalid --max-eval-memory '%s' (use a size of at least 1MiB, e.g. 512MiB)",
                                       next);
            i++;
        } else if (!strcmp(s, "--strict-builtin-errors")) {
            a->o.strict_builtin_errors = true;
        } else if (s[0] == '-' && s[1]) {
            return cli_usage_error("unknown flag '%s' for 'rego eval'\n%s", s, rego_usage);
        } else if (!a->query) {
            a->query = s;
        } else {
            return cli_usage_error("more than one query given ('%s')\n%s", s, rego_usage);
        }
    }
    if (!a->query)
        return cli_usage_error("missing QUERY\n%s", rego_usage);
    return 0;
}

static void print_stderr(void *ud, const char *file, int line, const char *text)
{
    (void)ud;
    (void)file;
    (void)line;
    fprintf(stderr, "%s\n", text);
}

static int rego_eval_cmd(struct osp_ctx *ctx, int argc, char **argv)
{
    struct eval_args a;
    memset(&a, 0, sizeof(a));
    scan_rego_opts_init(&a.o); /* Trivy's builtins (result.new, ...) */
    a.format = "json";
    int urc = parse_eval_args(argc, argv, &a);
    if (urc)
        return urc;
    bool pretty = true;
    a.o.print_fn = print_stderr;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    if (rego_engine_new(ctx, &a.o, &e, &err))
        return cli_fail(&err);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < a.ndata && !rc; i++)
        rc = load_path(e, a.data[i], "", &err);
    if (!rc)
        rc = rego_compile(e, &err);
    rv input = rv_undef();
    if (!rc && a.input) {
        size_t len;
        char *text = read_file(a.input, &len, &err);
        rc = text ? rego_input_parse(text, len, &input, &err) : err.code;
        free(text);
    }
    if (!rc && a.input_term) {
        rc = rego_eval_ref(e, a.input_term, rv_undef(), &input, &err);
        if (!rc && rv_is_undef(input))
            rc = osp_err_set(&err, OSP_EUSAGE, "--input-term '%s' is undefined", a.input_term);
    }
    rv result = rv_undef();
    if (!rc)
        rc = rego_eval(e, a.query, input, &result, &err);
    int status = 0;
    if (rc)
        status = (rc == OSP_EPOLICY || rc == OSP_EEVAL) ? print_errors(e, &err, pretty) : cli_fail(&err);
    else
        print_result(result, a.format);
    rv_unref(result);
    rv_unref(input);
    rego_engine_free(e);
    return status;
}

/* ---- rego test ---- */

struct test_args {
    const char *paths[256];
    size_t npaths;
    bool verbose, v0, no_lib;
    const char *run;
};

static int parse_test_args(int argc, char **argv, struct test_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "-v") || !strcmp(s, "--verbose"))
            a->verbose = true;
        else if (!strcmp(s, "--v0-compatible"))
            a->v0 = true;
        else if (!strcmp(s, "--no-builtin-lib"))
            a->no_lib = true;
        else if ((!strcmp(s, "--run") || !strcmp(s, "-r")) && i + 1 < argc)
            a->run = argv[++i];
        else if (s[0] == '-' && s[1])
            return cli_usage_error("unknown flag '%s' for 'rego test'\n%s", s, rego_usage);
        else if (a->npaths < 256)
            a->paths[a->npaths++] = s;
    }
    if (!a->npaths)
        a->paths[a->npaths++] = ".";
    return 0;
}

struct test_count {
    size_t pass, fail, err;
};

/* A parameterized test (`test_x[name] if { some name, tc in cases; ... }`, OPA 1.2+) is a set or
 * object of the cases whose body held: it passes when some case did. A case whose body fails is
 * absent from the value, so it is not reported on its own (OPA lists cases one by one). */
static bool param_pass(rv v)
{
    return (rv_kind(v) == RV_SET || rv_kind(v) == RV_OBJECT) && rv_len(v) > 0;
}

static void run_one(struct rego_engine *e, const char *pkg, const char *rule, bool verbose, struct test_count *tc)
{
    char q[1024];
    snprintf(q, sizeof(q), "data.%s.%s", pkg, rule);
    struct osp_err err;
    osp_err_init(&err);
    rv v = rv_undef();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    enum osp_code rc = rego_eval_ref(e, q, rv_undef(), &v, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    const char *status;
    if (rc) {
        status = "ERROR";
        tc->err++;
    } else if (rv_is_true(v) || param_pass(v)) {
        status = "PASS";
        tc->pass++;
    } else {
        status = "FAIL";
        tc->fail++;
    }
    if (verbose || strcmp(status, "PASS"))
        printf("%s: %s (%.3fms)\n", q, status, ms);
    if (rc)
        printf("  %s\n", err.msg);
    rv_unref(v);
}

static int rego_test_cmd(struct osp_ctx *ctx, int argc, char **argv)
{
    struct test_args a;
    memset(&a, 0, sizeof(a));
    int urc = parse_test_args(argc, argv, &a);
    if (urc)
        return urc;
    regex_t re;
    if (a.run && regcomp(&re, a.run, REG_EXTENDED | REG_NOSUB))
        return cli_usage_error("invalid --run regular expression '%s'", a.run);
    struct rego_opts o;
    scan_rego_opts_init(&o); /* Trivy's builtins (result.new, ...) */
    o.v0_compatible = a.v0;
    o.print_fn = print_stderr;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    enum osp_code rc = rego_engine_new(ctx, &o, &e, &err);
    for (size_t i = 0; i < a.npaths && !rc; i++)
        rc = load_path(e, a.paths[i], "", &err);
    if (!rc) /* Trivy-style tests import data.lib.*: osprey's lib, less the packages the user's replace */
        rc = scan_add_builtin_modules(ctx, e, &o, SCAN_BI_LIB | (a.no_lib ? SCAN_BI_NO_LIB : 0), &err);
    if (!rc)
        rc = rego_compile(e, &err);
    if (rc) {
        int st = cli_fail(&err);
        rego_engine_free(e);
        if (a.run)
            regfree(&re);
        return st;
    }
    struct test_count tc = {0, 0, 0};
    for (size_t i = 0; i < rego_module_count(e); i++) {
        struct rego_module_info mi;
        if (rego_module_info(e, i, &mi, &err))
            continue;
        for (size_t j = 0; j < mi.nrules; j++) {
            if (strncmp(mi.rules[j], "test_", 5))
                continue;
            char full[1024];
            snprintf(full, sizeof(full), "data.%s.%s", mi.package, mi.rules[j]);
            if (a.run && regexec(&re, full, 0, NULL, 0))
                continue;
            run_one(e, mi.package, mi.rules[j], a.verbose, &tc);
        }
    }
    if (a.run)
        regfree(&re);
    size_t total = tc.pass + tc.fail + tc.err;
    if (total)
        printf("%s\n", "--------------------------------------------------------------------------------");
    if (tc.pass)
        printf("PASS: %zu/%zu\n", tc.pass, total);
    if (tc.fail)
        printf("FAIL: %zu/%zu\n", tc.fail, total);
    if (tc.err)
        printf("ERROR: %zu/%zu\n", tc.err, total);
    if (!total)
        printf("no tests found\n");
    rego_engine_free(e);
    return (tc.fail || tc.err) ? 2 : 0;
}

/* ---- rego parse ---- */

static int rego_parse_cmd(int argc, char **argv)
{
    const char *file = NULL;
    bool v0 = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--v0-compatible"))
            v0 = true;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("unknown flag '%s' for 'rego parse'\n%s", argv[i], rego_usage);
        else
            file = argv[i];
    }
    if (!file)
        return cli_usage_error("missing FILE\n%s", rego_usage);
    struct osp_err err;
    osp_err_init(&err);
    size_t len;
    char *text = read_file(file, &len, &err);
    if (!text)
        return cli_fail(&err);
    char *out = NULL;
    enum osp_code rc = rego_parse_to_json(file, text, len, v0, &out, &err);
    free(text);
    if (rc) {
        char *msg = osp_escape_controls(err.msg);
        fprintf(stderr, "%s\n", msg);
        free(msg);
        return 2;
    }
    printf("%s\n", out);
    free(out);
    return 0;
}

int cli_rego(struct osp_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(rego_usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "eval"))
        return rego_eval_cmd(ctx, argc - 1, argv + 1);
    if (!strcmp(argv[1], "test"))
        return rego_test_cmd(ctx, argc - 1, argv + 1);
    if (!strcmp(argv[1], "parse"))
        return rego_parse_cmd(argc - 1, argv + 1);
    return cli_usage_error("unknown 'rego' subcommand '%s'\n%s", argv[1], rego_usage);
}
