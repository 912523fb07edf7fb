/* fuzz_tree.h: checks shared by the aws-layer fuzz targets on a parsed response tree.
 *
 * fuzz_check_tree(tree): the tree serialises and reads back equal (so every string in it is valid
 * UTF-8), and every node can be reached with the helpers collectors use (aws_get, aws_get_str,
 * aws_items_len / aws_items_at).
 */
#ifndef OSPREY_TESTS_FUZZ_TREE_H
#define OSPREY_TESTS_FUZZ_TREE_H

#include <jansson.h>

#include "aws/aws.h"
#include "fuzz_util.h"

/* Visit every node as a collector would, down to a bounded depth. */
static inline size_t fuzz_walk(json_t *v, int depth)
{
    size_t n = 1;
    if (depth > 80)
        return n;
    if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x)
        {
            FUZZ_CHECK(aws_get(v, k) != NULL || strchr(k, '.') != NULL || strlen(k) >= 255);
            (void)aws_get_str(v, k);
            n += fuzz_walk(x, depth + 1);
        }
    }
    size_t len = aws_items_len(v);
    for (size_t i = 0; i < len; i++) {
        json_t *it = aws_items_at(v, i);
        FUZZ_CHECK(it != NULL);
        if (json_is_array(v))
            n += fuzz_walk(it, depth + 1);
    }
    FUZZ_CHECK(aws_items_at(v, len) == NULL);
    return n;
}

static inline void fuzz_check_tree(json_t *tree)
{
    char *dump = json_dumps(tree, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    FUZZ_CHECK(dump != NULL);
    json_t *back = json_loads(dump, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    FUZZ_CHECK(back != NULL && json_equal(back, tree));
    json_decref(back);
    free(dump);
    (void)fuzz_walk(tree, 0);
}

#endif
