/* bi_list.h: the one list of builtins: X(rego name, arity, C function suffix, flags).
 * bi_table.c expands it twice: declarations of rego_bi_<fn>, then the table. */
#ifndef OSPREY_REGO_BI_LIST_H
#define OSPREY_REGO_BI_LIST_H

#define BI_LIST_NUMBERS(X)                                                                                             \
    X("plus", 2, plus, 0)                                                                                              \
    X("minus", 2, minus, 0)                                                                                            \
    X("mul", 2, mul, 0)                                                                                                \
    X("div", 2, div, 0)                                                                                                \
    X("rem", 2, rem, 0)                                                                                                \
    X("abs", 1, abs, 0)                                                                                                \
    X("ceil", 1, ceil, 0)                                                                                              \
    X("floor", 1, floor, 0)                                                                                            \
    X("round", 1, round, 0)                                                                                            \
    X("numbers.range", 2, numbers_range, 0)                                                                            \
    X("numbers.range_step", 3, numbers_range_step, 0)                                                                  \
    X("rand.intn", 2, rand_intn, REGO_BI_NONDET)                                                                       \
    X("bits.and", 2, bits_and, 0)                                                                                      \
    X("bits.or", 2, bits_or, 0)                                                                                        \
    X("bits.xor", 2, bits_xor, 0)                                                                                      \
    X("bits.negate", 1, bits_negate, 0)                                                                                \
    X("bits.lsh", 2, bits_lsh, 0)                                                                                      \
    X("bits.rsh", 2, bits_rsh, 0)

#define BI_LIST_STRINGS(X)                                                                                             \
    X("concat", 2, concat, 0)                                                                                          \
    X("contains", 2, contains, 0)                                                                                      \
    X("startswith", 2, startswith, 0)                                                                                  \
    X("endswith", 2, endswith, 0)                                                                                      \
    X("indexof", 2, indexof, 0)                                                                                        \
    X("indexof_n", 2, indexof_n, 0)                                                                                    \
    X("substring", 3, substring, 0)                                                                                    \
    X("lower", 1, lower, 0)                                                                                            \
    X("upper", 1, upper, 0)                                                                                            \
    X("split", 2, split, 0)                                                                                            \
    X("replace", 3, replace, 0)                                                                                        \
    X("strings.replace_n", 2, replace_n, 0)                                                                            \
    X("trim", 2, trim, 0)                                                                                              \
    X("trim_left", 2, trim_left, 0)                                                                                    \
    X("trim_right", 2, trim_right, 0)                                                                                  \
    X("trim_prefix", 2, trim_prefix, 0)                                                                                \
    X("trim_suffix", 2, trim_suffix, 0)                                                                                \
    X("trim_space", 1, trim_space, 0)                                                                                  \
    X("strings.reverse", 1, str_reverse, 0)                                                                            \
    X("strings.count", 2, str_count, 0)                                                                                \
    X("strings.any_prefix_match", 2, any_prefix_match, 0)                                                              \
    X("strings.any_suffix_match", 2, any_suffix_match, 0)                                                              \
    X("format_int", 2, format_int, 0)                                                                                  \
    X("strings.render_template", 2, render_template, 0)

#define BI_LIST_AGGREGATES(X)                                                                                          \
    X("count", 1, count, 0)                                                                                            \
    X("sum", 1, sum, 0)                                                                                                \
    X("product", 1, product, 0)                                                                                        \
    X("max", 1, max, 0)                                                                                                \
    X("min", 1, min, 0)                                                                                                \
    X("sort", 1, sort, 0)                                                                                              \
    X("equal", 2, equal, 0)                                                                                            \
    X("eq", 2, equal, 0)                                                                                               \
    X("neq", 2, neq, 0)                                                                                                \
    X("lt", 2, lt, 0)                                                                                                  \
    X("gt", 2, gt, 0)                                                                                                  \
    X("lte", 2, lte, 0)                                                                                                \
    X("gte", 2, gte, 0)

