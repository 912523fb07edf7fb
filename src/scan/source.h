/* source.h: where a scan's state comes from: the cache, the cache artifact, or the collectors.
 *
 * The policy, for every (service, region) a scan needs: a fresh cache entry is used (unless
 * update_cache); everything else is collected through the caller's collect hook, unless
 * offline, where a missing service is an error naming it and a requested region the cache does
 * not hold at all becomes a gap (scan_state.missing_regions), never silently dropped. Fresh
 * results are stored back; scan_state_save_artifact() writes the artifact with the state this
 * run used plus the artifact's entries it did not touch. Offline, the account and the regions
 * can come from what is stored: `all_regions` means every region stored for the account.
 *
 * The caller owns the AWS session: connect (credentials, the account id, expanding --region
 * all) and collect are hooks, so the policy runs in unit tests on an in-memory cache, a fake
 * collector and the pinned clock of ctx. Results are sorted by (region, service); global
 * services have region "global".
 *
 *   struct scan_scope sc = {0};  scan_scope_add_region(&sc, "us-east-1", err);
 *   struct scan_source src = {.ctx = ctx, .store = store, .max_cache_age = 86400,
 *                             .connect = my_connect, .collect = my_collect, .ud = session};
 *   struct scan_state st;
 *   if (scan_state_load(&src, &sc, services, nservices, &st, err)) ...;
 *   ... scan_build_located_inputs(st.results, st.n, ...) ...;   (or scan_state_parse, then
 *   ... col_build_input(st.results, st.n, sc.regions[i]) ...;    for the jansson documents)
 *   scan_state_save_artifact(&src, &sc, &st, err);  scan_state_cleanup(&st);  scan_scope_cleanup(&sc);
 */
#ifndef OSPREY_SCAN_SOURCE_H
#define OSPREY_SCAN_SOURCE_H

#include <stddef.h>
#include <time.h>

#include "aws/aws.h"
#include "cache/cache.h"
#include "collect/collect.h"
#include "core/ctx.h"
#include "core/err.h"

#define SCAN_MAX_REGIONS 64

/* Which account and regions a scan covers. Strings owned; scan_scope_cleanup frees them. */
struct scan_scope {
    char account[32]; /* "" until known */
    char partition[16];
    char *regions[SCAN_MAX_REGIONS]; /* sorted when expanded from 'all' */
    size_t nregions;
    char *enabled[SCAN_MAX_REGIONS]; /* regions enabled for the account, when learnt (scan_scope_all_regions;
                                      * nenabled 0: not known, e.g. offline); sorted */
    size_t nenabled;
    char *chain[SCAN_MAX_REGIONS]; /* regions read beyond `regions` for the CIS alarm chain
                                    * (scan_state_follow_chain): evaluated, not counted as scanned */
    size_t nchain;
    time_t enabled_at;             /* when sc->enabled was learnt: from AWS this run, or the time
                                    * recorded with them in the cache or artifact (0: not known) */
    int enabled_recorded;          /* sc->enabled came from the cache or artifact, not from AWS */
    int all_regions;               /* --region all (or --compliance without --region) */
    int regions_given;             /* regions named by the user (--region, an ARN), not by configuration */
    const char *configured_region; /* borrowed: frames an offline cache that holds only global services */
};

/* Add r unless listed (OSP_EUSAGE past SCAN_MAX_REGIONS). */
OSP_MUST_CHECK enum osp_code scan_scope_add_region(struct scan_scope *sc, const char *r, struct osp_err *err);
/* Learn the regions enabled for the account (ec2:DescribeRegions via `via`) into sc->enabled and,
 * with sc->all_regions, scan every one of them. */
OSP_MUST_CHECK enum osp_code scan_scope_all_regions(struct aws_client *client, const char *via, struct scan_scope *sc,
                                                    struct osp_err *err);
/* Drop what scan_scope_all_regions learnt (the enabled list could not be had). */
void scan_scope_forget_enabled(struct scan_scope *sc);
void scan_scope_cleanup(struct scan_scope *sc);

/* Hooks into the caller's AWS session. connect learns the account (when "") and expands
 * all_regions; collect runs the collectors (results owned by the caller of the hook). */
