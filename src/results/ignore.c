/* ignore.c: parse the ignore file and mark the findings it covers as IGNORED. */
#include "results/ignore.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "results/result_int.h"

struct parser {
    const char *name;
    size_t line;
    struct osp_err *err;
    struct res_ignore *ig;
    struct osp_buf pending; /* comment block right above the current line */
};

static void rule_free(struct res_ignore_rule *r)
{
    free(r->id);
    for (size_t i = 0; i < r->n_globs; i++)
        free(r->globs[i]);
    free(r->globs);
    free(r->reason);
    free(r->where);
}

void res_ignore_free(struct res_ignore *ig)
{
    if (!ig)
        return;
    for (size_t i = 0; i < ig->n_rules; i++)
        rule_free(&ig->rules[i]);
    free(ig->rules);
    free(ig);
}

static enum osp_code line_error(struct parser *p, const char *what, const char *tok)
{
    return osp_err_set(p->err, OSP_ECONFIG,
                       "%s:%zu: %s '%s' (entries are: ID [arn:glob ...] [exp:YYYY-MM-DD] [# reason])", p->name, p->line,
                       what, tok);
}

static enum osp_code nomem(struct parser *p)
{
    return osp_err_set(p->err, OSP_ENOMEM, "out of memory reading %s", p->name);
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("-_.", *s))
            return 0;
    return 1;
}

/* "exp:2025-06-30" -> first second of the next day (UTC); -1 when malformed. */
static time_t parse_expiry(const char *date)
{
    int y, m, d, used = 0;
    if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10)
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    char iso[32];
    snprintf(iso, sizeof(iso), "%04d-%02d-%02dT00:00:00Z", y, m, d);
    time_t t = osp_parse_rfc3339(iso);
    if (t == (time_t)-1)
        return -1;
    char back[32]; /* reject 2025-02-30 and the like: it must format back to itself */
    osp_format_rfc3339(t, back, sizeof(back));
    if (strncmp(back, iso, 10))
        return -1;
    return t + 86400;
}

static enum osp_code add_glob(struct parser *p, struct res_ignore_rule *r, const char *tok)
{
    char **g = realloc(r->globs, (r->n_globs + 1) * sizeof(*g));
    if (!g)
        return nomem(p);
    r->globs = g;
    if (!(g[r->n_globs] = strdup(tok)))
        return nomem(p);
    r->n_globs++;
    return OSP_OK;
}

static enum osp_code take_token(struct parser *p, struct res_ignore_rule *r, const char *tok)
{
    if (!r->id) {
        if (!valid_id(tok))
            return line_error(p, "invalid check ID", tok);
        return (r->id = strdup(tok)) ? OSP_OK : nomem(p);
    }
    if (!strncmp(tok, "exp:", 4)) {
        if (r->expires)
            return line_error(p, "second expiry", tok);
        r->expires = parse_expiry(tok + 4);
        return r->expires == (time_t)-1 ? line_error(p, "invalid expiry date (use exp:YYYY-MM-DD)", tok) : OSP_OK;
    }
    if (!strncmp(tok, "arn:", 4))
        return add_glob(p, r, tok);
    return line_error(p, "unexpected token", tok);
}

static char *trim_dup(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return strndup(s, n);
}

