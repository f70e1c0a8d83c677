/*
 * domain_build.h - turning a multiboot module into a domain.
 */
#ifndef CORE_DOMAIN_BUILD_H
#define CORE_DOMAIN_BUILD_H

#include <stdint.h>

#define DOMAIN_DEFAULT_MIB	8
#define DOMAIN_MAX_MIB		256

/*
 * Build a runnable domain from module `index` (an ELF image that passed
 * module_check) with the module's command line ("path name=... mem=8M
 * ...").  Prints one line on success or failure; a failure costs nothing
 * but that line.
 */
void domain_build(unsigned index, const char *cmdline, const void *image,
		  uint32_t size);

#endif
