/* rewrite.h: OPA's result-changing compiler rewrites (rewrite.c), private to src/rego/. */
#ifndef OSPREY_REGO_REWRITE_H
#define OSPREY_REGO_REWRITE_H

#include "rego/ast.h"

/* Before name resolution: the value of each rule of an else chain is computed at the end of its
 * body (`p := v if B` -> `p := __head if { B; __head = v }`), so an undefined value falls through. */
void rego_rewrite_else_heads(struct rego_module *m, struct rego_rule *r);
/* After safety ordering: a negated expression's ref and call arguments become expressions of
 * their own before it (new locals get slots from *nslots), in a body and every nested body. */
void rego_rewrite_body(struct rego_module *m, struct rego_body *b, int *nslots);
/* The same for every body of a rule's else chain, and bodies nested in its heads. */
void rego_rewrite_rule(struct rego_module *m, struct rego_rule *r, int *nslots);

/* Does t compute something (call, ref, comprehension, template...) rather than only match
 * (constants, variables, composites of them)? */
bool rego_term_computed(const struct rego_term *t);
/* Visit t and the terms below it: on_term (may be NULL) for each term, outer first; on_body for
 * each body nested in a comprehension or template part, instead of descending into it. */
void rego_visit_term(struct rego_term *t, void (*on_term)(struct rego_term *, void *),
                     void (*on_body)(struct rego_body *, void *), void *ud);

#endif