typedef enum osp_code (*scan_connect_fn)(void *ud, struct scan_scope *sc, struct osp_err *err);
typedef enum osp_code (*scan_collect_fn)(void *ud, const struct scan_scope *sc, const char *const *regions,
                                         size_t nregions, const char *const *services, size_t nservices,
                                         struct col_result **out, size_t *n, struct osp_err *err);

struct scan_source {
    struct osp_ctx *ctx;       /* clock (ages) and logging */
    struct cache_store *store; /* borrowed */
    const char *artifact;      /* --cache-artifact path, or NULL */
    const struct art_key *artifact_key; /* NULL: unkeyed (format 1, unauthenticated) */
    int persistent_store;      /* the store outlives the run: an unauthenticated artifact never goes in */
    int offline, update_cache;
    long long max_cache_age; /* seconds */
    scan_connect_fn connect; /* NULL: the network cannot be reached */
    scan_collect_fn collect;
    void *ud;
};

/* Where a result's state came from (its provenance in the report). */
enum { SCAN_FROM_LIVE = 0, SCAN_FROM_CACHE = 1, SCAN_FROM_ARTIFACT = 2 };

struct scan_state {
    struct col_result *results; /* one per (service, region); global services: region "global" */
    size_t n;
    unsigned char *from_cache; /* per result: SCAN_FROM_LIVE, SCAN_FROM_CACHE or SCAN_FROM_ARTIFACT */
    time_t collected_at;       /* newest collection time among the results */
    struct cache_entry *art;   /* what the artifact held at the start (owned), so writing it */
    size_t nart;               /* back keeps the services and regions this run did not touch */
    int art_trusted;           /* the artifact's MAC verified with the artifact key */
    time_t art_created;        /* the artifact header's created time (0: no artifact) */
    char *missing_regions[SCAN_MAX_REGIONS]; /* offline: requested, nothing stored (gaps) */
    size_t nmissing;
};

/* The enabled regions travel with the state: a scan that learnt them (DescribeRegions, for
 * --compliance or --region all) stores them as the pseudo-service SCAN_ENABLED_REGIONS_SERVICE
 * (region "global", state {"enabled": [...]}) in the cache and the artifact, and a scan that did
 * not learn them (--offline, or everything fresh in the cache) takes them from there, so an offline
 * compliance report can judge region-scoped controls. */
#define SCAN_ENABLED_REGIONS_SERVICE "enabled-regions"

/* Fill st for services x the scope's regions. Calls connect only when something must be
 * collected or the account is unknown. */
OSP_MUST_CHECK enum osp_code scan_state_load(const struct scan_source *src, struct scan_scope *sc,
                                             const char *const *services, size_t nservices, struct scan_state *st,
                                             struct osp_err *err);
/* --compliance: the CIS alarm chain starts at the CloudWatch log group of a multi-region trail,
 * wherever it is. Read cloudtrail, cloudwatch and sns (those in services) of the log-group regions
 * outside sc->regions (cache first, then AWS unless offline; what cannot be had is simply absent)
 * and keep in sc->chain the regions whose trails and log groups were read. */
OSP_MUST_CHECK enum osp_code scan_state_follow_chain(const struct scan_source *src, struct scan_scope *sc,
                                                     const char *const *services, size_t nservices,
                                                     struct scan_state *st, struct osp_err *err);
/* Write the artifact (when src->artifact is set): its earlier entries, with those this run
 * used replaced by this run's state. A narrower run never drops the rest of the state. */
OSP_MUST_CHECK enum osp_code scan_state_save_artifact(const struct scan_source *src, const struct scan_scope *sc,
                                                      const struct scan_state *st, struct osp_err *err);
/* State read back from the cache or an artifact keeps its stored text (results[i].text) and is
 * parsed only where needed: scan_build_located_inputs() reads the text into engine values
 * directly, and results[i].state stays NULL. This parses every such text into results[i].state
 * for readers of the jansson documents (col_build_input); OSP_ECACHE names a text that is not
 * valid JSON. */
OSP_MUST_CHECK enum osp_code scan_state_parse(struct scan_state *st, struct osp_err *err);
void scan_state_cleanup(struct scan_state *st);

#endif
