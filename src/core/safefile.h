/* safefile.h: replace a file atomically and without following anything planted beside it.
 *
 * The content goes to a fresh mkstemp(3) file in the target's directory (a random name, created
 * O_EXCL, so a symlink or FIFO planted at any fixed name is never opened), is flushed and fsync'ed,
 * takes the replaced file's permission bits (0600 for a new file), and is renamed over the target;
 * the directory is then fsync'ed. A target that exists and is not a regular file (FIFO, device,
 * directory, socket) is refused before anything is written; a symlink at the target is replaced
 * by the new file, never followed.
 *
 *   struct osp_safefile sf;
 *   if (osp_safefile_open(path, &sf, err)) return err->code;
 *   fputs("...", sf.f);
 *   return osp_safefile_commit(&sf, err);   // or osp_safefile_abort(&sf) on an earlier error
 *
 * Errors are OSP_EIO naming the target; commit and abort always release sf.
 */
#ifndef OSPREY_CORE_SAFEFILE_H
#define OSPREY_CORE_SAFEFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "core/err.h"

struct osp_safefile {
    FILE *f;          /* write here */
    char *tmp, *path; /* owned */
    mode_t mode;      /* given to the file at commit; the caller may change it after open */
};

OSP_MUST_CHECK enum osp_code osp_safefile_open(const char *path, struct osp_safefile *sf, struct osp_err *err);
OSP_MUST_CHECK enum osp_code osp_safefile_commit(struct osp_safefile *sf, struct osp_err *err);
void osp_safefile_abort(struct osp_safefile *sf);

#endif
