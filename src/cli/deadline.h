/* deadline.h: --timeout: a whole-scan deadline. When it passes, osprey stops at once with exit
 * code 3 and one line on stderr; no partial report is written (reports are written only after
 * evaluation finishes, and files go through a temp file + rename). */
#ifndef OSPREY_CLI_DEADLINE_H
#define OSPREY_CLI_DEADLINE_H

/* Arm the deadline (seconds; 0 does nothing). */
void cli_deadline_arm(long long seconds);

#endif
