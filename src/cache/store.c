/* store.c: the sqlite3 cache database: open, get, put, list, clean (the only sqlite3.h user). */
#include "cache/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ci.h"
#include "core/log.h"

/* Bump when the table layout changes; an older osprey refuses a newer database. */
#define STORE_SCHEMA 1

struct cache_store {
    struct osp_ctx *ctx;
    sqlite3 *db;
    char *path; /* "<dir>/cache.db" or ":memory:" */
    int busy_ms;
};

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS entries("
    " account TEXT NOT NULL, partition TEXT NOT NULL, region TEXT NOT NULL, service TEXT NOT NULL,"
    " collected_at INTEGER NOT NULL, osprey_version TEXT NOT NULL, schema_version INTEGER NOT NULL,"
    " size INTEGER NOT NULL, status TEXT, state TEXT NOT NULL," /* state last: listing skips its pages */
    " PRIMARY KEY(account, partition, region, service)) WITHOUT ROWID;"
    "PRAGMA user_version = 1;";

/* Map a sqlite result code to an osprey error with a message that says what to do. */
static enum osp_code db_fail(struct cache_store *s, int rc, const char *what, struct osp_err *err)
{
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return osp_err_set(err, OSP_ETIMEOUT,
                           "cache database %s is locked by another osprey (waited %d ms while %s); "
                           "wait for it to finish or use another --cache-dir",
                           s->path, s->busy_ms, what);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return osp_err_set(err, OSP_ECACHE,
                           "cache database %s is corrupted (%s); run `osprey cache clean` to start afresh", s->path,
                           detail);
    case SQLITE_NOMEM:
        return osp_err_set(err, OSP_ENOMEM, "out of memory in the cache database while %s", what);
    case SQLITE_TOOBIG:
        return osp_err_set(err, OSP_ELIMIT, "cache database %s: a value is over the %u MiB limit while %s", s->path,
                           ART_MAX_ENTRY_BYTES >> 20, what);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_FULL:
        return osp_err_set(err, OSP_EIO, "cannot use cache database %s while %s: %s (check --cache-dir)", s->path, what,
                           detail);
    default:
        return osp_err_set(err, OSP_ECACHE, "cache database %s failed while %s: %s", s->path, what, detail);
    }
}

static enum osp_code db_exec(struct cache_store *s, const char *sql, const char *what, struct osp_err *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? OSP_OK : db_fail(s, rc, what, err);
}

static enum osp_code db_prepare(struct cache_store *s, const char *sql, sqlite3_stmt **st, struct osp_err *err)
{
    int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
    return rc == SQLITE_OK ? OSP_OK : db_fail(s, rc, "preparing a query", err);
}

static int pragma_int(struct cache_store *s, const char *sql, int *val)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *val = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Create the tables on first use; refuse a database from a newer osprey. */
static enum osp_code init_schema(struct cache_store *s, int wal, struct osp_err *err)
{
    int ver = 0, dummy = 0;
    if (wal) {
        int rc = pragma_int(s, "PRAGMA journal_mode=WAL", &dummy);
        if (rc != SQLITE_OK)
            return db_fail(s, rc, "opening", err);
        if (db_exec(s, "PRAGMA synchronous=NORMAL", "opening", err))
            return err->code;
    }
    int rc = pragma_int(s, "PRAGMA user_version", &ver);
    if (rc != SQLITE_OK)
        return db_fail(s, rc, "opening", err);
    if (ver > STORE_SCHEMA)
        return osp_err_set(err, OSP_ECACHE,
                           "cache database %s was written by a newer osprey (layout %d, this build reads %d); "
                           "upgrade osprey or run `osprey cache clean`",
                           s->path, ver, STORE_SCHEMA);
    if (ver == STORE_SCHEMA)
        return OSP_OK;
    if (db_exec(s, "BEGIN IMMEDIATE", "creating tables", err))
        return err->code;
    if (db_exec(s, schema_sql, "creating tables", err) || db_exec(s, "COMMIT", "creating tables", err)) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return err->code;
    }
    return OSP_OK;
}

static enum osp_code make_dirs(const char *dir, struct osp_err *err)
{
    char *p = strdup(dir);
    if (!p)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            break;
        *q = '/';
    }
    int ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    free(p);
    struct stat st;
    if (!ok || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return osp_err_set(err, OSP_EIO, "cannot create cache directory '%s': %s (check --cache-dir)", dir,
                           strerror(errno ? errno : ENOTDIR));
    return OSP_OK;
}

