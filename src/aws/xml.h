/* xml.h: untrusted XML response bodies -> jansson trees (the only libxml2 user in aws/).
 *
 * Parsing never touches the network (XML_PARSE_NONET), never substitutes entities, and refuses
 * any document carrying a DOCTYPE (AWS never sends one; it is how XXE and entity-expansion
 * attacks arrive). Bodies larger than max_bytes, nested deeper than AWS_XML_MAX_DEPTH or with
 * more than AWS_MAX_NODES markup tags (counted before parsing: the tree never gets built) fail
 * with OSP_ELIMIT. Conversion rules are documented in aws.h. *out is a new reference.
 */
#ifndef OSPREY_AWS_XML_H
#define OSPREY_AWS_XML_H

#include <jansson.h>
#include <stddef.h>

#include "core/err.h"

#define AWS_XML_MAX_DEPTH 64
/* Node budget of one response, XML or JSON: '<' of an XML body, '{' '[' ',' of a JSON body (an
 * upper bound of the nodes either becomes). A real AWS page of 1000 items stays far below it; a
 * 63 MB body of tiny elements (a 2 GB tree, and 32 may be in flight) does not. */
#define AWS_MAX_NODES 1000000u

/* Whether more than AWS_MAX_NODES bytes of data are one of chars (the budget above). */
int aws_over_node_budget(const char *data, size_t len, const char *chars);

OSP_MUST_CHECK enum osp_code aws_xml_to_json(const char *data, size_t len, size_t max_bytes, json_t **out,
                                             struct osp_err *err);

#endif
