/**
 * Where Node keeps the compiled code of the modules the test workers and the processes the tests
 * start load again and again (set by vitest.config.ts). A child started with an environment of
 * its own gets it through this, so that its start-up reads the cache instead of compiling anew.
 */
export function compileCacheEnv(): Record<string, string> {
  const folder = process.env.NODE_COMPILE_CACHE;
  return folder ? { NODE_COMPILE_CACHE: folder } : {};
}
