/* result_int.h: helpers shared by the files of src/results/ (not for other layers). */
#ifndef OSPREY_RESULTS_RESULT_INT_H
#define OSPREY_RESULTS_RESULT_INT_H

#include "results/result.h"

/* strdup that maps NULL to "" (NULL only on out of memory). */
char *res_strdup(const char *s);
void res_strv_free(const char **v, size_t n);
enum osp_code res_strv_copy(const char *const *src, size_t n, const char ***out);
enum osp_code res_grow(void **arr, size_t *cap, size_t n, size_t sz);
/* Deep copy (d is overwritten); OSP_ENOMEM leaves d cleared. */
enum osp_code res_finding_copy(struct res_finding *d, const struct res_finding *s);
void res_finding_clear(struct res_finding *f);
void res_service_clear(struct res_service *s);
void res_gap_clear(struct res_gap *g);
void res_gaps_free(struct res_gap *v, size_t n);
int res_finding_cmp(const struct res_finding *x, const struct res_finding *y);

#endif
