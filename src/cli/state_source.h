/* state_source.h: where a scan's state comes from: the cache, the cache artifact, or AWS.
 *
 * For every (service, region) the scan needs, a fresh cache entry is used (unless
 * --update-cache); everything else is collected (unless --offline, where a missing service is
 * an error naming it). Fresh results are stored back; with --cache-artifact the state this run
 * used is written to the artifact at the end. The result is a col_result array (owned by the
 * source) that col_build_input() turns into per-region input documents.
 */
#ifndef OSPREY_CLI_STATE_SOURCE_H
#define OSPREY_CLI_STATE_SOURCE_H

#include "cli/session.h"
#include "cache/cache.h"
#include "collect/collect.h"

struct cli_state {
    struct col_result *results; /* one per (service, region); global services: region "global" */
    size_t n;
    unsigned char *from_cache;  /* per result: 1 when it came from the cache or artifact */
    time_t collected_at;        /* newest collection time among the results */
    struct cache_entry *art;    /* what the artifact held at the start (owned), so writing it */
    size_t nart;                /* back keeps the services and regions this run did not touch */
    int art_trusted;            /* the artifact's MAC verified with the artifact key */
};

/* Fill st for services x session regions. Connects to AWS only when something must be collected. */
OSP_MUST_CHECK enum osp_code cli_state_load(struct cli_session *s, const char *const *services, size_t nservices,
                                            struct cli_state *st, struct osp_err *err);
/* Write the artifact (when --cache-artifact was given): its earlier entries, with those this
 * run used replaced by this run's state. A narrower run never drops the rest of the state. */
OSP_MUST_CHECK enum osp_code cli_state_save_artifact(struct cli_session *s, const struct cli_state *st,
                                                     struct osp_err *err);
void cli_state_cleanup(struct cli_state *st);

#endif
