/*
 * export_file.c - export_write_file(): an export written to a file so
 * that a failure never leaves half of it behind; see export.h.
 *
 * The output goes to a temporary file made by mkstemp() in the target's
 * own directory (so the rename cannot cross file systems), which is
 * flushed and fsync'd before rename() puts it in place in one step. Any
 * failure on the way (no such directory, no permission, a full disk)
 * removes the temporary file and leaves the target as it was.
 */
#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The file to replace for path: path itself, or the target of a
 * symlink at path (so the link survives). malloc'd; NULL with *why set
 * (a static string) or errno when path names something that is not a
 * regular file.
 */
static char *export_target(const char *path, const char **why)
{
	struct stat st;
	char *target = NULL;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? xstrdup(path) : NULL;
	if (S_ISLNK(st.st_mode)) {
		target = realpath(path, NULL);
		if (!target) /* a dangling link is replaced like a new file */
			return errno == ENOENT ? xstrdup(path) : NULL;
		if (stat(target, &st) != 0) {
			free(target);
			return NULL;
		}
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "it is a directory"
		                           : "it is not a regular file";
		free(target);
		return NULL;
	}
	return target ? target : xstrdup(path);
}

/* Write the export to fd, flush and fsync it; closes fd. 0 or -1 with
 * errno. */
static int export_put(int fd, ExportFormat f, const Event *const *events,
                      size_t n, const ExportOptions *opt)
{
	/* mkstemp makes 0600; an export should get the usual 0666 & ~umask.
	 * Setting the umask is the only portable way to read it; the moment
	 * it is 0 is harmless, as no other thread of ours creates files. */
	mode_t mask = umask(0);
	umask(mask);
	FILE *fp = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
	if (!fp) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	int rc = export_write(fp, f, events, n, opt);
	if (rc == 0 && fsync(fd) != 0)
		rc = -1;
	int saved = errno;
	if (fclose(fp) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

/* See export.h: temporary file, fsync, rename; the reason on failure. */
int export_write_file(const char *path, ExportFormat f,
                      const Event *const *events, size_t n,
                      const ExportOptions *opt, Buf *err)
{
	const char *why = NULL;
	char *target = export_target(path, &why);
	int rc = -1;
	if (target) {
		Buf tmp = BUF_INIT;
		buf_printf(&tmp, "%s.tmp.XXXXXX", target);
		int fd = mkstemp(tmp.data);
		if (fd >= 0) {
			rc = export_put(fd, f, events, n, opt);
			if (rc == 0)
				rc = rename(tmp.data, target);
			if (rc != 0) {
				int saved = errno;
				unlink(tmp.data);
				errno = saved;
			}
		}
		buf_free(&tmp);
		free(target);
	}
	if (rc != 0)
		buf_printf(err, "cannot write %s: %s", path,
		           why ? why : strerror(errno));
	return rc;
}
