/*
 * marks.c - the marks store; see marks.h.
 *
 * In memory the marks are a sorted array of distinct ids (a few hundred
 * at most in practice), so a lookup is a binary search and a change a
 * memmove. A change never edits the store in place: it builds the next
 * set, writes it, and only then swaps it in, so a failed write leaves
 * memory and disk agreeing on the old set.
 */
#include "marks.h"

#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A sorted array of distinct ids, each malloc'd. */
typedef struct IdSet {
	char **ids;
	size_t n, cap;
} IdSet;

struct Marks {
	char *path;    /* NULL: memory only */
	IdSet set;
	char *problem; /* why read-only; NULL when writable */
};

/* Index of id in s, or where it would go; *found says which. */
static size_t idset_find(const IdSet *s, const char *id, bool *found)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->ids[mid], id);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/* Add a copy of id[0..len) unless it is there already. */
static void idset_add(IdSet *s, const char *id, size_t len)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, id, len);
	copy[len] = '\0';
	bool found;
	size_t at = idset_find(s, copy, &found);
	if (found) {
		free(copy);
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->ids = xrealloc(s->ids, s->cap * sizeof *s->ids);
	}
	memmove(s->ids + at + 1, s->ids + at, (s->n - at) * sizeof *s->ids);
	s->ids[at] = copy;
	s->n++;
}

/* Remove id when present. */
static void idset_remove(IdSet *s, const char *id)
{
	bool found;
	size_t at = idset_find(s, id, &found);
	if (!found)
		return;
	free(s->ids[at]);
	memmove(s->ids + at, s->ids + at + 1, (s->n - at - 1) * sizeof *s->ids);
	s->n--;
}

/* Free every id and the array. */
static void idset_free(IdSet *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	*s = (IdSet){NULL, 0, 0};
}

/* A deep copy of src into dst (which must be empty). */
static void idset_copy(IdSet *dst, const IdSet *src)
{
	for (size_t i = 0; i < src->n; i++)
		idset_add(dst, src->ids[i], strlen(src->ids[i]));
}

/*
 * Parse a marks file's bytes into set. Returns 0, or -1 with the first
 * problem appended to why as "PATH:LINE: what".
 */
static int marks_parse(const char *path, const char *data, size_t len,
                       IdSet *set, Buf *why)
{
	size_t hlen = strlen(MARKS_HEADER);
	if (memchr(data, '\0', len)) {
		buf_printf(why, "%s: holds binary data, not marks", path);
		return -1;
	}
	if (len < hlen || memcmp(data, MARKS_HEADER, hlen) != 0 ||
	    (len > hlen && data[hlen] != '\n')) {
		buf_printf(why, "%s:1: not a cyberline marks file (the first line "
		           "should be \"%s\")", path, MARKS_HEADER);
		return -1;
	}
	size_t line = 1;
	for (size_t i = hlen + 1; i < len; line++) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
		if (n && (n > EVENT_ID_MAX || !event_id_valid(data + i, n))) {
			/* The line may be anything: escape it, since this message
			 * goes to the terminal. */
			buf_printf(why, "%s:%zu: \"", path, line + 1);
			text_escape(why, data + i, n > 40 ? 40 : n, 0);
			buf_puts(why, "\" is not an event id");
			return -1;
		}
		if (n)
			idset_add(set, data + i, n);
		i += n + 1;
	}
	return 0;
}

/*
 * Read the file at path into set. Returns 1 when read, 0 when there is
 * no such file (set untouched), -1 with the reason appended to why.
 */
static int marks_read(const char *path, IdSet *set, Buf *why)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (errno == ENOENT)
			return 0;
		buf_printf(why, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	Buf data = BUF_INIT;
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	       data.len <= MARKS_FILE_MAX)
		buf_append(&data, chunk, got);
	int rc = 0;
	if (ferror(fp)) {
		buf_printf(why, "%s: cannot read: %s", path, strerror(errno));
		rc = -1;
	} else if (data.len > MARKS_FILE_MAX) {
		buf_printf(why, "%s: over %d bytes, not a marks file", path,
		           MARKS_FILE_MAX);
		rc = -1;
	} else {
		rc = marks_parse(path, buf_cstr(&data), data.len, set, why);
	}
	fclose(fp);
	buf_free(&data);
	return rc < 0 ? -1 : 1;
}

/* mkdir -p dir, new directories 0700. 0, or -1 with errno set. */
static int marks_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	struct stat st;
	if (rc == 0 && stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		rc = -1;
	}
	return rc;
}

/* The directory part of path ("." when it has none); malloc'd. */
static char *marks_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	char *dir = xmalloc((size_t)(slash - path) + 1);
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dir;
}

