/** The fingerprint `npm start` compares to decide whether to build again (see scripts/start.mjs). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What tsconfig.build.json compiles (its include folders, no tests) and the files that configure it. */
export function fingerprint(root) {
  const files = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'node_modules') walk(p);
      } else if (/\.(m|c)?(ts|js)$/.test(d.name) && !/\.test\.ts$/.test(d.name)) files.push(p);
    }
  };
  const config = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
  for (const dir of config.include ?? []) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package.json'));
  const h = createHash('sha256');
  for (const f of files.sort()) {
    const s = statSync(f);
    h.update(`${path.relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

