/* state_source.h: the CLI side of where a scan's state comes from.
 *
 * The policy (cache, artifact, collection, offline regions) is the library's: scan/source.h.
 * This file picks the cache store from the flags and the environment (a directory, or memory
 * under CI and for offline replays of an artifact) and hands the library the session's hooks:
 * connect (credentials, account, --region all) and collect (the collectors with progress).
 */
#ifndef OSPREY_CLI_STATE_SOURCE_H
#define OSPREY_CLI_STATE_SOURCE_H

#include "cli/session.h"
#include "scan/source.h"

/* Fill st for services x session regions. Connects to AWS only when something must be collected. */
OSP_MUST_CHECK enum osp_code cli_state_load(struct cli_session *s, const char *const *services, size_t nservices,
                                            struct scan_state *st, struct osp_err *err);
/* Write the artifact (when --cache-artifact was given); see scan_state_save_artifact. */
OSP_MUST_CHECK enum osp_code cli_state_save_artifact(struct cli_session *s, const struct scan_state *st,
                                                     struct osp_err *err);

#endif
