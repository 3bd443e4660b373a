/*
 * arena.c - bump allocator; see arena.h.
 */
#include "arena.h"

#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
	ArenaBlock *next;
	size_t used;
	size_t size;
	_Alignas(16) unsigned char mem[];
};

enum { ARENA_MIN_BLOCK = 64 * 1024, ARENA_MAX_BLOCK = 4 * 1024 * 1024 };

static ArenaBlock *block_new(size_t size)
{
	ArenaBlock *b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	ArenaBlock *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = b ? b->size * 2 : ARENA_MIN_BLOCK;
		if (size > ARENA_MAX_BLOCK)
			size = ARENA_MAX_BLOCK;
		if (size < n)
			size = n;
		ArenaBlock *fresh = block_new(size);
		if (b && n > ARENA_MAX_BLOCK / 4) {
			/* A big one-off goes behind the head so the head's
			 * free space stays usable for small allocations. */
			fresh->next = b->next;
			b->next = fresh;
		} else {
			fresh->next = b;
			a->head = fresh;
		}
		b = fresh;
	}
	void *p = b->mem + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *arena_zalloc(Arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_adopt(Arena *dst, Arena *src)
{
	if (!src->head)
		return;
	ArenaBlock *tail = src->head;
	while (tail->next)
		tail = tail->next;
	tail->next = dst->head;
	dst->head = src->head;
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}

void arena_free(Arena *a)
{
	ArenaBlock *b = a->head;
	while (b) {
		ArenaBlock *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}
