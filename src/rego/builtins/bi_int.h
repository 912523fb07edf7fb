/* bi_int.h: helpers shared by the builtin files in src/rego/builtins/ (folder-private).
 *
 * Every builtin is declared with BI(name), which defines
 *     enum rego_bi_status rego_bi_name(struct rego_bctx *bc, const rv *a, rv *out)
 * (a[] borrowed, *out a new reference on REGO_BI_OK), and listed once in bi_list.h, from
 * which bi_table.c builds the table. Argument checks return OPA's wording:
 *
 *     BI(upper) {
 *         BI_WANT(0, RV_STRING);           // "operand 1 must be string but got number"
 *         return bi_ok(out, rv_str_new(...));
 *     }
 */
#ifndef OSPREY_REGO_BI_INT_H
#define OSPREY_REGO_BI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "rego/builtin.h"
#include "rego/value.h"

#define BI(fn) enum rego_bi_status rego_bi_##fn(struct rego_bctx *bc, const rv *a, rv *out)

#define BI_WANT(i, k)                                                                                                  \
    do {                                                                                                               \
        if (bi_want(bc, a, (i), (k)) != REGO_BI_OK)                                                                    \
            return REGO_BI_ERR;                                                                                        \
    } while (0)

#define BI_TRY(expr)                                                                                                   \
    do {                                                                                                               \
        enum rego_bi_status bi_st_ = (expr);                                                                           \
        if (bi_st_ != REGO_BI_OK)                                                                                      \
            return bi_st_;                                                                                             \
    } while (0)

/* OPA's type name of a value ("string", "number", "boolean", ...). */
const char *bi_tname(rv v);
/* REGO_BI_OK if a[i] has kind k, else the type error "operand i+1 must be K but got T". */
enum rego_bi_status bi_want(struct rego_bctx *bc, const rv *a, int i, enum rv_kind k);
/* a[i] must be a number; then an integer (OPA: "must be integer number but got floating-point
 * number"). Integers that do not fit int64 are errors too. */
enum rego_bi_status bi_want_int(struct rego_bctx *bc, const rv *a, int i, int64_t *outv);
/* Type error "operand i+1 must be one of {list} but got T". */
enum rego_bi_status bi_want_one_of(struct rego_bctx *bc, const rv *a, int i, const char *list);
/* Store v (taken) in *out and return REGO_BI_OK. */
static inline enum rego_bi_status bi_ok(rv *out, rv v)
{
    *out = v;
    return REGO_BI_OK;
}
/* Out of memory while building a result. */
enum rego_bi_status bi_oom(struct rego_bctx *bc);

/* Number text ("1", "1.5", "123456789123456789123") into a malloc'd string; NULL on OOM. */
char *bi_num_text(rv n);

/* UTF-8: decode one code point at s (len bytes left); returns bytes consumed (>= 1); invalid
 * bytes decode as U+FFFD consuming one byte. */
size_t bi_utf8_dec(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes); returns bytes written. */
size_t bi_utf8_enc(uint32_t cp, char *out);
/* Number of code points in s. */
size_t bi_utf8_count(const char *s, size_t len);
/* Byte offset of code point index ci in s (len if past the end). */
size_t bi_utf8_offset(const char *s, size_t len, size_t ci);

/* JSON text of v into a malloc'd string (NULL on OOM). */
char *bi_json(rv v);
/* Same with Go's HTML escaping of <, >, & and U+2028/9 (what json.marshal returns). */
char *bi_json_go(rv v);

/* Type error for a bad element: "operand i+1 must be array of strings but got array
 * containing number" (want is the element type, e.g. "string"). */
enum rego_bi_status bi_elem_error(struct rego_bctx *bc, int i, rv coll, rv elem, const char *want);
/* Elements of an array or set (borrowed), for uniform iteration: i < rv_len(coll). */
rv bi_elem_at(rv coll, size_t i);

/* Go's base64 decoding (url: URL alphabet; pad: '=' padding required; CR/LF ignored).
 * Returns malloc'd bytes (NUL-terminated) and *outlen, or NULL with the offending input
 * offset in *bad. */
char *bi_b64_decode(const char *s, size_t n, int url, int pad, size_t *outlen, size_t *bad);

/* Standard padded base64 of n bytes, as a new rv string. */
rv bi_b64std(const unsigned char *d, size_t n);

/* n * 10^p computed on the decimal text, so 1589385770.1234 * 1e9 stays exact (new;
 * undefined when n has no decimal form). */
rv bi_scale10(rv n, int p);

/* Go-syntax regex search: 1 match, 0 none, -1 bad pattern or matcher error. */
int bi_regex_match(const char *pat, size_t plen, const char *s, size_t slen);

/* sets: build a set from an array (borrows; returns new). */
rv bi_set_of_arr(rv arr);

#endif
