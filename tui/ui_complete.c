/*
 * ui_complete.c - file names in prompts: "~" and Tab completion.
 *
 * Completion works like a shell's: the text after the last '/' is a
 * prefix of names in the directory before it (the working directory
 * when there is no '/'). One match completes in full, with a '/' after
 * a directory; several complete to their longest common prefix (cut
 * back to a whole UTF-8 character) and are listed in the note. Hidden
 * names are offered only when the prefix starts with '.'. The text
 * keeps what the user typed ("~/" stays "~/"); only lookups expand it.
 */
#include "ui_core.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COMPLETE_NOTE_MAX 6 /* names listed in the note */

/* "~" or "~/..." with $HOME in front; anything else as is. */
void ui_expand_home(const char *path, Buf *out)
{
	const char *home = getenv("HOME");
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') && home &&
	    *home) {
		buf_puts(out, home);
		buf_puts(out, path + 1);
		return;
	}
	buf_puts(out, path);
}

/* qsort order of names. */
static int complete_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True when dir/name is a directory (following links). */
static bool complete_is_dir(const char *dir, const char *name)
{
	Buf p = BUF_INIT;
	buf_printf(&p, "%s/%s", dir, name);
	struct stat st;
	bool d = stat(buf_cstr(&p), &st) == 0 && S_ISDIR(st.st_mode);
	buf_free(&p);
	return d;
}

/* The names in dir starting with base, sorted (malloc'd, each too). */
static char **complete_names(const char *dir, const char *base, size_t *n)
{
	char **names = NULL;
	size_t cap = 0, blen = strlen(base);
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *nm = de->d_name;
		if (!strcmp(nm, ".") || !strcmp(nm, "..") ||
		    (nm[0] == '.' && base[0] != '.') || strncmp(nm, base, blen))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[(*n)++] = xstrdup(nm);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, complete_compare);
	return names;
}

/* Length of the prefix all names share, on a character boundary. */
static size_t complete_common(char **names, size_t n)
{
	size_t len = strlen(names[0]);
	for (size_t i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && names[i][k] == names[0][k])
			k++;
		len = k;
	}
	while (len > 0 && ((unsigned char)names[0][len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* "a.md  b.md  notes/  +3 more" */
static void complete_note(const char *dir, char **names, size_t n, Buf *note)
{
	for (size_t i = 0; i < n && i < COMPLETE_NOTE_MAX; i++)
		buf_printf(note, "%s%s%s", i ? "  " : "", names[i],
		           complete_is_dir(dir, names[i]) ? "/" : "");
	if (n > COMPLETE_NOTE_MAX)
		buf_printf(note, "  +%zu more", n - COMPLETE_NOTE_MAX);
}

/* Tab in a file name prompt; see the top of the file. */
bool ui_complete_path(Ui *ui, const char *before, Buf *out, Buf *note)
{
	(void)ui;
	const char *slash = strrchr(before, '/');
	size_t dirlen = slash ? (size_t)(slash - before) + 1 : 0;
	const char *base = before + dirlen;
	Buf typed = BUF_INIT, dir = BUF_INIT;
	buf_append(&typed, before, dirlen);
	ui_expand_home(buf_cstr(&typed), &dir);
	if (dir.len == 0)
		buf_puts(&dir, ".");
	size_t n;
	char **names = complete_names(buf_cstr(&dir), base, &n);
	bool grew = false;
	if (n == 0) {
		buf_puts(note, "no match");
	} else {
		size_t len = complete_common(names, n);
		buf_append(out, before, dirlen);
		buf_append(out, names[0], len);
		if (n == 1 && complete_is_dir(buf_cstr(&dir), names[0]))
			buf_putc(out, '/');
		grew = out->len > strlen(before);
		if (n > 1)
			complete_note(buf_cstr(&dir), names, n, note);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&typed);
	buf_free(&dir);
	return grew;
}