/* Create the database file as 0600 before sqlite does (sqlite gives its -wal/-shm files the same mode). */
static enum osp_code make_db_file(const char *path, struct osp_err *err)
{
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return osp_err_set(err, OSP_EIO, "cannot open cache database '%s': %s (check --cache-dir)", path,
                           strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && (st.st_mode & 0077) && st.st_uid == geteuid())
        (void)fchmod(fd, 0600);
    close(fd);
    return OSP_OK;
}

char *cache_db_path(const char *dir)
{
    size_t len = strlen(dir) + sizeof("/cache.db");
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/cache.db", dir);
    return p;
}

static enum osp_code store_new(struct osp_ctx *ctx, const char *path, struct cache_store **out, struct osp_err *err)
{
    struct cache_store *s = calloc(1, sizeof(*s));
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return osp_err_set(err, OSP_ENOMEM, "out of memory opening the cache");
    }
    s->ctx = ctx;
    s->busy_ms = CACHE_BUSY_TIMEOUT_MS;
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        enum osp_code c = db_fail(s, rc, "opening", err);
        cache_close(s);
        return c;
    }
    sqlite3_busy_timeout(s->db, s->busy_ms);
    /* a row holds a state and a status, each capped like an artifact entry (cache.h) */
    sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, (int)(2 * ART_MAX_ENTRY_BYTES + (1u << 20)));
    *out = s;
    return OSP_OK;
}

enum osp_code cache_open(struct osp_ctx *ctx, const char *dir, struct cache_store **out, struct osp_err *err)
{
    if (!dir || !*dir)
        return osp_err_set(err, OSP_EUSAGE, "empty cache directory (pass --cache-dir DIR)");
    if (make_dirs(dir, err))
        return err->code;
    struct stat dst;
    if (stat(dir, &dst) == 0 && (dst.st_mode & S_IWOTH))
        osp_warn(ctx,
                 "cache directory '%s' is world-writable: anyone on this machine can change the state scans "
                 "trust; use a private directory (chmod 700)",
                 dir);
    char *path = cache_db_path(dir);
    if (!path)
        return osp_err_set(err, OSP_ENOMEM, "out of memory opening the cache");
    struct cache_store *s = NULL;
    enum osp_code rc = make_db_file(path, err);
    if (!rc)
        rc = store_new(ctx, path, &s, err);
    free(path);
    if (!rc && (rc = init_schema(s, 1, err)) != OSP_OK)
        cache_close(s);
    if (rc)
        return rc;
    osp_debug(ctx, "cache: opened %s", s->path);
    *out = s;
    return OSP_OK;
}

enum osp_code cache_open_memory(struct osp_ctx *ctx, struct cache_store **out, struct osp_err *err)
{
    struct cache_store *s = NULL;
    enum osp_code rc = store_new(ctx, ":memory:", &s, err);
    if (!rc && (rc = init_schema(s, 0, err)) != OSP_OK)
        cache_close(s);
    if (!rc)
        *out = s;
    return rc;
}

void cache_close(struct cache_store *s)
{
    if (!s)
        return;
    sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

void cache_set_busy_timeout(struct cache_store *s, int ms)
{
    s->busy_ms = ms < 0 ? 0 : ms;
    sqlite3_busy_timeout(s->db, s->busy_ms);
}

enum osp_code cache_destroy(const char *dir, struct osp_err *err)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    char *base = cache_db_path(dir);
    if (!base)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        char p[4096];
        snprintf(p, sizeof(p), "%s%s", base, suffixes[i]);
        if (unlink(p) != 0 && errno != ENOENT) {
            osp_err_set(err, OSP_EIO, "cannot remove '%s': %s", p, strerror(errno));
            free(base);
            return err->code;
        }
    }
    free(base);
    return OSP_OK;
}

enum osp_code cache_default_dir(struct osp_ctx *ctx, char **out, struct osp_err *err)
{
    if (osp_ci_name(ctx)) {
        *out = NULL;
        return OSP_OK;
    }
    const char *base = osp_getenv_nonempty(ctx, "XDG_CACHE_HOME");
    const char *tail = "/osprey";
    if (!base || base[0] != '/') {
        base = osp_getenv_nonempty(ctx, "HOME");
        tail = "/.cache/osprey";
    }
    if (!base)
        return osp_err_set(err, OSP_ECONFIG,
                           "no cache directory: HOME and XDG_CACHE_HOME are unset (pass --cache-dir)");
    size_t len = strlen(base) + strlen(tail) + 1;
    char *p = malloc(len);
    if (!p)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    snprintf(p, len, "%s%s", base, tail);
    *out = p;
    return OSP_OK;
}

