/* deadline.c: the --timeout watchdog (SIGALRM; the handler only calls async-signal-safe functions). */
#include "cli/deadline.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char deadline_msg[160];

static void on_alarm(int sig)
{
    (void)sig;
    ssize_t n = write(STDERR_FILENO, deadline_msg, strlen(deadline_msg));
    (void)n;
    _exit(3); /* a deadline is not a crash: the status of "the scan could not run" */
}

void cli_deadline_arm(long long seconds)
{
    if (seconds <= 0)
        return;
    snprintf(deadline_msg, sizeof(deadline_msg),
             "\nosprey: the scan did not finish within --timeout %llds; stopped without writing reports "
             "(raise --timeout, or narrow the scan with --service/--region)\n",
             seconds);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds > 100000000 ? 100000000u : (unsigned)seconds);
}
