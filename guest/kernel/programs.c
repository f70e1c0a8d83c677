/*
 * programs.c - the kernel's table of programs (programs.h): name, entry,
 * and how a process of it should end, which proc.c checks at its end.
 */
#include "guest/kernel/programs.h"

static const struct program programs[NR_PROGRAMS] = {
	[PROG_INIT]	= { "init", init_main, EXITS_0 },
	[PROG_HELLO]	= { "hello", hello_main, EXITS_0 },
	[PROG_SPAWNER]	= { "spawner", spawner_main, EXITS_0 },
	[PROG_PING]	= { "ping", ping_main, EXITS_0 },
	[PROG_PONG]	= { "pong", pong_main, EXITS_0 },
	[PROG_SLEEPER]	= { "sleeper", sleeper_main, EXITS_0 },
	[PROG_SLEEPERS]	= { "sleepers", sleepers_main, EXITS_0 },
	[PROG_FAULTER]	= { "faulter", faulter_main, KILLED },
	[PROG_WILD]	= { "wild", wild_main, KILLED },
	[PROG_BADCALLS]	= { "badcalls", badcalls_main, EXITS_0 },
	[PROG_PTHEAVY]	= { "ptheavy", ptheavy_main, CHECKSUM },
	[PROG_PTCHILD]	= { "ptchild", ptchild_main, CHECKSUM },
	[PROG_CPU]	= { "cpu", cpu_main, CHECKSUM },
	[PROG_SYSCALLS]	= { "syscalls", syscalls_main, CHECKSUM },
	[PROG_BENCH]	= { "bench", bench_main, EXITS_0 },
	[PROG_YIELDER]	= { "yielder", yielder_main, EXITS_0 },
	[PROG_MAPPER]	= { "mapper", mapper_main, EXITS_0 },
	[PROG_EXPLOIT]	= { "exploit", exploit_main, EXITS_0 },
};

const struct program *program_get(uint32_t id)
{
	return id < NR_PROGRAMS ? &programs[id] : NULL;
}

static int same(const char *word, size_t len, const char *name)
{
	size_t i;

	for (i = 0; i < len && name[i] == word[i]; i++)
		;
	return i == len && name[i] == '\0';
}

int program_named(const char *word, size_t len)
{
	for (int i = 0; i < NR_PROGRAMS; i++)
		if (same(word, len, programs[i].name))
			return i;
	return -1;
}
