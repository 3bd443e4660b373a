/*
 * load.c - from paths to a validated Corpus; see load.h.
 *
 * Files are parsed in parallel (parse_buffer() touches nothing shared)
 * into one FileResult each, then merged in path order, so the result is
 * the same whatever the thread count. Checks that span files run on the
 * merged list, and their diagnostics are filed with the file they are
 * about, keeping each file's diagnostics together.
 */
#include "load.h"

#include "parse.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- paths ------------------------------------------------------------- */

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* qsort order for paths: bytewise, so the load order is stable. */
static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory tree walk: what it found, and the directories it has
 * entered, so that a symbolic link loop or a directory reached twice
 * is read once. */
typedef struct Walk {
	PtrVec *files;
	DiagList *diags;
	struct stat *dirs; /* st_dev and st_ino of each directory entered */
	size_t ndirs;
} Walk;

/* Note dir (of status st) as entered; false when it already was. */
static bool enter_dir(Walk *w, const struct stat *st)
{
	for (size_t i = 0; i < w->ndirs; i++)
		if (w->dirs[i].st_dev == st->st_dev &&
		    w->dirs[i].st_ino == st->st_ino)
			return false;
	if (w->ndirs % 16 == 0)
		w->dirs = xrealloc(w->dirs, (w->ndirs + 16) * sizeof *w->dirs);
	w->dirs[w->ndirs++] = *st;
	return true;
}

/* Add every .yaml and .yml file under dir (recursively) to w->files. */
static void collect_dir(Walk *w, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d) {
		diag_add(w->diags, DIAG_ERROR, dir, 0, 0,
		         "cannot read directory: %s", strerror(errno));
		return;
	}
	struct dirent *ent;
	Buf path = BUF_INIT;
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue; /* hidden files, editor droppings, . and .. */
		/* A regular file the directory entry already names needs no
		 * stat() unless it is YAML: ten thousand stats were a visible
		 * part of a large load's single-threaded start. */
		if (ent->d_type == DT_REG && !has_yaml_suffix(ent->d_name))
			continue;
		buf_clear(&path);
		buf_printf(&path, "%s%s%s", dir,
		           dir[strlen(dir) - 1] == '/' ? "" : "/", ent->d_name);
		if (ent->d_type == DT_REG) {
			ptrvec_push(w->files, xstrdup(buf_cstr(&path)));
			continue;
		}
		struct stat st; /* a directory, a link, or a type not given */
		if (stat(buf_cstr(&path), &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth < 32 && enter_dir(w, &st))
			collect_dir(w, buf_cstr(&path), depth + 1);
		else if (S_ISREG(st.st_mode) && has_yaml_suffix(ent->d_name))
			ptrvec_push(w->files, xstrdup(buf_cstr(&path)));
	}
	buf_free(&path);
	closedir(d);
}

/* Expand the given paths into a sorted list of files (owned strings). */
static void collect_paths(const char *const *paths, size_t n, PtrVec *files,
                          DiagList *diags)
{
	Walk w = {.files = files, .diags = diags};
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		size_t first = files->count;
		if (stat(paths[i], &st) != 0)
			diag_add(diags, DIAG_ERROR, paths[i], 0, 0, "%s",
			         strerror(errno));
		else if (S_ISDIR(st.st_mode) && enter_dir(&w, &st))
			collect_dir(&w, paths[i], 0);
		else if (!S_ISDIR(st.st_mode))
			ptrvec_push(files, xstrdup(paths[i]));
		if (files->count > first)
			qsort(files->items + first, files->count - first,
			      sizeof *files->items, compare_strings);
	}
	free(w.dirs);
}

/* ---- reading and parsing one file ------------------------------------- */

