import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/**
 * Loaded into the server process with `--import` when the bench runs with `--cpu-prof DIR`
 * (Node refuses `--cpu-prof` itself in NODE_OPTIONS): profiles the whole process and writes
 * a `.cpuprofile` (open it in Chrome DevTools) when the server exits.
 */
const dir = process.env.PLAZA_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The in-process session answers synchronously, so the file is written before exit ends.
  process.on('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
