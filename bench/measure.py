#!/usr/bin/env python3
"""bench/measure.py CMD [ARGS...] — run CMD (stdout to /dev/null) and print one line:

    wall_s user_s sys_s peak_rss_kb threads thread_cpu_s,thread_cpu_s,... (busiest first)

Wall time from a monotonic clock, CPU and peak RSS from wait4's rusage (the process and
its threads), and the CPU of each thread from /proc/PID/task/*/stat sampled every few
milliseconds (the last sample before the thread ends; a thread's final milliseconds may
be missed). Per-thread CPU shows whether parallel jobs really ran in parallel on a shared
machine, where wall time alone depends on what else runs.
"""
import os
import sys
import time

def main():
    cmd = sys.argv[1:]
    if not cmd:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    tick = os.sysconf("SC_CLK_TCK")
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    threads = {}
    status = None
    while True:
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                try:
                    with open(f"/proc/{pid}/task/{tid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    threads[tid] = (int(fields[11]) + int(fields[12])) / tick
                except (FileNotFoundError, ProcessLookupError, IndexError):
                    pass
        except FileNotFoundError:
            pass
        done, st, ru = os.wait4(pid, os.WNOHANG)
        if done == pid:
            status = st
            break
        time.sleep(0.004)
    wall = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"measure: {cmd[0]} exited with {code}", file=sys.stderr)
        sys.exit(1)
    cpu = sorted(threads.values(), reverse=True) or [0.0]
    per_thread = ",".join(f"{c:.2f}" for c in cpu)
    print(f"{wall:.4f} {ru.ru_utime:.4f} {ru.ru_stime:.4f} {ru.ru_maxrss} {len(threads)} {per_thread}")

main()