enum osp_code cache_open_default(struct osp_ctx *ctx, struct cache_store **out, struct osp_err *err)
{
    const char *ci = osp_ci_name(ctx);
    if (ci) {
        osp_debug(ctx, "cache: %s and no --cache-dir: in-memory cache (carry state with --cache-artifact)", ci);
        return cache_open_memory(ctx, out, err);
    }
    char *dir = NULL;
    enum osp_code rc = cache_default_dir(ctx, &dir, err);
    if (!rc)
        rc = cache_open(ctx, dir, out, err);
    free(dir);
    if (rc == OSP_EIO || rc == OSP_ECONFIG) {
        /* a read-only or missing HOME (a docker agent) must not stop a scan that needs no cache */
        osp_warn(ctx, "%s; using an in-memory cache for this run (pass --cache-dir DIR to keep state)", err->msg);
        osp_err_init(err);
        rc = cache_open_memory(ctx, out, err);
    }
    return rc;
}

/* ---- rows ---- */

static void copy_col(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    snprintf(dst, cap, "%s", t ? (const char *)t : "");
}

static char *dup_col(sqlite3_stmt *st, int col, int *failed)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return NULL;
    const unsigned char *t = sqlite3_column_text(st, col);
    int len = sqlite3_column_bytes(st, col);
    char *d = t ? malloc((size_t)len + 1) : NULL;
    if (!d) {
        *failed = 1;
        return NULL;
    }
    memcpy(d, t, (size_t)len);
    d[len] = '\0';
    return d;
}

enum osp_code cache_get(struct cache_store *s, const char *account, const char *partition, const char *region,
                        const char *service, long long max_age, struct cache_entry *out, struct osp_err *err)
{
    sqlite3_stmt *st = NULL;
    if (db_prepare(s,
                   "SELECT collected_at, osprey_version, schema_version, state, status FROM entries"
                   " WHERE account=?1 AND partition=?2 AND region=?3 AND service=?4",
                   &st, err))
        return err->code;
    const char *keys[4] = {account, partition, region, service};
    int rc = SQLITE_OK;
    for (int i = 0; i < 4 && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(st, i + 1, keys[i] ? keys[i] : "", -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    enum osp_code code = OSP_ENOTFOUND;
    struct cache_entry e;
    memset(&e, 0, sizeof(e));
    if (rc == SQLITE_ROW) {
        e.collected_at = (time_t)sqlite3_column_int64(st, 0);
        long long age = (long long)osp_now(s->ctx) - (long long)e.collected_at;
        /* a time in the future is a forgery or a broken clock: stale, whatever the max age */
        if (age >= -CACHE_MAX_FUTURE_SECS && (max_age < 0 || age <= max_age)) {
            int failed = 0;
            copy_col(e.osprey_version, sizeof(e.osprey_version), st, 1);
            e.schema_version = sqlite3_column_int(st, 2);
            e.state_json = dup_col(st, 3, &failed);
            e.status_json = dup_col(st, 4, &failed);
            e.size = e.state_json ? strlen(e.state_json) : 0;
            code = failed ? osp_err_set(err, OSP_ENOMEM, "out of memory reading the cache") : OSP_OK;
        }
    } else if (rc != SQLITE_DONE) {
        code = db_fail(s, rc, "reading", err);
    }
    sqlite3_finalize(st);
    if (code == OSP_OK) {
        snprintf(e.account, sizeof(e.account), "%s", account);
        snprintf(e.partition, sizeof(e.partition), "%s", partition);
        snprintf(e.region, sizeof(e.region), "%s", region);
        snprintf(e.service, sizeof(e.service), "%s", service);
        *out = e;
    } else {
        cache_entry_cleanup(&e);
    }
    return code;
}

static enum osp_code check_entry(const struct cache_entry *e, struct osp_err *err)
{
    if (cache_entry_check_key(e, OSP_EUSAGE, "cannot store a cache entry: ", err))
        return err->code;
    if (!e->state_json)
        return osp_err_set(err, OSP_EUSAGE, "cache entry %s/%s/%s has no state (store \"{}\" for an empty service)",
                           e->account, e->region, e->service);
    return OSP_OK;
}

static enum osp_code put_one(struct cache_store *s, sqlite3_stmt *st, const struct cache_entry *e, struct osp_err *err)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    /* every bind is checked: a status that failed to bind (too big) would store a failed
     * service as ok */
    int rc = sqlite3_bind_text(st, 1, e->account, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 2, e->partition, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 3, e->region, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 4, e->service, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 5, (sqlite3_int64)e->collected_at);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 6, e->osprey_version, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 7, e->schema_version);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 8, e->state_json, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && e->status_json)
        rc = sqlite3_bind_text(st, 9, e->status_json, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 10, (sqlite3_int64)strlen(e->state_json));
    if (rc != SQLITE_OK)
        return db_fail(s, rc, "writing", err);
    rc = sqlite3_step(st);
    return rc == SQLITE_DONE ? OSP_OK : db_fail(s, rc, "writing", err);
}

