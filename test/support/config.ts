/** The shipped example config, as tests use it, with optional overrides. */
import { loadConfigFile } from '../../bots/shared/config-file.js';
import { parseConfig, type Config } from '../../core/config/schema.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const examplePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'slotkeeper.example.yml');

export function exampleConfig(): Config {
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
