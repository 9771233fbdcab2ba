/**
 * The order test files start in. vitest's own order stands when it knows how long each file took
 * last time (longest first, from .cache/): then the long files start early and the run does not end
 * with one worker alone on one of them. Without those durations (a fresh clone, as in CI) vitest
 * starts the largest files first, and the files that start the real program (test/process/) are
 * small: they came last, and a worker then spent the end of the run alone, waiting on a child
 * process and its timers. Here, any file vitest has no duration for and that starts the program
 * goes first; the rest keep vitest's order.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that spend most of their time waiting on a started program, its sockets and timers. */
const STARTS_THE_PROGRAM = /^test\/process\//;

export default class WaitingFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const relativeOf = (f: TestSpecification) => path.relative(root, f.moduleId).split(path.sep).join('/');
    const unknown = (f: TestSpecification) => !this.ctx.cache.getFileTestResults(`${f.project.name}:${relativeOf(f)}`);
    const early = (f: TestSpecification) => unknown(f) && STARTS_THE_PROGRAM.test(relativeOf(f));
    // Projects keep their order (vitest sorts by project first); within one, the early files lead.
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    return projects.flatMap((name) => {
      const mine = sorted.filter((f) => f.project.name === name);
      return [...mine.filter(early), ...mine.filter((f) => !early(f))];
    });
  }
}
