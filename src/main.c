/* main.c: process entry: library init, context, dispatch to the CLI; the only place that exits. */
#include <curl/curl.h>
#include <jansson.h>
#include <libxml/xmlmemory.h>
#include <locale.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/alloc.h"
#include "core/ctx.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    /* one out-of-memory policy (core/alloc.h): no library returns NULL to osprey */
    json_set_alloc_funcs(osp_xmalloc, free);
    xmlMemSetup(free, osp_xmalloc, osp_xrealloc, osp_xstrdup);
    if (curl_global_init_mem(CURL_GLOBAL_DEFAULT, osp_xmalloc, free, osp_xrealloc, osp_xstrdup, osp_xcalloc) !=
        CURLE_OK)
        return 3;
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    int status = cli_main(&ctx, argc, argv);
    curl_global_cleanup();
    return status;
}
