/**
 * Reads slotkeeper.yml (or SLOTKEEPER_CONFIG) and validates it. Problems come back as a list of
 * `path: message` lines for the caller to print; nothing here throws on a bad file.
 */
import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { parseConfig, type ParsedConfig } from '../../core/config/schema.js';

export const DEFAULT_CONFIG_PATH = 'slotkeeper.yml';
export const EXAMPLE_CONFIG_PATH = 'slotkeeper.example.yml';

/** The config path in force: SLOTKEEPER_CONFIG, else slotkeeper.yml, else the shipped example. */
export function configPath(env: Record<string, string | undefined> = process.env): string {
  if (env.SLOTKEEPER_CONFIG) return env.SLOTKEEPER_CONFIG;
  return existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : EXAMPLE_CONFIG_PATH;
}

export function loadConfigFile(path: string): ParsedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return { ok: false, problems: [`${path}: is not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  return parseConfig(raw);
}