/* Read a whole file (at most LOAD_FILE_MAX bytes); NULL after reporting. */
static char *read_file(const char *path, size_t *len, DiagList *diags)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		         strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	/* One byte more than allowed, to see a file that grew past it. */
	size_t cap = LOAD_FILE_MAX + 1, got = 0;
	if (st.st_size >= 0 && (size_t)st.st_size < cap)
		cap = (size_t)st.st_size + 1;
	char *data = xmalloc(cap);
	ssize_t r = 0;
	while (got < LOAD_FILE_MAX + 1 &&
	       (r = read(fd, data + got, cap - got)) > 0) {
		got += (size_t)r;
		if (got == cap && cap < LOAD_FILE_MAX + 1) {
			cap = cap * 2 > LOAD_FILE_MAX + 1 ? LOAD_FILE_MAX + 1 : cap * 2;
			data = xrealloc(data, cap);
		}
	}
	int saved = errno;
	close(fd);
	if (r < 0)
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		         strerror(saved));
	else if (got > LOAD_FILE_MAX)
		diag_add(diags, DIAG_ERROR, path, 1, 1,
		         "file is larger than the %d MiB limit; nothing in it is "
		         "loaded", LOAD_FILE_MAX / (1024 * 1024));
	if (r < 0 || got > LOAD_FILE_MAX) {
		free(data);
		return NULL;
	}
	*len = got;
	return data;
}

/* Read and parse one file into r (the work of one thread at a time). */
static void parse_path(FileResult *r, const char *path)
{
	size_t len;
	char *data = read_file(path, &len, &r->diags);
	r->file = path;
	if (data)
		parse_buffer(r, path, data, len);
	free(data);
}

/* ---- parallel parse --------------------------------------------------- */

typedef struct Work {
	char **files;
	FileResult *results;
	size_t count;
	atomic_size_t next;
	atomic_size_t done;
	const LoadOptions *opt;
} Work;

/* Take files off the shared counter until none are left. Only the
 * calling thread (report == true) calls the progress hook. */
static void work_run(Work *w, bool report)
{
	size_t i;
	while ((i = atomic_fetch_add(&w->next, 1)) < w->count) {
		if (w->opt && w->opt->cancel && *w->opt->cancel)
			break;
		parse_path(&w->results[i], w->files[i]);
		size_t done = atomic_fetch_add(&w->done, 1) + 1;
		if (report && w->opt && w->opt->progress)
			w->opt->progress(w->opt->progress_ctx, done, w->count);
	}
}

/* A helper thread: takes files until none are left. */
static void *work_thread(void *arg)
{
	work_run(arg, false);
	return NULL;
}

/*
 * How many threads parse: the option, else one per online CPU; at most
 * 16, and no more than there are files.
 */
static int thread_count(const LoadOptions *opt, size_t files)
{
	long n = opt && opt->threads > 0 ? opt->threads
	                                 : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > 16)
		n = 16;
	if ((size_t)n > files)
		n = files ? (long)files : 1;
	return (int)n;
}

/* Parse every file on thread_count() threads, this one included. */
static void parse_all(Work *w)
{
	int n = thread_count(w->opt, w->count);
	pthread_t *threads = xcalloc((size_t)n, sizeof *threads);
	int started = 0;
	for (int t = 1; t < n; t++)
		if (pthread_create(&threads[started], NULL, work_thread, w) == 0)
			started++;
	work_run(w, true);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
}

Corpus *load_corpus(const char *const *paths, size_t n, const LoadOptions *opt)
{
	Corpus *c = xcalloc(1, sizeof *c);
	c->priv = xcalloc(1, sizeof *c->priv);
	PtrVec files = {0};
	DiagList path_diags = DIAGLIST_INIT;
	collect_paths(paths, n, &files, &path_diags);
	Work w = {.files = (char **)files.items, .count = files.count, .opt = opt};
	w.results = xcalloc(files.count ? files.count : 1, sizeof *w.results);
	atomic_init(&w.next, 0);
	atomic_init(&w.done, 0);
	parse_all(&w);
	diag_append(&c->diags, &path_diags);
	c->nfiles = files.count;
	c->priv->files = (char **)files.items; /* ownership moves to c */
	corpus_merge(c, w.results, files.count);
	free(w.results);
	return c;
}

Corpus *load_buffer(const char *file, const char *data, size_t len)
{
	Corpus *c = xcalloc(1, sizeof *c);
	c->priv = xcalloc(1, sizeof *c->priv);
	c->priv->files = xcalloc(1, sizeof *c->priv->files);
	c->priv->files[0] = xstrdup(file);
	FileResult r = {0};
	parse_buffer(&r, c->priv->files[0], data, len);
	c->nfiles = 1;
	corpus_merge(c, &r, 1);
	return c;
}
