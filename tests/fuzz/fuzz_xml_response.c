/* fuzz_xml_response.c: fuzz target for XML response bodies -> trees (aws_xml_to_json, parse_body).
 *
 * The input is one response body as an endpoint would send it. It goes through the XML converter
 * with and without a size cap and through aws_proto_parse_body for each XML protocol, then the
 * tree is walked the way collectors walk it (aws_get, aws_get_str, AWS_ITEMS) and serialised.
 * Invariants: success gives a tree with exactly one top-level member and no failure is silent
 * (an error always carries a message); every tree serialises (valid UTF-8 strings only).
 */
#include <jansson.h>
#include <stdint.h>

#include "aws/proto.h"
#include "aws/xml.h"
#include "fuzz_tree.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one_xml(const char *body, size_t len, size_t cap)
{
    json_t *tree = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = aws_xml_to_json(body, len, cap, &tree, &err);
    if (rc == OSP_OK) {
        FUZZ_CHECK(json_is_object(tree) && json_object_size(tree) == 1);
        fuzz_check_tree(tree);
        json_decref(tree);
    } else {
        FUZZ_CHECK(tree == NULL && err.code == rc && err.msg[0]);
    }
}

static void one_body(enum aws_protocol proto, const char *body, size_t len)
{
    json_t *tree = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = aws_proto_parse_body(proto, body, len, 1 << 20, &tree, &err);
    if (rc == OSP_OK) {
        if (tree)
            fuzz_check_tree(tree);
        json_decref(tree);
    } else {
        FUZZ_CHECK(tree == NULL && err.code == rc && err.msg[0]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    const char *body = (const char *)data;
    one_xml(body, size, 0);
    one_xml(body, size, size > 16 ? size / 2 : 0); /* the cap refuses, never truncates */
    one_body(AWS_PROTO_QUERY, body, size);
    one_body(AWS_PROTO_EC2, body, size);
    one_body(AWS_PROTO_RESTXML, body, size);
    return 0;
}
