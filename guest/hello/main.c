/* hello: the smallest guest: say hello from ring 1, then power off. */
#include "guest/lib/console.h"
#include "guest/lib/test.h"

void test_main(void)
{
	printk("hello from ring 1\n");
	printk("%s\n", start_info->magic);
}
