/* iam_credreport.c: the credential report (CSV) and the root user; joins GAAD entities up. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/buf.h"

#define CSV_MAX_ROWS 200000
#define CSV_MAX_COLS 64

/* One field starting at *p (RFC 4180 quoting); advances past the separator. */
static enum osp_code csv_field(const char **p, struct osp_buf *out, int *end_of_row)
{
    const char *s = *p;
    osp_buf_reset(out);
    if (*s == '"') {
        for (s++; *s; s++) {
            if (*s == '"' && s[1] == '"')
                s++;
            else if (*s == '"') {
                s++;
                break;
            }
            if (osp_buf_addc(out, *s))
                return OSP_ELIMIT;
        }
    }
    for (; *s && *s != ',' && *s != '\n' && *s != '\r'; s++)
        if (osp_buf_addc(out, *s))
            return OSP_ELIMIT;
    *end_of_row = (*s != ',');
    if (*s == ',')
        s++;
    else {
        while (*s == '\r' || *s == '\n')
            s++;
    }
    *p = s;
    return OSP_OK;
}

json_t *col_csv_parse(const char *text)
{
    json_t *header = json_array(), *rows = json_array();
    struct osp_buf f;
    const char *p = text ? text : "";
    int eor = 0;
    osp_buf_init(&f, 1 << 20);
    while (*p && !eor && json_array_size(header) < CSV_MAX_COLS) {
        if (csv_field(&p, &f, &eor))
            goto bad;
        json_array_append_new(header, json_string(osp_buf_str(&f)));
    }
    while (*p && json_array_size(rows) < CSV_MAX_ROWS) {
        json_t *row = json_object();
        size_t col = 0;
        eor = 0;
        json_array_append_new(rows, row);
        while (!eor) {
            if (csv_field(&p, &f, &eor))
                goto bad;
            json_t *name = json_array_get(header, col++);
            if (name)
                json_object_set_new(row, json_string_value(name), json_string(osp_buf_str(&f)));
        }
    }
    osp_buf_cleanup(&f);
    json_decref(header);
    return rows;
bad:
    osp_buf_cleanup(&f);
    json_decref(header);
    json_decref(rows);
    return NULL;
}

static json_t *find_row(json_t *rows, const char *user)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) {
        const char *u = col_s(r, "user");
        if (u && user && strcmp(u, user) == 0)
            return r;
    }
    return NULL;
}

static void add_keys(json_t *user, json_t *row, const char *arn)
{
    json_t *keys = col_arr(user, "accesskeys");
    for (int n = 1; n <= 2; n++) {
        char k[64];
        json_t *active = json_object_get(row, col_fmt(k, sizeof k, "access_key_%d_active", n));
        json_t *rotated = json_object_get(row, col_fmt(k, sizeof k, "access_key_%d_last_rotated", n));
        if (!col_truthy(active) && col_parse_time(rotated) < 0)
            continue;
        json_t *o = col_obj(arn);
        col_add_int(o, "slot", n, arn);
        col_add_bool(o, "active", col_truthy(active), arn);
        col_add_time_v(o, "creationdate", rotated, arn);
        col_add_time_v(o, "lastaccess", json_object_get(row, col_fmt(k, sizeof k, "access_key_%d_last_used_date", n)),
                       arn);
        col_push(keys, o);
    }
}

static void apply_row(json_t *user, json_t *row, const char *arn)
{
    json_t *pe = json_object_get(row, "password_enabled");
    col_add_bool_v(user, "passwordenabled", pe, arn); /* "not_supported" (root) adds nothing */
    col_add_time_v(user, "lastaccess", json_object_get(row, "password_last_used"), arn);
    col_add_time_v(user, "passwordlastchanged", json_object_get(row, "password_last_changed"), arn);
    col_add_bool_v(user, "mfaactive", json_object_get(row, "mfa_active"), arn);
    if (!json_object_get(user, "createdate"))
        col_add_time_v(user, "createdate", json_object_get(row, "user_creation_time"), arn);
    add_keys(user, row, arn);
}

/* Virtual devices assigned to `arn`; a hardware entry when MFA is active without one. */
static void add_mfa(json_t *user, json_t *vmfa, const char *arn)
{
    json_t *devs = col_arr(user, "mfadevices"), *d;
    json_t *active = json_object_get(user, "mfaactive");
    size_t i;
    COL_ITEMS(vmfa, i, d) {
        const char *uarn = col_s(d, "User.Arn");
        if (!uarn || !arn || strcmp(uarn, arn) != 0)
            continue;
        const char *serial = col_s(d, "SerialNumber");
        json_t *o = col_obj(serial ? serial : arn);
        col_add_bool(o, "isvirtual", 1, serial ? serial : arn);
        col_add_str(o, "serialnumber", serial, serial);
        col_push(devs, o);
    }
    if (json_array_size(devs) == 0 && col_truthy(json_object_get(active, "value"))) {
        json_t *o = col_obj(arn);
        col_add_bool(o, "isvirtual", 0, arn);
        col_push(devs, o);
    }
}

