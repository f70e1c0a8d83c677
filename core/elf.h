/*
 * elf.h - the parts of the 32-bit ELF format Warden reads.
 *
 * A guest kernel arrives as a multiboot module holding an ELF executable.
 * Warden needs only three things from it: the file header (is this an
 * i386 executable, and where are its program headers), the program headers
 * (which bytes of the file go where in guest memory) and the entry point.
 * Section headers, symbols and relocations are never looked at.
 *
 * The structures mirror the file layout byte for byte, so a header is read
 * by copying it out of the image with memcpy: the image may sit at any
 * alignment and is never trusted in place.  All fields are little-endian,
 * as are i386 and the hosts the unit tests run on.  Field names are the
 * ones the ELF specification uses (e_entry, p_filesz, ...), so the spec and
 * readelf's output can be read alongside this code.
 */
#ifndef CORE_ELF_H
#define CORE_ELF_H

#include <stdint.h>

/* e_ident[]: the first 16 bytes, readable before the class is known. */
#define ELF_NIDENT		16
#define ELF_MAGIC		"\177ELF"	/* e_ident[0..3] */
#define ELF_MAGIC_LEN		4
#define ELF_EI_CLASS		4
#define ELF_EI_DATA		5
#define ELF_EI_VERSION		6

#define ELF_CLASS32		1
#define ELF_CLASS64		2
#define ELF_DATA2LSB		1		/* little-endian */
#define ELF_DATA2MSB		2		/* big-endian */
#define ELF_EV_CURRENT		1		/* the only version there is */

/* e_type */
#define ELF_ET_NONE		0
#define ELF_ET_REL		1		/* object file, not linked */
#define ELF_ET_EXEC		2		/* executable at fixed addresses */
#define ELF_ET_DYN		3		/* shared object or PIE */
#define ELF_ET_CORE		4

/* e_machine */
#define ELF_EM_386		3
#define ELF_EM_X86_64		62

/* p_type */
#define ELF_PT_NULL		0
#define ELF_PT_LOAD		1		/* copy to memory, zero the rest */
#define ELF_PT_NOTE		4

/* p_flags */
#define ELF_PF_X		0x1
#define ELF_PF_W		0x2
#define ELF_PF_R		0x4

struct elf32_ehdr {
	uint8_t e_ident[ELF_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;	/* virtual address of the first instruction */
	uint32_t e_phoff;	/* file offset of the program header table */
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;	/* size of one program header */
	uint16_t e_phnum;	/* number of program headers */
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

/*
 * One segment: p_filesz bytes at file offset p_offset are copied to virtual
 * address p_vaddr, and the rest of its p_memsz bytes (the bss) are zeroed.
 */
struct elf32_phdr {
	uint32_t p_type;
	uint32_t p_offset;
	uint32_t p_vaddr;
	uint32_t p_paddr;
	uint32_t p_filesz;
	uint32_t p_memsz;
	uint32_t p_flags;
	uint32_t p_align;
};

/* The file format fixes these sizes; the structures have no padding. */
_Static_assert(sizeof(struct elf32_ehdr) == 52, "ELF32 file header is 52 bytes");
_Static_assert(sizeof(struct elf32_phdr) == 32, "ELF32 program header is 32 bytes");

#endif
