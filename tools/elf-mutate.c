/*
 * elf-mutate.c - spoil a good guest kernel image in one way, for boot tests.
 *
 * Warden must refuse a bad multiboot module with one clear console line
 * instead of loading it.  The boot tests show that by booting Warden with
 * an image broken in exactly one way and looking for the line.  This host
 * tool does the breaking: it reads a valid i386 ELF executable, changes one
 * thing and writes the result.  Each mutation aims at one check in
 * core/elf_check.c:
 *
 *   truncate          keep only the first 40 bytes, less than a file header
 *   machine           e_machine = 62 (x86-64)
 *   segment-past-eof  the first PT_LOAD's file bytes end 4096 bytes past
 *                     the end of the file
 *   entry-outside     e_entry = the first byte after the highest PT_LOAD
 *   overlap           the second PT_LOAD gets the first one's vaddr; with
 *                     only one PT_LOAD, the first other program header
 *                     becomes a copy of it
 *   not-elf           the magic becomes "NOPE"
 *
 * Usage: elf-mutate MUTATION IN OUT.  It exits 2 on bad use: wrong
 * arguments, or an input it cannot spoil in the way asked (not an ELF32
 * little-endian file with its program headers inside it, or lacking what
 * the mutation needs).  It exits 1 if a file cannot be read or written.
 *
 * The build host is little-endian, like i386, so headers are copied in and
 * out of the file with memcpy just as they are.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/elf.h"

#define TRUNCATED_SIZE	40	/* less than the 52-byte file header */
#define PAST_EOF	4096

/* The whole input file, and its file header once checked. */
struct file {
	uint8_t *bytes;
	size_t size;
	struct elf32_ehdr eh;
};

static struct elf32_phdr get_phdr(const struct file *f, unsigned i)
{
	struct elf32_phdr ph;

	memcpy(&ph, f->bytes + f->eh.e_phoff + i * sizeof(ph), sizeof(ph));
	return ph;
}

static void put_phdr(struct file *f, unsigned i, const struct elf32_phdr *ph)
{
	memcpy(f->bytes + f->eh.e_phoff + i * sizeof(*ph), ph, sizeof(*ph));
}

static void put_ehdr(struct file *f)
{
	memcpy(f->bytes, &f->eh, sizeof(f->eh));
}