/* Split the entry part of a line into tokens; the comment becomes the reason. */
static enum osp_code parse_entry(struct parser *p, char *line, struct res_ignore_rule *r)
{
    char *hash = strchr(line, '#');
    const char *reason_src = osp_buf_str(&p->pending);
    size_t reason_len = p->pending.len;
    if (hash) {
        *hash = '\0';
        reason_src = hash + 1;
        reason_len = strlen(hash + 1);
    }
    if (!(r->reason = trim_dup(reason_src, reason_len)))
        return nomem(p);
    for (char *s = line; *s;) {
        while (*s && isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        char *e = s;
        while (*e && !isspace((unsigned char)*e))
            e++;
        char save = *e;
        *e = '\0';
        enum osp_code rc = take_token(p, r, s);
        *e = save;
        if (rc)
            return rc;
        s = e;
    }
    char where[300];
    snprintf(where, sizeof(where), "%s:%zu", p->name, p->line);
    return (r->where = strdup(where)) ? OSP_OK : nomem(p);
}

static enum osp_code parse_line(struct parser *p, char *line)
{
    char *s = line;
    while (isspace((unsigned char)*s))
        s++;
    if (!*s) {
        osp_buf_reset(&p->pending);
        return OSP_OK;
    }
    if (*s == '#') {
        if (p->pending.len && osp_buf_addc(&p->pending, ' '))
            return nomem(p);
        return osp_buf_adds(&p->pending, s + 1) ? nomem(p) : OSP_OK;
    }
    struct res_ignore *ig = p->ig;
    struct res_ignore_rule *nr = realloc(ig->rules, (ig->n_rules + 1) * sizeof(*nr));
    if (!nr)
        return nomem(p);
    ig->rules = nr;
    struct res_ignore_rule *r = &nr[ig->n_rules];
    memset(r, 0, sizeof(*r));
    enum osp_code rc = parse_entry(p, s, r);
    osp_buf_reset(&p->pending);
    if (rc) {
        rule_free(r);
        return rc;
    }
    ig->n_rules++;
    return OSP_OK;
}

enum osp_code res_ignore_parse(const char *text, size_t len, const char *name, struct res_ignore **out,
                               struct osp_err *err)
{
    struct parser p = {name ? name : "ignore file", 0, err, calloc(1, sizeof(struct res_ignore)), {0}};
    if (!p.ig)
        return nomem(&p);
    osp_buf_init(&p.pending, RES_IGNORE_MAX_BYTES);
    enum osp_code rc = OSP_OK;
    char line[RES_IGNORE_MAX_LINE + 1];
    for (size_t pos = 0; !rc && pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t raw = nl ? (size_t)(nl - (text + pos)) : len - pos, n = raw;
        p.line++;
        if (n && text[pos + n - 1] == '\r')
            n--;
        if (n > RES_IGNORE_MAX_LINE)
            rc =
                osp_err_set(err, OSP_ECONFIG, "%s:%zu: line longer than %d bytes", p.name, p.line, RES_IGNORE_MAX_LINE);
        else if (memchr(text + pos, '\0', n))
            rc = osp_err_set(err, OSP_ECONFIG, "%s:%zu: NUL byte (is this a text file?)", p.name, p.line);
        else {
            memcpy(line, text + pos, n);
            line[n] = '\0';
            rc = parse_line(&p, line);
        }
        pos += raw + (nl ? 1 : 0);
    }
    osp_buf_cleanup(&p.pending);
    if (rc) {
        res_ignore_free(p.ig);
        return rc;
    }
    *out = p.ig;
    return OSP_OK;
}

/* ---- .trivyignore.yaml: Trivy's YAML ignore file ----
 * Top level: vulnerabilities, misconfigurations, secrets, licenses (each a list of entries; only
 * misconfigurations apply to osprey's findings, the others are checked and skipped). Entry: id
 * (required), paths (globs, matched against the resource ARN), purls (vulnerabilities only),
 * expired_at (a date or RFC 3339 time; as in Trivy the entry stops applying at that instant),
 * statement (the reason). Anything else is an error naming file:line. */

struct yparser {
    const char *name;
    struct osp_err *err;
    struct res_ignore *ig;
    yaml_document_t *doc;
};

static enum osp_code yerr(struct yparser *p, const yaml_node_t *n, const char *what, const char *tok)
{
    return osp_err_set(p->err, OSP_ECONFIG, "%s:%lu: %s '%s' (see 'osprey help ignorefile')", p->name,
                       (unsigned long)n->start_mark.line + 1, what, tok);
}

static const char *yscalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static enum osp_code yaml_globs(struct yparser *p, yaml_node_t *seq, struct res_ignore_rule *r, const char *key)
{
    if (seq->type == YAML_SCALAR_NODE && !seq->data.scalar.length)
        return OSP_OK; /* "paths:" with nothing */
    if (seq->type != YAML_SEQUENCE_NODE)
        return yerr(p, seq, "expected a list for", key);
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
        yaml_node_t *n = yaml_document_get_node(p->doc, *it);
        const char *v = yscalar(n);
        if (!v || !*v)
            return yerr(p, n ? n : seq, "expected a non-empty string in", key);
        if (r) {
            struct parser tp = {p->name, 0, p->err, p->ig, {0}};
            if (add_glob(&tp, r, v))
                return p->err->code;
        }
    }
    return OSP_OK;
}

