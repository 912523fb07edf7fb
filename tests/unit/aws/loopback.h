/* loopback.h: a tiny scripted HTTP/1.1 server on 127.0.0.1 for the request-core unit tests.
 *
 * Each accepted connection gets a thread that serves requests (keep-alive) until the client
 * closes. A handler decides each response. The server counts connections, requests and the
 * most requests it saw in flight at once, and keeps a copy of the last request.
 */
#ifndef OSPREY_TESTS_LOOPBACK_H
#define OSPREY_TESTS_LOOPBACK_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct lb_req {
    char method[16];
    char target[4096];
    char headers[16384]; /* raw header block */
    char body[65536];
    size_t bodylen;
    int seq; /* 0-based request number */
};

struct lb_resp {
    int status;
    char headers[2048]; /* extra header lines, each ending in \r\n */
    const char *body;
    size_t bodylen;
    int close_delimited; /* no Content-Length: body ends when the connection closes */
    int delay_ms;
    int drop; /* close the connection without answering */
};

typedef void (*lb_handler)(const struct lb_req *req, struct lb_resp *resp, void *ud);

struct lb_server {
    int fd;
    int port;
    pthread_t thread;
    lb_handler handler;
    void *ud;
    pthread_mutex_t mu;
    int connections, requests, inflight, max_inflight;
    struct lb_req last;
};

struct lb_conn {
    struct lb_server *s;
    int fd;
};

static inline void lb_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Value of a header in a raw block ("" when absent). */
static inline void lb_header(const char *block, const char *name, char *out, size_t outlen)
{
    out[0] = '\0';
    size_t n = strlen(name);
    for (const char *p = block; p && *p;) {
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ')
                v++;
            size_t l = strcspn(v, "\r\n");
            snprintf(out, outlen, "%.*s", (int)l, v);
            return;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
}

static inline int lb_read_request(int fd, struct lb_req *r)
{
    char buf[sizeof(r->headers) + 4];
    size_t len = 0;
    char *end = NULL;
    while (!end) {
        if (len >= sizeof(buf) - 1)
            return -1;
        ssize_t n = recv(fd, buf + len, sizeof(buf) - 1 - len, 0);
        if (n <= 0)
            return -1;
        len += (size_t)n;
        buf[len] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    size_t hlen = (size_t)(end - buf) + 4;
    char *sp = strchr(buf, ' ');
    char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;
    if (!sp || !sp2)
        return -1;
    snprintf(r->method, sizeof(r->method), "%.*s", (int)(sp - buf), buf);
    snprintf(r->target, sizeof(r->target), "%.*s", (int)(sp2 - sp - 1), sp + 1);
    char *hstart = strstr(buf, "\r\n") + 2;
    snprintf(r->headers, sizeof(r->headers), "%.*s", (int)(end + 2 - hstart), hstart);
    char cl[32];
    lb_header(r->headers, "Content-Length", cl, sizeof(cl));
    size_t want = (size_t)strtoul(cl, NULL, 10);
    if (want >= sizeof(r->body))
        return -1;
    size_t have = len - hlen;
    memcpy(r->body, buf + hlen, have);
    while (have < want) {
        ssize_t n = recv(fd, r->body + have, want - have, 0);
        if (n <= 0)
            return -1;
        have += (size_t)n;
    }
    r->bodylen = want;
    r->body[want] = '\0';
    return 0;
}

static inline int lb_write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static inline void *lb_conn_main(void *arg)
{
    struct lb_conn *c = arg;
    struct lb_server *s = c->s;
    struct lb_req *r = malloc(sizeof(*r));
    for (;;) {
        if (lb_read_request(c->fd, r) != 0)
            break;
        pthread_mutex_lock(&s->mu);
        r->seq = s->requests++;
        s->inflight++;
        if (s->inflight > s->max_inflight)
            s->max_inflight = s->inflight;
        s->last = *r;
        pthread_mutex_unlock(&s->mu);
        struct lb_resp resp = {.status = 200, .body = ""};
        s->handler(r, &resp, s->ud);
        if (resp.delay_ms)
            lb_sleep_ms(resp.delay_ms);
        pthread_mutex_lock(&s->mu);
        s->inflight--;
        pthread_mutex_unlock(&s->mu);
        if (resp.drop)
            break;
        char head[4096];
        int hn;
        if (resp.close_delimited)
            hn =
                snprintf(head, sizeof(head), "HTTP/1.1 %d X\r\n%sConnection: close\r\n\r\n", resp.status, resp.headers);
        else
            hn = snprintf(head, sizeof(head), "HTTP/1.1 %d X\r\n%sContent-Length: %zu\r\n\r\n", resp.status,
                          resp.headers, resp.bodylen ? resp.bodylen : strlen(resp.body));
        size_t blen = resp.bodylen ? resp.bodylen : strlen(resp.body);
        if (lb_write_all(c->fd, head, (size_t)hn) ||
            (strcmp(r->method, "HEAD") && lb_write_all(c->fd, resp.body, blen)))
            break;
        if (resp.close_delimited)
            break;
    }
    free(r);
    close(c->fd);
    free(c);
    return NULL;
}

static inline void *lb_accept_main(void *arg)
{
    struct lb_server *s = arg;
    for (;;) {
        int fd = accept(s->fd, NULL, NULL);
        if (fd < 0)
            break;
        pthread_mutex_lock(&s->mu);
        s->connections++;
        pthread_mutex_unlock(&s->mu);
        struct lb_conn *c = malloc(sizeof(*c));
        c->s = s;
        c->fd = fd;
        pthread_t t;
        pthread_create(&t, NULL, lb_conn_main, c);
        pthread_detach(t);
    }
    return NULL;
}

static inline int lb_start(struct lb_server *s, lb_handler h, void *ud)
{
    memset(s, 0, sizeof(*s));
    s->handler = h;
    s->ud = ud;
    pthread_mutex_init(&s->mu, NULL);
    s->fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof(a);
    if (bind(s->fd, (struct sockaddr *)&a, sizeof(a)) || listen(s->fd, 64) ||
        getsockname(s->fd, (struct sockaddr *)&a, &al))
        return -1;
    s->port = ntohs(a.sin_port);
    return pthread_create(&s->thread, NULL, lb_accept_main, s);
}

static inline void lb_stop(struct lb_server *s)
{
    shutdown(s->fd, SHUT_RDWR);
    close(s->fd);
    pthread_join(s->thread, NULL);
}

static inline void lb_url(const struct lb_server *s, char *out, size_t n)
{
    snprintf(out, n, "http://127.0.0.1:%d", s->port);
}

#endif