#define BI_LIST_COLLECTIONS(X)                                                                                         \
    X("array.concat", 2, array_concat, 0)                                                                              \
    X("array.slice", 3, array_slice, 0)                                                                                \
    X("array.reverse", 1, array_reverse, 0)                                                                            \
    X("array.flatten", 1, array_flatten, 0)                                                                            \
    X("union", 1, union, 0)                                                                                            \
    X("intersection", 1, intersection, 0)                                                                              \
    X("and", 2, set_and, 0)                                                                                            \
    X("or", 2, set_or, 0)                                                                                              \
    X("object.get", 3, object_get, 0)                                                                                  \
    X("object.keys", 1, object_keys, 0)                                                                                \
    X("object.filter", 2, object_filter, 0)                                                                            \
    X("object.remove", 2, object_remove, 0)                                                                            \
    X("object.union", 2, object_union, 0)                                                                              \
    X("object.union_n", 1, object_union_n, 0)                                                                          \
    X("object.subset", 2, object_subset, 0)                                                                            \
    X("json.filter", 2, json_filter, 0)                                                                                \
    X("graph.reachable", 2, graph_reachable, 0)                                                                        \
    X("graph.reachable_paths", 2, graph_reachable_paths, 0)                                                            \
    X("json.remove", 2, json_remove, 0)

#define BI_LIST_TYPES(X)                                                                                               \
    X("is_number", 1, is_number, 0)                                                                                    \
    X("is_string", 1, is_string, 0)                                                                                    \
    X("is_boolean", 1, is_boolean, 0)                                                                                  \
    X("is_array", 1, is_array, 0)                                                                                      \
    X("is_set", 1, is_set, 0)                                                                                          \
    X("is_object", 1, is_object, 0)                                                                                    \
    X("is_null", 1, is_null, 0)                                                                                        \
    X("type_name", 1, type_name, 0)                                                                                    \
    X("to_number", 1, to_number, 0)

#define BI_LIST_PATTERNS(X)                                                                                            \
    X("sprintf", 2, sprintf, 0)                                                                                        \
    X("regex.match", 2, regex_match, 0)                                                                                \
    X("re_match", 2, regex_match, 0)                                                                                   \
    X("regex.is_valid", 1, regex_is_valid, 0)                                                                          \
    X("regex.find_n", 3, regex_find_n, 0)                                                                              \
    X("regex.find_all_string_submatch_n", 3, regex_find_all_string_submatch_n, 0)                                      \
    X("regex.split", 2, regex_split, 0)                                                                                \
    X("regex.replace", 3, regex_replace, 0)                                                                            \
    X("regex.template_match", 4, regex_template_match, 0)                                                              \
    X("regex.globs_match", 2, regex_globs_match, 0)                                                                    \
    X("glob.match", 3, glob_match, 0)                                                                                  \
    X("glob.quote_meta", 1, glob_quote_meta, 0)

#define BI_LIST_TIME(X)                                                                                                \
    X("time.now_ns", 0, time_now_ns, REGO_BI_NONDET)                                                                   \
    X("time.parse_ns", 2, time_parse_ns, 0)                                                                            \
    X("time.parse_rfc3339_ns", 1, time_parse_rfc3339_ns, 0)                                                            \
    X("time.parse_duration_ns", 1, time_parse_duration_ns, 0)                                                          \
    X("time.date", 1, time_date, 0)                                                                                    \
    X("time.clock", 1, time_clock, 0)                                                                                  \
    X("time.weekday", 1, time_weekday, 0)                                                                              \
    X("time.format", 1, time_format, 0)                                                                                \
    X("time.add_date", 4, time_add_date, 0)                                                                            \
    X("time.diff", 2, time_diff, 0)                                                                                    \
    X("test.sleep", 1, test_sleep, REGO_BI_NONDET)

