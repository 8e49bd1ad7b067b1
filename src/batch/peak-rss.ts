import { readFileSync } from 'node:fs';

/**
 * The process's peak resident set size in MB. On Linux this is `VmHWM` from /proc/self/status, the
 * high-water mark of this process's own address space. `process.resourceUsage().maxRSS` is not used
 * there because Linux carries it over from the parent across fork + exec: a `kiji run` spawned by a
 * 600 MB process would report 600 MB whatever it used. Elsewhere maxRSS is the best there is.
 */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // no procfs (macOS, Windows): fall through
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