/* Write set to fd: header, ids, flush, fsync. 0 or -1 with errno. */
static int marks_put(int fd, const IdSet *set)
{
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		close(fd);
		return -1;
	}
	fputs(MARKS_HEADER "\n", fp);
	for (size_t i = 0; i < set->n; i++)
		fprintf(fp, "%s\n", set->ids[i]);
	int rc = fflush(fp) == 0 && !ferror(fp) && fsync(fd) == 0 ? 0 : -1;
	int saved = errno;
	if (fclose(fp) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

/*
 * Replace the file at path with set, atomically: write path.tmp.PID in
 * the same directory, fsync it, rename it over path, fsync the
 * directory. 0, or -1 with "cannot save marks to PATH: REASON" appended
 * to err and no temporary file left behind.
 */
static int marks_write(const char *path, const IdSet *set, Buf *err)
{
	char *dir = marks_dir_of(path);
	Buf tmp = BUF_INIT;
	buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	int rc = marks_mkdirs(dir);
	if (rc == 0) {
		int fd = open(buf_cstr(&tmp), O_WRONLY | O_CREAT | O_TRUNC |
		              O_CLOEXEC | O_NOFOLLOW, 0600);
		rc = fd < 0 ? -1 : marks_put(fd, set);
		if (rc == 0)
			rc = rename(buf_cstr(&tmp), path);
		if (rc != 0) {
			int saved = errno;
			unlink(buf_cstr(&tmp));
			errno = saved;
		}
	}
	if (rc == 0) { /* make the rename itself durable; best effort */
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	} else {
		buf_printf(err, "cannot save marks to %s: %s", path, strerror(errno));
	}
	buf_free(&tmp);
	free(dir);
	return rc;
}

/* $XDG_STATE_HOME (absolute only, as the XDG spec says), then $HOME. */
char *marks_default_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	Buf p = BUF_INIT;
	if (state && state[0] == '/')
		buf_printf(&p, "%s/cyberline/marks", state);
	else if (home && *home)
		buf_printf(&p, "%s/.local/state/cyberline/marks", home);
	else
		return NULL;
	return buf_detach(&p);
}

/* Read the file once; a bad one leaves the store empty and read-only. */
Marks *marks_open(const char *path, Buf *warning)
{
	Marks *m = xcalloc(1, sizeof *m);
	if (!path) {
		buf_puts(warning, "marks are kept for this session only: neither "
		         "XDG_STATE_HOME nor HOME is set");
		return m;
	}
	m->path = xstrdup(path);
	Buf why = BUF_INIT;
	if (marks_read(path, &m->set, &why) < 0) {
		idset_free(&m->set);
		m->problem = buf_detach(&why);
		buf_printf(warning, "%s; marks are read-only until it is fixed or "
		           "removed", m->problem);
	}
	buf_free(&why);
	return m;
}

/* Binary search of the sorted ids. */
bool marks_has(const Marks *m, const char *id)
{
	bool found;
	idset_find(&m->set, id, &found);
	return found;
}

/* Filter.keep for "marked only". */
bool marks_filter_keep(void *ctx, const Event *e)
{
	return marks_has(ctx, e->id);
}

/*
 * Apply a change (id NULL: clear all; else add or remove id) to what the
 * file holds now, write it, then adopt it. A file that turned unreadable
 * or corrupt since it was opened makes the store read-only.
 */
static int marks_change(Marks *m, const char *id, bool add, Buf *err)
{
	if (m->problem) {
		buf_printf(err, "marks are read-only: %s", m->problem);
		return -1;
	}
	IdSet next = {NULL, 0, 0};
	Buf why = BUF_INIT;
	int got = m->path ? marks_read(m->path, &next, &why) : 0;
	if (got < 0) {
		m->problem = buf_detach(&why);
		buf_printf(err, "marks are read-only: %s", m->problem);
		idset_free(&next);
		return -1;
	}
	buf_free(&why);
	if (got == 0)
		idset_copy(&next, &m->set);
	if (!id)
		idset_free(&next);
	else if (add)
		idset_add(&next, id, strlen(id));
	else
		idset_remove(&next, id);
	if (m->path && marks_write(m->path, &next, err) != 0) {
		idset_free(&next);
		return -1;
	}
	idset_free(&m->set);
	m->set = next;
	return 0;
}

/* Add or remove, as what the user sees says (the set in memory). */
int marks_toggle(Marks *m, const char *id, Buf *err)
{
	return marks_change(m, id, !marks_has(m, id), err);
}

/* Write an empty set. */
int marks_clear(Marks *m, Buf *err)
{
	return marks_change(m, NULL, false, err);
}

/* Marked ids, dangling ones included. */
size_t marks_count(const Marks *m)
{
	return m->set.n;
}

/* Ids corpus_find() does not know. */
size_t marks_dangling(const Marks *m, const Corpus *c)
{
	size_t k = 0;
	for (size_t i = 0; i < m->set.n; i++)
		if (!corpus_find(c, m->set.ids[i]))
			k++;
	return k;
}

/* NULL while the store may write. */
const char *marks_problem(const Marks *m)
{
	return m->problem;
}

/* NULL for a store in memory only. */
const char *marks_path(const Marks *m)
{
	return m->path;
}

/* Free the store and its ids. */
void marks_free(Marks *m)
{
	if (!m)
		return;
	idset_free(&m->set);
	free(m->path);
	free(m->problem);
	free(m);
}
