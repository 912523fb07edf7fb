/* xml.h: untrusted XML response bodies -> jansson trees (the only libxml2 user in aws/).
 *
 * Parsing never touches the network (XML_PARSE_NONET), never substitutes entities, and refuses
 * any document carrying a DOCTYPE (AWS never sends one; it is how XXE and entity-expansion
 * attacks arrive). Bodies larger than max_bytes or nested deeper than AWS_XML_MAX_DEPTH fail
 * with OSP_ELIMIT. Conversion rules are documented in aws.h. *out is a new reference.
 */
#ifndef OSPREY_AWS_XML_H
#define OSPREY_AWS_XML_H

#include <jansson.h>
#include <stddef.h>

#include "core/err.h"

#define AWS_XML_MAX_DEPTH 64

OSP_MUST_CHECK enum osp_code aws_xml_to_json(const char *data, size_t len, size_t max_bytes, json_t **out,
                                             struct osp_err *err);

#endif