static enum osp_code yaml_entry(struct yparser *p, yaml_node_t *n, int take)
{
    if (n->type != YAML_MAPPING_NODE)
        return yerr(p, n, "expected an entry with 'id', got", yscalar(n) ? yscalar(n) : "a list");
    struct res_ignore_rule r = {0};
    enum osp_code rc = OSP_OK;
    for (yaml_node_pair_t *kv = n->data.mapping.pairs.start; !rc && kv < n->data.mapping.pairs.top; kv++) {
        yaml_node_t *k = yaml_document_get_node(p->doc, kv->key), *v = yaml_document_get_node(p->doc, kv->value);
        const char *key = yscalar(k), *val = yscalar(v);
        if (!key || !v)
            rc = yerr(p, n, "malformed entry", "?");
        else if (!strcmp(key, "id")) {
            if (!val || !valid_id(val))
                rc = yerr(p, v, "invalid check ID", val ? val : "(not a string)");
            else if (!(r.id = strdup(val)))
                rc = osp_err_set(p->err, OSP_ENOMEM, "out of memory reading %s", p->name);
        } else if (!strcmp(key, "paths"))
            rc = yaml_globs(p, v, take ? &r : NULL, key);
        else if (!strcmp(key, "purls"))
            rc = yaml_globs(p, v, NULL, key);
        else if (!strcmp(key, "expired_at")) {
            time_t t = val ? osp_parse_rfc3339(val) : (time_t)-1;
            if (t == (time_t)-1)
                rc = yerr(p, v, "invalid expired_at (use YYYY-MM-DD or an RFC 3339 time)", val ? val : "?");
            r.expires = t;
            r.expiry_instant = 1;
        } else if (!strcmp(key, "statement")) {
            if (!val)
                rc = yerr(p, v, "statement must be a string, not", "a list");
            else if (!(r.reason = trim_dup(val, strlen(val))))
                rc = osp_err_set(p->err, OSP_ENOMEM, "out of memory reading %s", p->name);
        } else
            rc = yerr(p, k, "unknown field", key);
    }
    if (!rc && !r.id)
        rc = yerr(p, n, "entry without", "id");
    char where[300];
    snprintf(where, sizeof(where), "%s:%lu", p->name, (unsigned long)n->start_mark.line + 1);
    if (!rc && take && (!(r.where = strdup(where)) || (!r.reason && !(r.reason = strdup("")))))
        rc = osp_err_set(p->err, OSP_ENOMEM, "out of memory reading %s", p->name);
    if (!rc && take) {
        struct res_ignore_rule *nr = realloc(p->ig->rules, (p->ig->n_rules + 1) * sizeof(*nr));
        if (!nr)
            rc = osp_err_set(p->err, OSP_ENOMEM, "out of memory reading %s", p->name);
        else {
            p->ig->rules = nr;
            nr[p->ig->n_rules++] = r;
            return OSP_OK;
        }
    }
    rule_free(&r);
    return rc;
}

static enum osp_code yaml_root(struct yparser *p, yaml_node_t *root)
{
    static const char *const sections[] = {"misconfigurations", "vulnerabilities", "secrets", "licenses"};
    if (!root || (root->type == YAML_SCALAR_NODE && !root->data.scalar.length))
        return OSP_OK; /* an empty file */
    if (root->type != YAML_MAPPING_NODE)
        return yerr(p, root, "expected sections (misconfigurations: ...), got", yscalar(root) ? yscalar(root) : "a list");
    for (yaml_node_pair_t *kv = root->data.mapping.pairs.start; kv < root->data.mapping.pairs.top; kv++) {
        yaml_node_t *k = yaml_document_get_node(p->doc, kv->key), *v = yaml_document_get_node(p->doc, kv->value);
        const char *key = yscalar(k);
        size_t s = 0;
        while (key && s < 4 && strcmp(key, sections[s]))
            s++;
        if (!key || s == 4)
            return yerr(p, k ? k : root, "unknown section", key ? key : "?");
        if (v->type == YAML_SCALAR_NODE && !v->data.scalar.length)
            continue;
        if (v->type != YAML_SEQUENCE_NODE)
            return yerr(p, v, "expected a list of entries under", key);
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
            enum osp_code rc = yaml_entry(p, yaml_document_get_node(p->doc, *it), s == 0);
            if (rc)
                return rc;
        }
    }
    return OSP_OK;
}

enum osp_code res_ignore_parse_yaml(const char *text, size_t len, const char *name, struct res_ignore **out,
                                    struct osp_err *err)
{
    struct yparser p = {name ? name : "ignore file", err, calloc(1, sizeof(struct res_ignore)), NULL};
    if (!p.ig)
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", p.name);
    yaml_parser_t parser;
    yaml_document_t doc;
    enum osp_code rc = OSP_OK;
    if (!yaml_parser_initialize(&parser)) {
        res_ignore_free(p.ig);
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", p.name);
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        rc = osp_err_set(err, OSP_ECONFIG, "%s:%lu: malformed YAML: %s", p.name,
                         (unsigned long)parser.problem_mark.line + 1, parser.problem ? parser.problem : "parse error");
    } else {
        p.doc = &doc;
        rc = yaml_root(&p, yaml_document_get_root_node(&doc));
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    if (rc) {
        res_ignore_free(p.ig);
        return rc;
    }
    *out = p.ig;
    return OSP_OK;
}

static int is_yaml_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && !strcmp(path + n - 5, ".yaml")) || (n > 4 && !strcmp(path + n - 4, ".yml"));
}

