/*
 * gen.c - the benchmark's synthetic corpus generator.
 *
 *   gen [--faults] [--seed N] OUTDIR NFILES
 *
 * Writes NFILES article files of 10 events each under OUTDIR (1,000 files
 * per sub-directory, names zero-padded so sorted path order is generation
 * order) and prints "files events bytes" on stdout.
 *
 * The content is valid under the schema (README "Content schema"): ids
 * unique across all files, country codes ICU knows, real calendar dates
 * 2017-2025 at all three precisions, 1-5 countries an event, titles,
 * summaries and excerpts well under their limits, excerpts as block
 * scalars, about 1.1 KB an event with non-ASCII words in several scripts
 * (all precomposed, so already NFC), some date_note, organizations, tags
 * and `related` ids that point at an earlier event.
 *
 * Deterministic: every file draws from its own generator seeded with
 * (seed, file number), so the corpus of N files is exactly the first N
 * files of any larger one and the sizes of the benchmark nest.
 *
 * --faults damages about one event in fifty (unknown country, missing
 * key, impossible date, duplicate id, dangling `related`, unknown key)
 * and ends about one file in a hundred with a YAML syntax error, to give the loader diagnostics whose order the determinism check can
 * compare.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))
enum { EVENTS_PER_FILE = 10, FILES_PER_DIR = 1000 };

/* ---- random numbers ---------------------------------------------------- */

