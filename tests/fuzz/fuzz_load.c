/*
 * fuzz_load.c - libFuzzer target over the loader: one input is one
 * content file. It is loaded with load_buffer(), every event is walked
 * and every diagnostic formatted, then the events are exported in every
 * format. Any crash, sanitizer report or leak is a finding.
 *
 * One property is checked on top: when the input loads without a single
 * problem, its `--format=yaml` export loads back, again without a
 * problem, to the same number of events. A failure aborts.
 *
 * Build and run with `make fuzz` (see tests/fuzz/fuzz.mk).
 */
#include "export.h"
#include "load.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read every field of every event, as a display would. */
static void walk_events(const Corpus *c, Buf *scratch)
{
	for (size_t i = 0; i < c->count; i++) {
		const Event *e = c->events[i];
		char date[DATE_TEXT_MAX], code[3];
		const char *texts[] = {e->id, e->title, e->summary, e->excerpt,
		                       e->source->title, e->source->outlet,
		                       e->date_note ? e->date_note : ""};
		buf_clear(scratch);
		for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
			text_escape(scratch, texts[t], strlen(texts[t]),
			            TEXT_KEEP_NEWLINE);
		date_format(e->date, date);
		for (uint32_t k = 0; k < e->ncountries; k++)
			country_unpack(e->countries[k], code);
		for (uint32_t k = 0; k < e->related.count; k++)
			if (!corpus_find(c, e->related.items[k]))
				abort(); /* related ids must all exist */
		if (corpus_find(c, e->id) != e)
			abort(); /* ids must be unique */
	}
	for (size_t i = 0; i < c->diags.count; i++)
		diag_format(&c->diags.items[i], scratch);
}

/* Export c in format f into a memory stream; the text, to be freed. */
static char *export_to_memory(const Corpus *c, ExportFormat f, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);
	if (!out)
		abort();
	export_write(out, f, (const Event *const *)c->events, c->count, NULL);
	fclose(out);
	return text;
}

/* A clean input must survive a trip through the YAML exporter. */
static void check_round_trip(const Corpus *c)
{
	size_t len;
	char *yaml = export_to_memory(c, EXPORT_YAML, &len);
	Corpus *back = load_buffer("export.yaml", yaml, len);
	if (diag_problems(&back->diags) != 0 || back->count != c->count) {
		diag_print(&back->diags, stderr);
		abort();
	}
	corpus_free(back);
	free(yaml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Corpus *c = load_buffer("fuzz.yaml", (const char *)data, size);
	Buf scratch = BUF_INIT;
	walk_events(c, &scratch);
	for (int f = 0; f < EXPORT_FORMATS; f++) {
		size_t len;
		free(export_to_memory(c, (ExportFormat)f, &len));
	}
	if (diag_problems(&c->diags) == 0 && c->count > 0)
		check_round_trip(c);
	buf_free(&scratch);
	corpus_free(c);
	return 0;
}