static enum osp_code read_file(const char *path, struct osp_buf *b, struct osp_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return osp_err_set(err, errno == ENOENT ? OSP_ENOTFOUND : OSP_EIO, "cannot open ignore file %s: %s", path,
                           strerror(errno));
    char chunk[8192];
    size_t n;
    enum osp_code rc = OSP_OK;
    while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        rc = osp_buf_add(b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (rc == OSP_ELIMIT)
        return osp_err_set(err, OSP_ECONFIG, "ignore file %s is larger than %zu MB", path, RES_IGNORE_MAX_BYTES >> 20);
    if (rc)
        return osp_err_set(err, rc, "out of memory reading %s", path);
    if (failed)
        return osp_err_set(err, OSP_EIO, "cannot read ignore file %s", path);
    return OSP_OK;
}

enum osp_code res_ignore_load(const struct osp_ctx *ctx, const char *path, struct res_ignore **out, struct osp_err *err)
{
    static const char *const defaults[] = {RES_IGNORE_DEFAULT, RES_IGNORE_TRIVY, RES_IGNORE_TRIVY_YAML};
    const char *use = path;
    for (size_t i = 0; !use && i < sizeof(defaults) / sizeof(defaults[0]); i++)
        if (access(defaults[i], F_OK) == 0)
            use = defaults[i];
    if (!use)
        return res_ignore_parse("", 0, RES_IGNORE_DEFAULT, out, err);
    struct osp_buf b;
    osp_buf_init(&b, RES_IGNORE_MAX_BYTES);
    enum osp_code rc = read_file(use, &b, err);
    if (!rc)
        rc = (is_yaml_name(use) ? res_ignore_parse_yaml : res_ignore_parse)(osp_buf_str(&b), b.len, use, out, err);
    osp_buf_cleanup(&b);
    if (!rc)
        osp_debug(ctx, "ignore file %s: %zu entries", use, (*out)->n_rules);
    return rc;
}

/* Trivy's newer ids drop the "AVD-" prefix (AWS-0086 for AVD-AWS-0086): either form matches. */
static const char *bare_id(const char *id)
{
    return strncasecmp(id, "AVD-", 4) ? id : id + 4;
}

static int rule_covers(const struct res_ignore_rule *r, const struct res_finding *f)
{
    if (strcasecmp(bare_id(r->id), bare_id(f->check_id)))
        return 0;
    if (!r->n_globs)
        return 1;
    for (size_t i = 0; i < r->n_globs; i++)
        if (!fnmatch(r->globs[i], f->resource, 0))
            return 1;
    return 0;
}

const struct res_ignore_rule *res_ignore_match(const struct res_ignore *ig, const struct res_finding *f, time_t now)
{
    for (size_t i = 0; ig && i < ig->n_rules; i++) {
        const struct res_ignore_rule *r = &ig->rules[i];
        if ((!r->expires || now < r->expires) && rule_covers(r, f))
            return r;
    }
    return NULL;
}

static void warn_expired(const struct osp_ctx *ctx, const struct res_ignore *ig, time_t now)
{
    for (size_t i = 0; ig && i < ig->n_rules; i++) {
        const struct res_ignore_rule *r = &ig->rules[i];
        if (r->expires && now >= r->expires) {
            char day[32];
            osp_format_rfc3339(r->expiry_instant ? r->expires : r->expires - 86400, day, sizeof(day));
            if (!r->expiry_instant || strstr(day, "T00:00:00Z"))
                day[10] = '\0';
            osp_warn(ctx, "%s: the ignore entry for %s expired on %s and no longer applies", r->where, r->id, day);
        }
    }
}

size_t res_ignore_apply(const struct osp_ctx *ctx, const struct res_ignore *ig, struct res_report *r)
{
    time_t now = osp_now(ctx);
    size_t n = 0;
    warn_expired(ctx, ig, now);
    for (size_t i = 0; ig && i < r->n_findings; i++) {
        struct res_finding *f = &r->findings[i];
        if (f->status != RES_FAIL)
            continue;
        const struct res_ignore_rule *rule = res_ignore_match(ig, f, now);
        if (!rule)
            continue;
        char fallback[320];
        snprintf(fallback, sizeof(fallback), "listed in %s", rule->where);
        char *reason = res_strdup(*rule->reason ? rule->reason : fallback);
        if (!reason)
            continue; /* out of memory: leave the finding failing, the safe side */
        free((void *)f->ignore_reason);
        f->ignore_reason = reason;
        f->status = RES_IGNORED;
        n++;
    }
    return n;
}