/* splitmix64: tiny, fast, and good enough to pick words. */
typedef struct Rng {
	uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned rng_below(Rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

/* True with probability pct percent. */
static bool rng_pct(Rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* A stateless hash of two numbers, for values other files must agree on. */
static uint64_t hash2(uint64_t a, uint64_t b)
{
	Rng r = {a * 0x100000001B3ull ^ b};
	return rng_next(&r);
}

#define PICK(r, a) ((a)[rng_below((r), COUNT(a))])

/* ---- vocabulary -------------------------------------------------------- */

static const char *const countries[] = {
	"EE", "UA", "US", "GB", "FR", "DE", "CA", "PL", "NL", "SE",
	"DK", "LV", "LT", "FI", "NO", "JP", "KR", "AU", "IT", "ES",
};

/* Capitals and cities, many outside ASCII (precomposed, NFC). */
static const char *const places[] = {
	"Tallinn", "Київ", "Washington", "London", "Paris", "Berlin",
	"Ottawa", "Warszawa", "Den Haag", "Stockholm", "København", "Rīga",
	"Vilnius", "Helsinki", "Oslo", "東京", "서울", "Canberra", "Roma",
	"Madrid", "Zürich", "München", "Kraków", "Łódź", "Göteborg", "Malmö",
	"Tromsø", "Brégançon", "Québec", "Montréal", "Málaga", "Genève",
	"Bruxelles", "Львів", "大阪", "Tartu", "Kaunas", "Århus", "Sevilla",
};

static const char *const actors[] = {
	"the foreign ministry", "the national cyber security centre",
	"the defence ministry", "the CERT", "the cyber command",
	"the data protection authority", "the prime minister's office",
	"the interior ministry", "the ministry of digital affairs",
	"the national security council", "the signals intelligence agency",
	"the Agence nationale de la sécurité des systèmes d'information",
	"das Bundesamt für Sicherheit in der Informationstechnik",
	"Державна служба спеціального зв'язку", "内閣サイバーセキュリティセンター",
	"the Secretaría de Estado de Digitalización",
};

static const char *const verbs[] = {
	"signed", "announced", "agreed on", "launched", "discussed",
	"reviewed", "extended", "held talks on", "published", "endorsed",
	"coordinated", "funded", "expanded", "renewed", "presented",
};

static const char *const objects[] = {
	"a memorandum of understanding on cyber security",
	"a joint statement on responsible state behaviour in cyberspace",
	"an exchange of threat intelligence", "a joint incident-response exercise",
	"capacity-building support for critical infrastructure",
	"a roadmap for coopération numérique", "a programme on Cybersicherheit",
	"a plan for кібербезпека and resilience",
	"a dialogue on サイバーセキュリティ", "a framework for ciberseguridad",
	"an agreement on współpraca w cyberprzestrzeni",
	"a joint attribution of a ransomware campaign",
	"new sanctions against malicious cyber actors",
	"a shared position for the UN Open-Ended Working Group",
	"a training course for prosecutors on cybercrime",
	"support for the Tallinn Mechanism", "a 5G supply-chain security review",
	"a common approach to software bills of materials",
	"a hotline between national CERTs", "an undersea-cable protection plan",
};

static const char *const details[] = {
	"The text was not published in full.",
	"Officials described the talks as constructive and forward-looking.",
	"The parties agreed to meet again within twelve months.",
	"A joint working group will report to ministers by the end of the year.",
	"Funding comes from the development cooperation budget.",
	"Experts from both agencies took part in a tabletop exercise.",
	"The statement refers to the UN framework of responsible state behaviour.",
	"Représentants et experts ont salué une coopération exemplaire.",
	"Die Zusammenarbeit soll im kommenden Jahr ausgebaut werden.",
	"Сторони домовилися про обмін інформацією щодо кіберзагроз.",
	"両国はサイバー分野での協力を強化することで合意した。",
	"양국은 사이버 안보 협력을 강화하기로 합의했다.",
	"La cooperación incluirá ejercicios conjuntos y formación.",
	"Samarbetet omfattar även övningar och utbildning.",
	"Yhteistyö kattaa myös harjoitukset ja koulutuksen.",
	"Sadarbība ietver arī kopīgas mācības un apmācību.",
	"Bendradarbiavimas apims bendras pratybas ir mokymus.",
	"Samarbeidet omfatter også øvelser og opplæring.",
	"Samarbejdet omfatter også øvelser og uddannelse.",
	"La collaborazione comprende esercitazioni congiunte e formazione.",
	"De samenwerking omvat ook gezamenlijke oefeningen en opleiding.",
	"Koostöö hõlmab ka ühisõppusi ja koolitust.",
	"The ministers also discussed the protection of elections and undersea cables.",
	"Industry partners and academia were invited to contribute.",
	"The initiative builds on earlier bilateral consultations.",
};

static const char *const outlets[] = {
	"ERR News", "Ukrinform", "Reuters", "The Record", "Le Monde",
	"Süddeutsche Zeitung", "CBC News", "Rzeczpospolita", "NOS", "SVT Nyheter",
	"DR", "LSM", "LRT", "Yle", "NRK", "日本経済新聞", "연합뉴스", "ABC News",
	"Corriere della Sera", "El País", "Українська правда",
};

static const char *const languages[] = {
	"en", "fr", "de", "uk", "ja", "ko", "es", "it", "pl", "sv", "et",
};

static const char *const organizations[] = {
	"EU", "NATO", "OSCE", "ENISA", "CERT-UA", "UN OEWG", "Council of Europe",
	"G7", "Europol", "Interpol", "NATO CCDCOE", "Tallinn Mechanism",
};

static const char *const tags[] = {
	"agreement", "capacity-building", "incident-response", "attribution",
	"sanctions", "exercise", "norms", "critical-infrastructure", "funding",
	"bilateral-dialogue", "threat-intelligence", "cybercrime", "elections",
	"supply-chain", "ukraine-support",
};

/* Slugs that make ids read like the real ones. */
static const char *const slugs[] = {
	"mou", "joint-statement", "exercise", "talks", "sanctions",
	"attribution", "funding", "roadmap", "hotline", "training",
	"consultations", "declaration", "working-group", "capacity-building",
};

/* ---- output ------------------------------------------------------------ */

/* A growable text buffer, one file's worth. */
typedef struct Out {
	char *data;
	size_t len, cap;
} Out;

static void out_printf(Out *o, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(o->data + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			perror("gen: vsnprintf");
			exit(1);
		}
		if ((size_t)n < o->cap - o->len) {
			o->len += (size_t)n;
			return;
		}
		o->cap = (o->cap + (size_t)n + 1) * 2;
		o->data = realloc(o->data, o->cap);
		if (!o->data) {
			perror("gen: realloc");
			exit(1);
		}
	}
}

/* ---- one event --------------------------------------------------------- */

/* The id of event k of file f: computable by any later file. */
static void event_id(char out[64], unsigned f, unsigned k)
{
	const char *slug = slugs[hash2(f, k) % COUNT(slugs)];
	snprintf(out, 64, "ev%06u-%u-%s", f, k, slug);
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* A date 2017-2025: mostly days, some months, a few bare years. */
static void random_date(Rng *r, char out[32])
{
	int y = 2017 + (int)rng_below(r, 9);
	int m = 1 + (int)rng_below(r, 12);
	unsigned p = rng_below(r, 100);
	if (p < 10)
		snprintf(out, 32, "%04d", y);
	else if (p < 30)
		snprintf(out, 32, "%04d-%02d", y, m);
	else
		snprintf(out, 32, "%04d-%02d-%02d", y, m,
		         1 + (int)rng_below(r, (unsigned)days_in_month(y, m)));
}

/* One sentence: "<Place>: <actor> <verb> <object> with <place>." */
static void sentence(Rng *r, Out *o)
{
	switch (rng_below(r, 3)) {
	case 0:
		out_printf(o, "In %s, %s %s %s.", PICK(r, places), PICK(r, actors),
		           PICK(r, verbs), PICK(r, objects));
		break;
	case 1:
		out_printf(o, "%s", PICK(r, details));
		break;
	default:
		out_printf(o, "Officials from %s and %s %s %s.", PICK(r, places),
		           PICK(r, places), PICK(r, verbs), PICK(r, objects));
	}
}

/* A flow list of 1..max distinct picks from words[0..n). */
static void flow_list(Rng *r, Out *o, const char *const *words, unsigned n,
                      unsigned max)
{
	unsigned want = 1 + rng_below(r, max), chosen[8], got = 0;
	while (got < want) {
		unsigned w = rng_below(r, n);
		bool dup = false;
		for (unsigned i = 0; i < got; i++)
			dup |= chosen[i] == w;
		if (!dup)
			chosen[got++] = w;
	}
	out_printf(o, "[");
	for (unsigned i = 0; i < got; i++)
		out_printf(o, "%s%s", i ? ", " : "", words[chosen[i]]);
	out_printf(o, "]");
}

/* Which damage --faults does to an event (FAULT_NONE: none). */
enum Fault { FAULT_NONE, FAULT_COUNTRY, FAULT_MISSING, FAULT_DATE,
             FAULT_DUPLICATE, FAULT_DANGLING, FAULT_KEY, FAULT_KINDS };

static void write_event(Rng *r, Out *o, unsigned f, unsigned k, bool faults)
{
	enum Fault fault = FAULT_NONE;
	if (faults && rng_pct(r, 2))
		fault = (enum Fault)(1 + rng_below(r, FAULT_KINDS - 1));
	char id[64], date[32];
	if (fault == FAULT_DUPLICATE && f > 0)
		event_id(id, f - 1 - rng_below(r, f < 20 ? f : 20), k);
	else
		event_id(id, f, k);
	random_date(r, date);
	out_printf(o, "  - id: %s\n", id);
	out_printf(o, "    date: %s\n", fault == FAULT_DATE ? "2023-02-30" : date);
	if (rng_pct(r, 25))
		out_printf(o, "    date_note: \"The article, dated %s, says the "
		           "event took place 'last week' in %s.\"\n", date,
		           PICK(r, places));
	out_printf(o, "    title: \"%s and %s: %s %s\"\n", PICK(r, places),
	           PICK(r, places), PICK(r, verbs), PICK(r, objects));
	out_printf(o, "    countries: ");
	flow_list(r, o, countries, COUNT(countries), 5);
	if (fault == FAULT_COUNTRY)
		o->len -= 1, out_printf(o, ", UK]");
	out_printf(o, "\n");
	if (rng_pct(r, 40)) {
		out_printf(o, "    organizations: ");
		flow_list(r, o, organizations, COUNT(organizations), 3);
		out_printf(o, "\n");
	}
	if (rng_pct(r, 80)) {
		out_printf(o, "    tags: ");
		flow_list(r, o, tags, COUNT(tags), 4);
		out_printf(o, "\n");
	}
	if (fault != FAULT_MISSING) {
		out_printf(o, "    summary: \"");
		sentence(r, o);
		out_printf(o, " ");
		sentence(r, o);
		out_printf(o, "\"\n");
	}
	if (fault == FAULT_KEY)
		out_printf(o, "    titel: \"misspelt key\"\n");
	out_printf(o, "    excerpt: |-\n");
	unsigned paragraphs = 2 + rng_below(r, 4);
	for (unsigned p = 0; p < paragraphs; p++) {
		out_printf(o, "      ");
		unsigned sentences = 1 + rng_below(r, 3);
		for (unsigned s = 0; s < sentences; s++) {
			if (s)
				out_printf(o, " ");
			sentence(r, o);
		}
		out_printf(o, "\n");
	}
	if (fault == FAULT_DANGLING) {
		out_printf(o, "    related: [no-such-event-%u-%u]\n", f, k);
	} else if ((f > 0 || k > 0) && rng_pct(r, 15)) {
		/* An earlier event: in this file, or in one of the last 50. */
		unsigned rf = f - rng_below(r, (f < 50 ? f : 50) + 1);
		unsigned rk = rf == f ? rng_below(r, k ? k : 1)
		                      : rng_below(r, EVENTS_PER_FILE);
		if (rf == f && k == 0)
			rf = f - 1, rk = 0;
		char rel[64];
		event_id(rel, rf, rk);
		out_printf(o, "    related: [%s]\n", rel);
	}
	out_printf(o, "\n");
}

/* ---- one file ---------------------------------------------------------- */

static void write_file(const char *dir, unsigned f, uint64_t seed,
                       bool faults, Out *o, size_t *bytes)
{
	Rng r = {hash2(seed, f)};
	char date[32];
	o->len = 0;
	random_date(&r, date);
	out_printf(o, "source:\n");
	out_printf(o, "  title: \"%s %s %s\"\n", PICK(&r, places), PICK(&r, verbs),
	           PICK(&r, objects));
	out_printf(o, "  outlet: \"%s\"\n", PICK(&r, outlets));
	out_printf(o, "  published: %s\n", date);
	out_printf(o, "  url: \"https://news.example.org/%s/article-%06u\"\n",
	           date, f);
	out_printf(o, "  language: %s\n", PICK(&r, languages));
	out_printf(o, "events:\n");
	for (unsigned k = 0; k < EVENTS_PER_FILE; k++)
		write_event(&r, o, f, k, faults);
	if (faults && rng_pct(&r, 1)) /* a syntax error ends the file */
		out_printf(o, "  - id: \"unterminated\n");

	char sub[4096], path[4200];
	snprintf(sub, sizeof sub, "%s/d%03u", dir, f / FILES_PER_DIR);
	if (mkdir(sub, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", sub, strerror(errno));
		exit(1);
	}
	snprintf(path, sizeof path, "%s/%06u-%s.yaml", sub, f,
	         slugs[hash2(f, 99) % COUNT(slugs)]);
	FILE *fp = fopen(path, "w");
	if (!fp || fwrite(o->data, 1, o->len, fp) != o->len || fclose(fp) != 0) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	*bytes += o->len;
}

static int usage(void)
{
	fputs("usage: gen [--faults] [--seed N] OUTDIR NFILES\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	bool faults = false;
	uint64_t seed = 20240101;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--faults"))
			faults = true;
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else
			return usage();
	}
	if (argc - i != 2)
		return usage();
	const char *dir = argv[i];
	unsigned nfiles = (unsigned)strtoul(argv[i + 1], NULL, 10);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	Out o = {malloc(16384), 0, 16384};
	size_t bytes = 0;
	for (unsigned f = 0; f < nfiles; f++)
		write_file(dir, f, seed, faults, &o, &bytes);
	free(o.data);
	printf("%u %u %zu\n", nfiles, nfiles * EVENTS_PER_FILE, bytes);
	return 0;
}
