import type { IvrInstruction, IvrStep } from '../../core/ivr/index.js';

/** What the log keeps of one IVR step: what was heard, the nodes passed, what the caller was told. */
export function ivrStepLog(step: IvrStep, heard: string | null): Record<string, unknown> {
  const said: string[] = [];
  const collect = (i: IvrInstruction) => {
    if (i.kind === 'say') said.push(i.text);
    else if (i.kind === 'play') said.push(`[audio] ${i.url}`);
    else if (i.kind === 'gather') i.prompts.forEach(collect);
  };
  step.instructions.forEach(collect);
  return {
    ...(heard ? { heard } : {}),
    trace: step.trace,
    said,
    language: step.data.language,
    waitingFor: step.waitingFor,
    next: step.instructions.at(-1)?.kind ?? null,
  };
}