#define BI_LIST_ENCODING(X)                                                                                            \
    X("base64.encode", 1, base64_encode, 0)                                                                            \
    X("base64.decode", 1, base64_decode, 0)                                                                            \
    X("base64.is_valid", 1, base64_is_valid, 0)                                                                        \
    X("base64url.encode", 1, base64url_encode, 0)                                                                      \
    X("base64url.encode_no_pad", 1, base64url_encode_no_pad, 0)                                                        \
    X("base64url.decode", 1, base64url_decode, 0)                                                                      \
    X("hex.encode", 1, hex_encode, 0)                                                                                  \
    X("hex.decode", 1, hex_decode, 0)                                                                                  \
    X("urlquery.encode", 1, urlquery_encode, 0)                                                                        \
    X("urlquery.decode", 1, urlquery_decode, 0)                                                                        \
    X("urlquery.encode_object", 1, urlquery_encode_object, 0)                                                          \
    X("urlquery.decode_object", 1, urlquery_decode_object, 0)                                                          \
    X("json.marshal", 1, json_marshal, 0)                                                                              \
    X("json.marshal_with_options", 2, json_marshal_with_options, 0)                                                    \
    X("json.unmarshal", 1, json_unmarshal, 0)                                                                          \
    X("json.is_valid", 1, json_is_valid, 0)                                                                            \
    X("json.patch", 2, json_patch, 0)                                                                                  \
    X("json.verify_schema", 1, json_verify_schema, 0)                                                                  \
    X("json.match_schema", 2, json_match_schema, 0)                                                                    \
    X("yaml.marshal", 1, yaml_marshal, 0)                                                                              \
    X("yaml.unmarshal", 1, yaml_unmarshal, 0)                                                                          \
    X("yaml.is_valid", 1, yaml_is_valid, 0)

#define BI_LIST_MISC(X)                                                                                                \
    X("semver.is_valid", 1, semver_is_valid, 0)                                                                        \
    X("semver.compare", 2, semver_compare, 0)                                                                          \
    X("units.parse", 1, units_parse, 0)                                                                                \
    X("units.parse_bytes", 1, units_parse_bytes, 0)                                                                    \
    X("uuid.rfc4122", 1, uuid_rfc4122, REGO_BI_NONDET)                                                                 \
    X("uuid.parse", 1, uuid_parse, 0)                                                                                  \
    X("net.cidr_contains", 2, net_cidr_contains, 0)                                                                    \
    X("net.cidr_intersects", 2, net_cidr_intersects, 0)                                                                \
    X("net.cidr_is_valid", 1, net_cidr_is_valid, 0)                                                                    \
    X("net.cidr_expand", 1, net_cidr_expand, 0)                                                                        \
    X("net.cidr_merge", 1, net_cidr_merge, 0)                                                                          \
    X("net.cidr_contains_matches", 2, net_cidr_contains_matches, 0)                                                    \
    X("providers.aws.sign_req", 3, aws_sign_req, 0)                                                                    \
    X("graphql.parse_query", 1, gql_parse_query, 0)                                                                    \
    X("graphql.parse_schema", 1, gql_parse_schema, 0)                                                                  \
    X("graphql.parse", 2, gql_parse, 0)                                                                                \
    X("graphql.parse_and_verify", 2, gql_parse_and_verify, 0)                                                          \
    X("graphql.is_valid", 2, gql_is_valid, 0)                                                                          \
    X("graphql.schema_is_valid", 1, gql_schema_is_valid, 0)                                                            \
    X("http.send", 1, http_send, REGO_BI_NONDET)                                                                       \
    X("net.lookup_ip_addr", 1, net_lookup_ip_addr, REGO_BI_NONDET)