static json_t *summary_value(json_t *summary, const char *key)
{
    json_t *map = aws_get(summary, "GetAccountSummaryResponse.GetAccountSummaryResult.SummaryMap");
    json_t *entries = json_object_get(map, "entry"), *e;
    size_t i;
    if (!entries && json_is_object(map)) /* already a plain map */
        return json_object_get(map, key);
    COL_ITEMS(entries, i, e) {
        const char *k = col_s(e, "key");
        if (k && strcmp(k, key) == 0)
            return json_object_get(e, "value");
    }
    return NULL;
}

static json_t *root_user(json_t *rows, json_t *summary, json_t *vmfa, const char *arn)
{
    json_t *u = col_obj(arn), *row = find_row(rows, "<root_account>");
    col_add_str(u, "name", "root", arn);
    col_add_str(u, "arn", arn, arn);
    col_add_bool(u, "root", 1, arn);
    col_arr(u, "groups");
    col_arr(u, "policies");
    col_arr(u, "accesskeys");
    if (row)
        apply_row(u, row, arn);
    else {
        json_t *mfa = summary_value(summary, "AccountMFAEnabled");
        json_t *keys = summary_value(summary, "AccountAccessKeysPresent");
        if (mfa)
            col_add_bool(u, "mfaactive", col_truthy(mfa), arn);
        if (col_truthy(keys)) {
            json_t *k = col_obj(arn);
            col_add_bool(k, "active", 1, arn);
            col_push(col_arr(u, "accesskeys"), k);
        }
    }
    add_mfa(u, vmfa, arn);
    return u;
}

/* Fill attached managed policies' documents from iam.policies (GAAD lists them once). */
static void join_documents(json_t *state, const char *coll)
{
    json_t *byarn = json_object(), *p, *e, *q;
    size_t i, k;
    json_array_foreach(json_object_get(state, "policies"), i, p) {
        const char *arn = json_string_value(json_object_get(json_object_get(p, "arn"), "value"));
        json_t *doc = json_object_get(p, "document");
        if (arn && doc)
            json_object_set(byarn, arn, json_object_get(doc, "value"));
    }
    json_array_foreach(json_object_get(state, coll), i, e) {
        const char *earn = json_string_value(json_object_get(json_object_get(e, "arn"), "value"));
        json_array_foreach(json_object_get(e, "policies"), k, q) {
            const char *parn = json_string_value(json_object_get(json_object_get(q, "arn"), "value"));
            json_t *doc = parn ? json_object_get(byarn, parn) : NULL;
            if (doc && !json_object_get(q, "document"))
                col_set(q, "document", col_wrap(json_incref(doc), earn));
        }
    }
    json_decref(byarn);
}

static void join_group_members(json_t *state)
{
    json_t *u, *g, *gn, *grp;
    size_t i, k, j;
    json_array_foreach(json_object_get(state, "users"), i, u) {
        const char *uname = json_string_value(json_object_get(json_object_get(u, "name"), "value"));
        json_array_foreach(json_object_get(u, "groups"), k, gn) {
            const char *name = json_string_value(json_object_get(json_object_get(gn, "name"), "value"));
            json_array_foreach(json_object_get(state, "groups"), j, grp) {
                g = json_object_get(json_object_get(grp, "name"), "value");
                if (!name || !uname || !json_is_string(g) || strcmp(json_string_value(g), name) != 0)
                    continue;
                const char *garn = json_string_value(json_object_get(json_object_get(grp, "arn"), "value"));
                json_t *m = col_obj(garn);
                col_add_str(m, "name", uname, garn);
                col_push(col_arr(grp, "users"), m);
            }
        }
    }
}

void col_iam_finish(json_t *state, const char *csv, json_t *summary, json_t *vmfa, const char *partition,
                    const char *account)
{
    char arn[128];
    json_t *rows = csv ? col_csv_parse(csv) : NULL, *u;
    size_t i;
    json_t *users = col_arr(state, "users");
    col_arr(state, "groups");
    col_arr(state, "roles");
    col_arr(state, "policies");
    json_array_foreach(users, i, u) {
        const char *uname = json_string_value(json_object_get(json_object_get(u, "name"), "value"));
        const char *uarn = json_string_value(json_object_get(json_object_get(u, "arn"), "value"));
        json_t *row = find_row(rows, uname);
        if (row)
            apply_row(u, row, uarn);
        add_mfa(u, vmfa, uarn);
    }
    col_fmt(arn, sizeof arn, "arn:%s:iam::%s:root", partition, account);
    col_push(users, root_user(rows, summary, vmfa, arn));
    json_t *acct = col_obj(arn);
    json_t *mfa = summary_value(summary, "AccountMFAEnabled"), *keys = summary_value(summary, "AccountAccessKeysPresent");
    if (mfa)
        col_add_bool(acct, "accountmfaenabled", col_truthy(mfa), arn);
    if (keys)
        col_add_bool(acct, "accountaccesskeyspresent", col_truthy(keys), arn);
    col_set(state, "accountsummary", acct);
    join_documents(state, "users");
    join_documents(state, "groups");
    join_documents(state, "roles");
    join_group_members(state);
    json_decref(rows);
}
