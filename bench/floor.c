/*
 * floor.c - the benchmark's floor: a bare, single-threaded libyaml pass.
 *
 *   floor PATH...
 *
 * Finds the same files the loader would (directories searched
 * recursively for *.yaml and *.yml, hidden entries skipped, sorted path
 * order), reads each whole into memory the way the loader does, and
 * pulls every parser event through yaml_parser_parse(), deleting each at
 * once: no validation, no copies, nothing kept. It is the cost of
 * "reading the YAML at all" with one core, the yardstick the loader's
 * time is divided by. Prints "files events bytes" on stdout.
 *
 * Exit status 0, or 1 when a file cannot be read or has a syntax error
 * (the pass still continues with the next file).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* A growable list of malloc'd paths. */
typedef struct Paths {
	char **items;
	size_t count, cap;
} Paths;

static void paths_push(Paths *p, char *s)
{
	if (p->count == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->items = realloc(p->items, p->cap * sizeof *p->items);
		if (!p->items) {
			perror("floor");
			exit(1);
		}
	}
	p->items[p->count++] = s;
}

static int has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add every YAML file under path (a file or a directory) to out. */
static void collect(const char *path, Paths *out)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		paths_push(out, strdup(path));
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue;
		size_t n = strlen(path) + strlen(ent->d_name) + 2;
		char *child = malloc(n);
		snprintf(child, n, "%s/%s", path, ent->d_name);
		if (stat(child, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				collect(child, out);
			else if (S_ISREG(st.st_mode) && has_yaml_suffix(ent->d_name))
				paths_push(out, strdup(child));
		}
		free(child);
	}
	closedir(d);
}

/* Read a whole file into a malloc'd buffer; NULL on error. */
static unsigned char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, got = 0;
	unsigned char *data = malloc(cap);
	ssize_t r;
	while (data && (r = read(fd, data + got, cap - got)) > 0) {
		got += (size_t)r;
		if (got == cap)
			data = realloc(data, cap *= 2);
	}
	close(fd);
	*len = got;
	return data;
}

/* Pull every event of one YAML text through libyaml; events seen, or
 * -1 after a syntax error. */
static long pull_events(const unsigned char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t event;
	long n = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, data, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event)) {
			n = -1;
			break;
		}
		n++;
		int done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	return n;
}

int main(int argc, char **argv)
{
	Paths files = {0};
	for (int i = 1; i < argc; i++) {
		size_t first = files.count;
		collect(argv[i], &files);
		qsort(files.items + first, files.count - first, sizeof *files.items,
		      compare_strings);
	}
	size_t events = 0, bytes = 0;
	int rc = 0;
	for (size_t i = 0; i < files.count; i++) {
		size_t len = 0;
		unsigned char *data = slurp(files.items[i], &len);
		long n = data ? pull_events(data, len) : -1;
		if (n < 0) {
			fprintf(stderr, "floor: %s: cannot read or parse\n",
			        files.items[i]);
			rc = 1;
		} else {
			events += (size_t)n;
		}
		bytes += len;
		free(data);
		free(files.items[i]);
	}
	free(files.items);
	printf("%zu %zu %zu\n", files.count, events, bytes);
	return rc;
}
