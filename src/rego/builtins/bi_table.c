/* bi_table.c: the builtin table the evaluator looks names up in (built from bi_list.h). */
#include "rego/builtins/bi_int.h"
#include "rego/builtins/bi_list.h"

#define BI_DECLARE(name, arity, fn, flags) BI(fn);
BI_LIST(BI_DECLARE)
#undef BI_DECLARE

#define BI_ENTRY(name, arity, fn, flags) {name, arity, rego_bi_##fn, flags},
static const struct rego_builtin table[] = {BI_LIST(BI_ENTRY)};
#undef BI_ENTRY

const struct rego_builtin *rego_builtins_table(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
