/* bi_list.h: the one list of builtins: X(rego name, arity, C function suffix, flags).
 * bi_table.c expands it twice: declarations of rego_bi_<fn>, then the table. */
#ifndef OSPREY_REGO_BI_LIST_H
#define OSPREY_REGO_BI_LIST_H

#define BI_LIST_NUMBERS(X)                                                                         \
    X("plus", 2, plus, 0)                                                                          \
    X("minus", 2, minus, 0)                                                                        \
    X("mul", 2, mul, 0)                                                                            \
    X("div", 2, div, 0)                                                                            \
    X("rem", 2, rem, 0)                                                                            \
    X("abs", 1, abs, 0)                                                                            \
    X("ceil", 1, ceil, 0)                                                                          \
    X("floor", 1, floor, 0)                                                                        \
    X("round", 1, round, 0)                                                                        \
    X("numbers.range", 2, numbers_range, 0)                                                        \
    X("numbers.range_step", 3, numbers_range_step, 0)                                              \
    X("rand.intn", 2, rand_intn, REGO_BI_NONDET)                                                   \
    X("bits.and", 2, bits_and, 0)                                                                  \
    X("bits.or", 2, bits_or, 0)                                                                    \
    X("bits.xor", 2, bits_xor, 0)                                                                  \
    X("bits.negate", 1, bits_negate, 0)                                                            \
    X("bits.lsh", 2, bits_lsh, 0)                                                                  \
    X("bits.rsh", 2, bits_rsh, 0)

#define BI_LIST_STRINGS(X)                                                                         \
    X("concat", 2, concat, 0)                                                                      \
    X("contains", 2, contains, 0)                                                                  \
    X("startswith", 2, startswith, 0)                                                              \
    X("endswith", 2, endswith, 0)                                                                  \
    X("indexof", 2, indexof, 0)                                                                    \
    X("indexof_n", 2, indexof_n, 0)                                                                \
    X("substring", 3, substring, 0)                                                                \
    X("lower", 1, lower, 0)                                                                        \
    X("upper", 1, upper, 0)                                                                        \
    X("split", 2, split, 0)                                                                        \
    X("replace", 3, replace, 0)                                                                    \
    X("strings.replace_n", 2, replace_n, 0)                                                        \
    X("trim", 2, trim, 0)                                                                          \
    X("trim_left", 2, trim_left, 0)                                                                \
    X("trim_right", 2, trim_right, 0)                                                              \
    X("trim_prefix", 2, trim_prefix, 0)                                                            \
    X("trim_suffix", 2, trim_suffix, 0)                                                            \
    X("trim_space", 1, trim_space, 0)                                                              \
    X("strings.reverse", 1, str_reverse, 0)                                                        \
    X("strings.count", 2, str_count, 0)                                                            \
    X("strings.any_prefix_match", 2, any_prefix_match, 0)                                          \
    X("strings.any_suffix_match", 2, any_suffix_match, 0)                                          \
    X("format_int", 2, format_int, 0)

#define BI_LIST(X)                                                                                 \
    BI_LIST_NUMBERS(X)                                                                             \
    BI_LIST_STRINGS(X)

#endif
