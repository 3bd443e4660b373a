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

/* A block with room for `size` bytes; the caller links it in. */
static ArenaBlock *block_new(size_t size)
{
	ArenaBlock *b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

/* Room for n bytes at `align` in the head block, or a new block. */
static void *arena_take(Arena *a, size_t n, size_t align)
{
	ArenaBlock *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at + n > b->size) {
		size_t size = a->next_size ? a->next_size
		              : a->hinted ? ARENA_MIN_BLOCK / 8 /* a little more */
		              : b ? b->size * 2 : ARENA_MIN_BLOCK;
		a->hinted = a->hinted || a->next_size;
		a->next_size = 0;
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
		at = 0;
	}
	b->used = at + n;
	a->total += n;
	return b->mem + at;
}

void *arena_alloc(Arena *a, size_t n)
{
	return arena_take(a, n, 16);
}

void *arena_zalloc(Arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1); /* text needs no alignment */
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_reserve(Arena *a, size_t n)
{
	if (!a->head)
		a->next_size = n;
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
	a->next_size = 0;
	a->hinted = false;
}