#define BI_LIST_CRYPTO(X)                                                                                              \
    X("crypto.md5", 1, crypto_md5, 0)                                                                                  \
    X("crypto.sha1", 1, crypto_sha1, 0)                                                                                \
    X("crypto.sha256", 1, crypto_sha256, 0)                                                                            \
    X("crypto.hmac.md5", 2, crypto_hmac_md5, 0)                                                                        \
    X("crypto.hmac.sha1", 2, crypto_hmac_sha1, 0)                                                                      \
    X("crypto.hmac.sha256", 2, crypto_hmac_sha256, 0)                                                                  \
    X("crypto.hmac.sha512", 2, crypto_hmac_sha512, 0)                                                                  \
    X("crypto.hmac.equal", 2, crypto_hmac_equal, 0)                                                                    \
    X("crypto.x509.parse_certificates", 1, x509_parse_certificates, 0)                                                 \
    X("crypto.x509.parse_and_verify_certificates", 1, x509_parse_and_verify_certificates, 0)                           \
    X("crypto.x509.parse_and_verify_certificates_with_options", 2, x509_parse_and_verify_certificates_with_options, 0) \
    X("crypto.x509.parse_certificate_request", 1, x509_parse_certificate_request, 0)                                   \
    X("crypto.x509.parse_keypair", 2, x509_parse_keypair, 0)                                                           \
    X("crypto.x509.parse_rsa_private_key", 1, x509_parse_rsa_private_key, 0)                                           \
    X("crypto.parse_private_keys", 1, crypto_parse_private_keys, 0)

#define BI_LIST_JWT(X)                                                                                                 \
    X("io.jwt.decode", 1, jwt_decode, 0)                                                                               \
    X("io.jwt.decode_verify", 2, jwt_decode_verify, REGO_BI_NONDET)                                                    \
    X("io.jwt.verify_hs256", 2, jwt_verify_hs256, 0)                                                                   \
    X("io.jwt.verify_hs384", 2, jwt_verify_hs384, 0)                                                                   \
    X("io.jwt.verify_hs512", 2, jwt_verify_hs512, 0)                                                                   \
    X("io.jwt.verify_rs256", 2, jwt_verify_rs256, 0)                                                                   \
    X("io.jwt.verify_rs384", 2, jwt_verify_rs384, 0)                                                                   \
    X("io.jwt.verify_rs512", 2, jwt_verify_rs512, 0)                                                                   \
    X("io.jwt.verify_ps256", 2, jwt_verify_ps256, 0)                                                                   \
    X("io.jwt.verify_ps384", 2, jwt_verify_ps384, 0)                                                                   \
    X("io.jwt.verify_ps512", 2, jwt_verify_ps512, 0)                                                                   \
    X("io.jwt.verify_es256", 2, jwt_verify_es256, 0)                                                                   \
    X("io.jwt.verify_es384", 2, jwt_verify_es384, 0)                                                                   \
    X("io.jwt.verify_es512", 2, jwt_verify_es512, 0)                                                                   \
    X("io.jwt.verify_eddsa", 2, jwt_verify_eddsa, 0)                                                                   \
    X("io.jwt.encode_sign", 3, jwt_encode_sign, REGO_BI_NONDET)                                                        \
    X("io.jwt.encode_sign_raw", 3, jwt_encode_sign_raw, REGO_BI_NONDET)

#define BI_LIST(X)                                                                                                     \
    BI_LIST_JWT(X)                                                                                                     \
    BI_LIST_CRYPTO(X)                                                                                                  \
    BI_LIST_MISC(X)                                                                                                    \
    BI_LIST_ENCODING(X)                                                                                                \
    BI_LIST_TIME(X)                                                                                                    \
    BI_LIST_PATTERNS(X)                                                                                                \
    BI_LIST_NUMBERS(X)                                                                                                 \
    BI_LIST_STRINGS(X)                                                                                                 \
    BI_LIST_AGGREGATES(X)                                                                                              \
    BI_LIST_COLLECTIONS(X)                                                                                             \
    BI_LIST_TYPES(X)

#endif
