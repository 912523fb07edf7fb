/* tree.c: protocol-neutral accessors for parsed response trees. */
#include <string.h>

#include "aws/aws.h"

json_t *aws_get(json_t *root, const char *dotted_path)
{
    json_t *cur = root;
    const char *p = dotted_path;
    while (cur && p && *p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        char key[256];
        if (n >= sizeof(key) || !json_is_object(cur))
            return NULL;
        memcpy(key, p, n);
        key[n] = '\0';
        cur = json_object_get(cur, key);
        p = dot ? dot + 1 : NULL;
    }
    return cur;
}

const char *aws_get_str(json_t *root, const char *dotted_path)
{
    return json_string_value(aws_get(root, dotted_path));
}

/* NULL, JSON null and "" (an empty XML list element) hold no items; an array holds its
 * elements; anything else is a list of one. */
size_t aws_items_len(json_t *list)
{
    if (!list || json_is_null(list))
        return 0;
    if (json_is_array(list))
        return json_array_size(list);
    if (json_is_string(list) && json_string_length(list) == 0)
        return 0;
    return 1;
}

json_t *aws_items_at(json_t *list, size_t i)
{
    if (json_is_array(list))
        return json_array_get(list, i);
    return i == 0 && aws_items_len(list) == 1 ? list : NULL;
}
