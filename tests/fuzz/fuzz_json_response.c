/* fuzz_json_response.c: fuzz target for JSON response bodies (aws_proto_parse_body, JSON protocols).
 *
 * The input is one 2xx body of a JSON 1.0/1.1 or REST-JSON service (REST-JSON bodies that are not
 * JSON fall back to XML or a string, as S3-style raw bodies do). Each accepted tree is serialised,
 * read back and walked with the collector helpers (fuzz_tree.h); each refusal carries a message.
 */
#include <jansson.h>
#include <stdint.h>

#include "aws/proto.h"
#include "fuzz_tree.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    one_body(AWS_PROTO_JSON, (const char *)data, size);
    one_body(AWS_PROTO_RESTJSON, (const char *)data, size);
    return 0;
}
