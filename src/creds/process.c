/* process.c: credential_process: run the profile's command, parse its JSON from stdout. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/log.h"
#include "creds/creds_int.h"

#define PROCESS_MAX_OUTPUT (64u << 10)
#define PROCESS_TIMEOUT_MS 120000

/* Start `/bin/sh -c command` with stdout on a pipe; stdin and stderr are inherited so a command
 * may prompt (for an MFA code, say). */
static pid_t spawn(const char *command, int *fd)
{
    int p[2];
    if (pipe(p))
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(p[1], STDOUT_FILENO);
        close(p[0]);
        close(p[1]);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    *fd = p[0];
    return pid;
}

/* Read the child's stdout up to the cap and deadline. */
static enum osp_code read_all(struct cred_chain *c, int fd, struct osp_buf *b, const char *name, struct osp_err *err)
{
    double deadline = osp_now_monotonic(c->ctx) + PROCESS_TIMEOUT_MS / 1000.0;
    char chunk[4096];
    for (;;) {
        int left = (int)((deadline - osp_now_monotonic(c->ctx)) * 1000);
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = left > 0 ? poll(&pfd, 1, left) : 0;
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return osp_err_set(err, OSP_ETIMEOUT, "profile '%s': credential_process gave no answer within %d s", name,
                               PROCESS_TIMEOUT_MS / 1000);
        ssize_t n = read(fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return OSP_OK;
        if (osp_buf_add(b, chunk, (size_t)n))
            return osp_err_set(err, OSP_ELIMIT, "profile '%s': credential_process printed more than %u bytes", name,
                               PROCESS_MAX_OUTPUT);
    }
}

static enum osp_code run(struct cred_chain *c, const char *name, const char *command, char **out, struct osp_err *err)
{
    int fd = -1;
    pid_t pid = spawn(command, &fd);
    if (pid < 0)
        return osp_err_set(err, OSP_ECREDS, "profile '%s': cannot start credential_process: %s", name, strerror(errno));
    struct osp_buf b;
    osp_buf_init(&b, PROCESS_MAX_OUTPUT);
    enum osp_code rc = read_all(c, fd, &b, name, err);
    close(fd);
    if (rc)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!rc && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        rc = osp_err_set(err, OSP_ECREDS,
                         "profile '%s': credential_process failed (exit status %d); run it by hand "
                         "to see why",
                         name, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (!rc && osp_buf_adds(&b, ""))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (rc) {
        osp_buf_cleanup(&b);
        return rc;
    }
    *out = osp_buf_take(&b);
    return OSP_OK;
}

enum osp_code cred_process(struct cred_chain *c, const char *profile, const char *command, struct aws_creds *out,
                           struct osp_err *err)
{
    char prov[48];
    snprintf(prov, sizeof(prov), "process:%s", profile);
    osp_debug(c->ctx, "credentials: profile '%s': running credential_process", profile);
    char *text = NULL;
    enum osp_code rc = run(c, profile, command, &text, err);
    if (rc)
        return rc;
    rc = cred_parse_process_json(text, osp_now(c->ctx), prov, out, err);
    free(text);
    if (rc)
        osp_err_prefix(err, "profile '%s': ", profile);
    return rc;
}