/* Index of the nth program header that is (or, !load, is not) a PT_LOAD. */
static int find_phdr(const struct file *f, bool load, unsigned nth)
{
	for (unsigned i = 0; i < f->eh.e_phnum; i++) {
		bool is_load = get_phdr(f, i).p_type == ELF_PT_LOAD;

		if (is_load == load && nth-- == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Enough to find the program headers safely; the mutations need no more,
 * and the point is to break the file, not to judge it.
 */
static const char *check_input(struct file *f)
{
	if (f->size < sizeof(f->eh))
		return "too short for an ELF file header";
	memcpy(&f->eh, f->bytes, sizeof(f->eh));
	if (memcmp(f->eh.e_ident, ELF_MAGIC, ELF_MAGIC_LEN) != 0)
		return "not an ELF file";
	if (f->eh.e_ident[ELF_EI_CLASS] != ELF_CLASS32 ||
	    f->eh.e_ident[ELF_EI_DATA] != ELF_DATA2LSB)
		return "not a 32-bit little-endian ELF file";
	if (f->eh.e_phentsize != sizeof(struct elf32_phdr) || f->eh.e_phnum == 0)
		return "no usable program header table";
	if (f->eh.e_phoff > f->size ||
	    (size_t)f->eh.e_phnum * sizeof(struct elf32_phdr) > f->size - f->eh.e_phoff)
		return "program header table ends past the end of the file";
	if (find_phdr(f, true, 0) < 0)
		return "no PT_LOAD segment";
	return NULL;
}

static const char *truncate_file(struct file *f)
{
	f->size = TRUNCATED_SIZE;
	return NULL;
}

static const char *set_machine(struct file *f)
{
	f->eh.e_machine = ELF_EM_X86_64;
	put_ehdr(f);
	return NULL;
}

static const char *segment_past_eof(struct file *f)
{
	unsigned i = (unsigned)find_phdr(f, true, 0);
	struct elf32_phdr ph = get_phdr(f, i);

	if (ph.p_offset > f->size)
		return "the first PT_LOAD already starts past the end of the file";
	if (f->size > UINT32_MAX - PAST_EOF)
		return "file too large for a 32-bit p_filesz";
	ph.p_filesz = (uint32_t)(f->size + PAST_EOF - ph.p_offset);
	put_phdr(f, i, &ph);
	return NULL;
}

static const char *entry_outside(struct file *f)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < f->eh.e_phnum; i++) {
		struct elf32_phdr ph = get_phdr(f, i);
		uint64_t end = (uint64_t)ph.p_vaddr + ph.p_memsz;

		if (ph.p_type == ELF_PT_LOAD && end > top)
			top = end;
	}
	if (top > UINT32_MAX)
		return "a PT_LOAD reaches 4 GiB, so no address lies above them all";
	f->eh.e_entry = (uint32_t)top;
	put_ehdr(f);
	return NULL;
}

/* An empty segment occupies no memory, so it could not overlap anything. */
static const char *overlap(struct file *f)
{
	int first = find_phdr(f, true, 0);
	int second = find_phdr(f, true, 1);
	int other = find_phdr(f, false, 0);
	struct elf32_phdr a = get_phdr(f, (unsigned)first), b;

	if (a.p_memsz == 0)
		return "the first PT_LOAD is empty";
	if (second < 0 && other < 0)
		return "only one program header, so no room for a second PT_LOAD";
	if (second < 0) {
		put_phdr(f, (unsigned)other, &a);
		return NULL;
	}
	b = get_phdr(f, (unsigned)second);
	if (b.p_memsz == 0)
		return "the second PT_LOAD is empty";
	b.p_vaddr = a.p_vaddr;
	put_phdr(f, (unsigned)second, &b);
	return NULL;
}

static const char *not_elf(struct file *f)
{
	memcpy(f->bytes, "NOPE", ELF_MAGIC_LEN);
	return NULL;
}

/* A mutation returns NULL, or why this input cannot be spoiled that way. */
static const struct mutation {
	const char *name;
	const char *(*apply)(struct file *f);
	const char *help;
} mutations[] = {
	{ "truncate", truncate_file, "keep only the first 40 bytes" },
	{ "machine", set_machine, "set e_machine to 62 (x86-64)" },
	{ "segment-past-eof", segment_past_eof,
	  "make the first PT_LOAD end 4096 bytes past the end of the file" },
	{ "entry-outside", entry_outside,
	  "set e_entry just past the highest PT_LOAD" },
	{ "overlap", overlap,
	  "give the second PT_LOAD the first one's vaddr (or add a copy of it)" },
	{ "not-elf", not_elf, "overwrite the magic with \"NOPE\"" },
};

#define NMUTATIONS (sizeof(mutations) / sizeof(mutations[0]))

static void usage(void)
{
	fprintf(stderr, "usage: elf-mutate MUTATION IN OUT\n"
		"Writes to OUT a copy of the i386 ELF executable IN, "
		"broken in one way:\n");
	for (size_t i = 0; i < NMUTATIONS; i++)
		fprintf(stderr, "  %-17s %s\n", mutations[i].name, mutations[i].help);
	exit(2);
}

static const struct mutation *find_mutation(const char *name)
{
	for (size_t i = 0; i < NMUTATIONS; i++)
		if (strcmp(mutations[i].name, name) == 0)
			return &mutations[i];
	return NULL;
}

static void fail_io(const char *path)
{
	fprintf(stderr, "elf-mutate: %s: %s\n", path, strerror(errno));
	exit(1);
}

/* Read the whole file, however it is delivered (a pipe has no size). */
static void read_file(const char *path, struct file *f)
{
	FILE *in = fopen(path, "rb");
	size_t cap = 0;

	if (!in)
		fail_io(path);
	f->bytes = NULL;
	f->size = 0;
	do {
		cap = cap ? 2 * cap : 65536;
		f->bytes = realloc(f->bytes, cap);
		if (!f->bytes)
			fail_io(path);
		f->size += fread(f->bytes + f->size, 1, cap - f->size, in);
	} while (f->size == cap);
	if (ferror(in))
		fail_io(path);
	fclose(in);
}

static void write_file(const char *path, const struct file *f)
{
	FILE *out = fopen(path, "wb");

	if (!out || fwrite(f->bytes, 1, f->size, out) != f->size)
		fail_io(path);
	if (fclose(out) != 0)
		fail_io(path);
}

int main(int argc, char **argv)
{
	const struct mutation *m;
	struct file f;
	const char *why;

	if (argc != 4)
		usage();
	m = find_mutation(argv[1]);
	if (!m) {
		fprintf(stderr, "elf-mutate: unknown mutation \"%s\"\n", argv[1]);
		usage();
	}
	read_file(argv[2], &f);
	why = check_input(&f);
	if (!why)
		why = m->apply(&f);
	if (why) {
		fprintf(stderr, "elf-mutate: %s: cannot apply %s: %s\n",
			argv[2], m->name, why);
		return 2;
	}
	write_file(argv[3], &f);
	free(f.bytes);
	return 0;
}