enum osp_code cache_put(struct cache_store *s, const struct cache_entry *entries, size_t n, struct osp_err *err)
{
    for (size_t i = 0; i < n; i++)
        if (check_entry(&entries[i], err))
            return err->code;
    if (db_exec(s, "BEGIN IMMEDIATE", "starting a write", err))
        return err->code;
    sqlite3_stmt *st = NULL;
    enum osp_code rc = db_prepare(s,
                                  "INSERT OR REPLACE INTO entries(account, partition, region, service, collected_at,"
                                  " osprey_version, schema_version, state, status, size)"
                                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                  &st, err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = put_one(s, st, &entries[i], err);
    sqlite3_finalize(st);
    if (!rc)
        rc = db_exec(s, "COMMIT", "committing", err);
    if (rc)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static enum osp_code grow(struct cache_entry **arr, size_t *cap, size_t n, struct osp_err *err)
{
    if (n < *cap)
        return OSP_OK;
    size_t ncap = *cap ? *cap * 2 : 16;
    struct cache_entry *p = realloc(*arr, ncap * sizeof(*p));
    if (!p)
        return osp_err_set(err, OSP_ENOMEM, "out of memory listing the cache");
    *arr = p;
    *cap = ncap;
    return OSP_OK;
}

static void row_to_listed(sqlite3_stmt *st, struct cache_entry *e, int *failed)
{
    memset(e, 0, sizeof(*e));
    copy_col(e->account, sizeof(e->account), st, 0);
    copy_col(e->partition, sizeof(e->partition), st, 1);
    copy_col(e->region, sizeof(e->region), st, 2);
    copy_col(e->service, sizeof(e->service), st, 3);
    e->collected_at = (time_t)sqlite3_column_int64(st, 4);
    copy_col(e->osprey_version, sizeof(e->osprey_version), st, 5);
    e->schema_version = sqlite3_column_int(st, 6);
    e->size = (size_t)sqlite3_column_int64(st, 7);
    e->status_json = dup_col(st, 8, failed);
}

enum osp_code cache_list(struct cache_store *s, struct cache_entry **out, size_t *n, struct osp_err *err)
{
    sqlite3_stmt *st = NULL;
    if (db_prepare(s,
                   "SELECT account, partition, region, service, collected_at, osprey_version, schema_version,"
                   " size, status FROM entries ORDER BY account, partition, region, service",
                   &st, err))
        return err->code;
    struct cache_entry *arr = NULL;
    size_t len = 0, cap = 0;
    enum osp_code code = OSP_OK;
    int rc, failed = 0;
    while (!code && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if ((code = grow(&arr, &cap, len, err)) != OSP_OK)
            break;
        row_to_listed(st, &arr[len++], &failed);
        if (failed)
            code = osp_err_set(err, OSP_ENOMEM, "out of memory listing the cache");
    }
    if (!code && rc != SQLITE_DONE)
        code = db_fail(s, rc, "listing", err);
    sqlite3_finalize(st);
    if (code) {
        cache_entries_free(arr, len);
        return code;
    }
    *out = arr;
    *n = len;
    return OSP_OK;
}

enum osp_code cache_clean(struct cache_store *s, long long older_than, size_t *removed, struct osp_err *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql = older_than < 0 ? "DELETE FROM entries" : "DELETE FROM entries WHERE collected_at < ?1";
    if (db_prepare(s, sql, &st, err))
        return err->code;
    int rc = older_than >= 0 ? sqlite3_bind_int64(st, 1, (sqlite3_int64)osp_now(s->ctx) - older_than) : SQLITE_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(s, rc, "cleaning", err);
    if (removed)
        *removed = (size_t)sqlite3_changes(s->db);
    osp_debug(s->ctx, "cache: removed %d entries from %s", sqlite3_changes(s->db), s->path);
    return OSP_OK;
}
