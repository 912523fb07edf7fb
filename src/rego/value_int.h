/* value_int.h: heap layouts behind rv and JSON helpers (private to src/rego/, not builtins). */
#ifndef OSPREY_REGO_VALUE_INT_H
#define OSPREY_REGO_VALUE_INT_H

#include <openssl/bn.h>

#include "rego/value.h"

#define RV_RC_FROZEN UINT32_MAX

struct rv_hdr {
    uint32_t rc;
};

enum { RVN_I64 = 0, RVN_BIG, RVN_DBL };

struct rv_num {
    uint32_t rc;
    uint8_t type; /* RVN_* */
    int64_t i;
    double d;
    BIGNUM *bn;
    char *lit; /* literal spelling or NULL */
};

struct rv_strh {
    uint32_t rc;
    size_t len;
    uint64_t hash; /* 0: not computed */
    char s[];
};

struct rv_arr {
    uint32_t rc;
    size_t len, cap;
    rv *v;
};

/* objects and sets (vals == NULL for sets) */
struct rv_obj {
    uint32_t rc;
    bool is_set;
    bool sorted;
    bool inline_kv; /* keys/vals live in the same allocation as this header */
    size_t len, cap;
    rv *keys;
    rv *vals;
    uint32_t *idx; /* open addressing: entry index + 1, 0 = empty; NULL below the threshold */
    size_t idxcap;
};

void rv_num_free(struct rv_num *n);

void rv_obj_sort(struct rv_obj *o); /* sorts entries by key (logically const) */
uint64_t rv_hash_bytes(const void *p, size_t n);
uint64_t rv_hash_mix(uint64_t h); /* 64-bit finaliser for combining hashes */
/* Decode the escapes of a JSON (or Rego) string body [s, s+n) into b; false on a bad escape. */
bool rv_json_unescape(const char *s, size_t n, struct osp_buf *b);

#endif
