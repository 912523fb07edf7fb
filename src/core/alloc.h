/* alloc.h: osprey's one out-of-memory policy (jq's): an allocation that fails prints
 * "osprey: out of memory" on stderr and exits with OSP_ENOMEM's exit code (3, README "Exit
 * codes"). No caller checks for NULL after osp_x*(); there is no half-built result to clean up.
 *
 * main() routes jansson (json_set_alloc_funcs), libxml2 (xmlMemSetup) and libcurl
 * (curl_global_init_mem) through these functions before anything else runs; the Rego engine's
 * values allocate with them too (rego/value.c), so none of these libraries hands back NULL.
 */
#ifndef OSPREY_CORE_ALLOC_H
#define OSPREY_CORE_ALLOC_H

#include <stddef.h>

__attribute__((noreturn)) void osp_oom(void);
void *osp_xmalloc(size_t n);
void *osp_xcalloc(size_t n, size_t size);
void *osp_xrealloc(void *p, size_t n);
char *osp_xstrdup(const char *s);

#endif
