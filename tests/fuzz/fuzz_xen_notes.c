/*
 * fuzz_xen_notes.c - xen_notes_parse() on arbitrary bytes.
 *
 * The domain builder parses only images elf_check() accepted, but the
 * parser promises to stay inside any image, so every input is parsed: that
 * covers the accepted images and more.  libFuzzer hands each input over in
 * a heap block of exactly its size, so ASan reports any read outside it.
 * When the parser succeeds, what it reports is checked against the input
 * and a violation traps: every string is NUL-terminated in its field,
 * printable, and found in the input with its NUL; every number it says it
 * has is found in the input, little-endian; nothing is set when no Xen
 * note was found.  When it refuses, the reason must be a non-empty string.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/xen_notes.h"

static void require(int cond)
{
	if (!cond)
		__builtin_trap();
}

/* needle[0..len) occurs somewhere in data[0..size). */
static bool contains(const uint8_t *data, size_t size, const void *needle,
		     size_t len)
{
	for (size_t i = 0; len <= size && i <= size - len; i++)
		if (memcmp(data + i, needle, len) == 0)
			return true;
	return false;
}

static void check_string(const char *s, size_t field, const uint8_t *data,
			 size_t size, bool present)
{
	const char *nul = memchr(s, '\0', field);
	size_t len;

	require(nul != NULL);
	len = (size_t)(nul - s);
	for (size_t i = 0; i < len; i++)
		require(s[i] >= 0x20 && s[i] <= 0x7e);
	require(len == 0 || (present && contains(data, size, s, len + 1)));
}

static void check_number(uint32_t value, bool has, const uint8_t *data,
			 size_t size, bool present)
{
	uint8_t le[4] = { (uint8_t)value, (uint8_t)(value >> 8),
			  (uint8_t)(value >> 16), (uint8_t)(value >> 24) };

	if (!has)
		require(value == 0);
	else
		require(present && contains(data, size, le, sizeof(le)));
}

static void check_notes(const struct xen_notes *n, const uint8_t *data, size_t size)
{
	check_number(n->entry, n->has_entry, data, size, n->present);
	check_number(n->hypercall_page, n->has_hypercall_page, data, size, n->present);
	check_number(n->virt_base, n->has_virt_base, data, size, n->present);
	check_number(n->paddr_offset, n->paddr_offset != 0, data, size, n->present);
	check_string(n->guest_os, sizeof(n->guest_os), data, size, n->present);
	check_string(n->xen_version, sizeof(n->xen_version), data, size, n->present);
	check_string(n->loader, sizeof(n->loader), data, size, n->present);
	check_string(n->pae_mode, sizeof(n->pae_mode), data, size, n->present);
	check_string(n->features, sizeof(n->features), data, size, n->present);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xen_notes notes;
	const char *why = xen_notes_parse(data, size, &notes);

	if (why)
		require(why[0] != '\0');
	else
		check_notes(&notes, data, size);
	return 0;
}
