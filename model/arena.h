/*
 * arena.h - a bump allocator: many small allocations, one free.
 *
 * Everything a load produces (events, strings, lists) lives in the arena
 * of the load and dies with it, so the loader never frees piecemeal and
 * the owner of a Corpus frees everything with one call. Blocks grow
 * geometrically, or, after arena_reserve() sized the first one, in
 * small steps; an allocation bigger than a block gets its own block.
 * Structures are 16-byte aligned; strings are packed. Not thread-safe:
 * give each thread its own.
 */
#ifndef CYBERLINE_ARENA_H
#define CYBERLINE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
	ArenaBlock *head;
	size_t total;     /* bytes handed out, for statistics */
	size_t next_size; /* size of the next block, when hinted */
	bool hinted;      /* sized by arena_reserve: grow in small steps */
} Arena;

#define ARENA_INIT {NULL, 0, 0, false}

/* Uninitialised memory owned by the arena; never NULL. */
void *arena_alloc(Arena *a, size_t n);
/* Zeroed memory owned by the arena. */
void *arena_zalloc(Arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) owned by the arena. */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Make the first block n bytes (when nothing is allocated yet): a
 * caller that knows how much it needs avoids both waste and growth. */
void arena_reserve(Arena *a, size_t n);
/* Move every block of src onto dst; src is left empty. */
void arena_adopt(Arena *dst, Arena *src);
/* Release every block; the arena is left empty and reusable. */
void arena_free(Arena *a);

#endif
