/* main.c: process entry: library init, context, dispatch to the CLI; the only place that exits. */
#include <curl/curl.h>
#include <locale.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/ctx.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return 3;
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    int status = cli_main(&ctx, argc, argv);
    curl_global_cleanup();
    return status;
}
