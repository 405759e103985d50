/**
 * Benchmarks run Plaza in a process of its own, so the load generator (this process) and
 * the server never share an event loop.
 */
export {
  type PlazaProcess as RunningServer,
  startPlaza as startServer,
} from '../../packages/cli/src/spawn.ts';
