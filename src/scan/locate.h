/* locate.h: give every part of every resource in a state document its own location.
 *
 * Several findings of one check can be about one resource: two entries of a network ACL, two
 * rules of a security group, two statements of a policy. Each metadata object (a resource's
 * __defsec_metadata, a wrapped scalar) gets
 *   fskey      its path inside its resource: object keys joined by '/', array elements named
 *              by a short hash of their content ("ingressrules[3fa8c1d2]/cidrs[0b1c2d3e]"),
 *              "" for the resource itself; so it survives reordering and other rules changing
 *   startline  its 1-based pre-order number inside the resource (endline the same), the line
 *              of the finding in SARIF's pseudo-file of the resource
 * and result.new() copies both from a deny rule's cause into the result, where
 * scan_raw_locate() reads them. A nested object with another resource ARN starts its own
 * numbering. Objects are visited in sorted key order, so equal state gives equal numbers
 * whether it was just collected or read back from the cache.
 */
#ifndef OSPREY_SCAN_LOCATE_H
#define OSPREY_SCAN_LOCATE_H

#include <jansson.h>

/* A deep copy of doc (a state document {"aws": {...}}, or one service's state) with every
 * metadata object located; NULL on out of memory. doc itself (shared with the collection
 * results) is not changed. */
json_t *scan_locate_copy(const json_t *doc);

#endif
