/* replay.c: runs saved fuzz inputs through one target's LLVMFuzzerTestOneInput without libFuzzer.
 *
 * Linked with one tests/fuzz/fuzz_<target>.c into fuzz_replay_<target> (tests/cmake/fuzz.cmake), so
 * every build, with any compiler, replays the seeds (tests/fuzz/corpus/<target>/) and the minimised
 * crashers (tests/fuzz/regress/<target>/) the way SQLite's fuzzcheck replays its saved inputs:
 *
 *   fuzz_replay_<target> DIR_OR_FILE...
 *
 * Files are run in name order, each under a CPU-time alarm (OSPREY_FUZZ_REPLAY_TIMEOUT seconds of
 * CPU, default 10, tripled under ASan) so a hang or a quadratic path fails the test, and a loaded
 * machine does not (CTest's own TIMEOUT catches an input that blocks without using CPU). A crash kills the process; the
 * name of the input being run is printed first so the failing file is always known. A missing directory is not an error
 * (a target may have no saved crashers yet); an unreadable file is, and so is replaying nothing at all (a misnamed
 * corpus would otherwise pass silently). Exit 0 when all ran.
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_MAX_BYTES ((size_t)64 << 20)

#if defined(__SANITIZE_ADDRESS__)
#define REPLAY_SLOWDOWN 3
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPLAY_SLOWDOWN 3
#endif
#endif
#ifndef REPLAY_SLOWDOWN
#define REPLAY_SLOWDOWN 1
#endif

static void set_cpu_alarm(unsigned seconds)
{
    struct itimerval it = {{0, 0}, {(time_t)seconds, 0}};
    setitimer(ITIMER_PROF, &it, NULL);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "replay: timeout (hang) on the input named above\n";
    ssize_t w = write(2, msg, sizeof(msg) - 1);
    (void)w;
    _exit(3);
}

/* Whole file into a malloc'd buffer; NULL on error. A zero-byte file gives a 1-byte buffer, len 0. */
static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0 || n > REPLAY_MAX_BYTES)
            break;
        if (n == cap) {
            uint8_t *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    int bad = ferror(f) || n > REPLAY_MAX_BYTES;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int run_file(const char *path, unsigned timeout)
{
    size_t len = 0;
    uint8_t *data = read_all(path, &len);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    /* Hand the target an exact-size copy so ASan sees any read past the end. */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(data);
        return 1;
    }
    memcpy(exact, data, len);
    free(data);
    set_cpu_alarm(timeout);
    LLVMFuzzerTestOneInput(exact, len);
    set_cpu_alarm(0);
    free(exact);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, unsigned timeout, int *count)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: cannot open %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int bad = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* ".", "..", and hidden files such as .gitkeep */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof(*p));
            if (!p) {
                bad = 1;
                break;
            }
            names = p;
        }
        names[n] = strdup(de->d_name);
        if (!names[n]) {
            bad = 1;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(*names), cmp_names);
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(plen);
        if (!p) {
            bad = 1;
        } else {
            snprintf(p, plen, "%s/%s", dir, names[i]);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
                bad |= run_file(p, timeout);
                (*count)++;
            }
            free(p);
        }
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    unsigned timeout = 10;
    const char *t = getenv("OSPREY_FUZZ_REPLAY_TIMEOUT");
    if (t && *t) {
        char *end = NULL;
        unsigned long v = strtoul(t, &end, 10);
        if (end && !*end && v > 0 && v < 3600)
            timeout = (unsigned)v;
    }
    timeout *= REPLAY_SLOWDOWN;
    signal(SIGPROF, on_alarm);
    int bad = 0, count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* no saved inputs of this kind yet */
        if (S_ISDIR(st.st_mode)) {
            bad |= run_dir(argv[i], timeout, &count);
        } else {
            bad |= run_file(argv[i], timeout);
            count++;
        }
    }
    printf("replayed %d inputs%s\n", count, bad ? " (some could not be read)" : "");
    if (count == 0) {
        fprintf(stderr, "replay: no inputs found in the named directories\n");
        return 1;
    }
    return bad;
}
