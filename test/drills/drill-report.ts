/**
 * Drills report what they counted (sent / delivered / effects …) here: one JSON line per
 * drill in DRILL_REPORT (default .cache/test-results/drills.jsonl), which
 * `npm run drills` (infra/bench/drills.js) prints as a table after jest. The line is
 * written before the drill's assertions, so a failing drill still shows its counts.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DRILL_REPORT = process.env.DRILL_REPORT ?? path.resolve(__dirname, '..', '..', '.cache', 'test-results', 'drills.jsonl');

export type DrillCounts = Record<string, number | string | boolean>;

export function reportDrill(drill: string, counts: DrillCounts, notes: string[] = []): void {
  fs.mkdirSync(path.dirname(DRILL_REPORT), { recursive: true });
  fs.appendFileSync(DRILL_REPORT, `${JSON.stringify({ drill, counts, notes, at: new Date().toISOString() })}\n`);
}
