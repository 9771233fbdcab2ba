/** The shipped example config, as tests use it, with optional overrides. */
import { loadConfigFile } from '../../bots/shared/config-file.js';
import { parseConfig, type Config } from '../../core/config/schema.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const examplePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'slotkeeper.example.yml');

let parsed: Config | null = null;

/**
 * A fresh copy for each call (a test may change its copy). The file is read and validated once per
 * worker: that took about 14 ms of CPU, and a harness asks for it in every test. The config is plain
 * data (test/support/config.test.ts checks that a copy equals a fresh parse).
 */
export function exampleConfig(): Config {
  parsed ??= parseExample();
  return structuredClone(parsed);
}

/** The example file, read and validated now. */
export function parseExample(): Config {
  const r = loadConfigFile(examplePath);
  if (!r.ok) throw new Error(`example config is invalid:\n${r.problems.join('\n')}`);
  return r.config;
}

/** The example config with a patch applied to its raw form (validated again). */
export function configWith(patch: (raw: Config) => void): Config {
  const raw = structuredClone(exampleConfig());
  patch(raw);
  const r = parseConfig(raw);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.config;
}
