import { createHash } from 'node:crypto';
import { ExperimentArm } from './experiment.enums.js';

/**
 * Which arm a lead is in: the first 32 bits of SHA-256("<experiment id>:<lead id>") as a number in
 * [0, 1), below `split` meaning the challenger. Deterministic (the same lead always lands in the same
 * arm, on every process), independent between experiments, and computable in SQL too
 * (`assignmentValueSql`), so set-based statements assign exactly as the code does.
 */
export function assignmentValue(experimentId: string, leadId: string): number {
  return createHash('sha256').update(`${experimentId}:${leadId}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function armOf(experimentId: string, leadId: string, split: number): ExperimentArm {
  return assignmentValue(experimentId, leadId) < split ? ExperimentArm.CHALLENGER : ExperimentArm.CONTROL;
}

/** The same value in PostgreSQL, from two uuid (or text) expressions; ids print lower case in both. */
export function assignmentValueSql(experimentId: string, leadId: string): string {
  return `(('x' || substr(encode(sha256(convert_to(${experimentId}::text || ':' || ${leadId}::text, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}
