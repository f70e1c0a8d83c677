/*
 * module_check.h - is a multiboot module a kernel Warden could run?
 */
#ifndef CORE_MODULE_CHECK_H
#define CORE_MODULE_CHECK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Check module `index`, occupying machine memory [start, end), and print
 * one line saying what it is or why it is rejected.  problem is what the
 * boot loader's information already showed wrong with it (NULL if
 * nothing).  True if the module can become a domain.
 */
bool module_check(unsigned index, const char *cmdline, uint32_t start,
		  uint32_t end, const char *problem);

#endif
