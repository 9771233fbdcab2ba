/** Says once, at the top of the run, which databases the store suites use. */
export default function setup(): void {
  if (process.env.TEST_POSTGRES_URL) {
    console.log(`[slotkeeper] database suites run on SQLite and on PostgreSQL (${process.env.TEST_POSTGRES_URL.replace(/\/\/[^@]*@/, '//…@')})`);
  } else {
    console.log('[slotkeeper] PostgreSQL suites SKIPPED: set TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test to run them (.ci/run does).');
  }
}
