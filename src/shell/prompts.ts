/** The prompts, padded to one width so that continuation lines align under the first. */
export const PROMPT = 'streamsql> ';
export const CONTINUATION_PROMPT = '> '.padStart(PROMPT.length);

export function promptForLine(lineIndex: number): string {
  return lineIndex === 0 ? PROMPT : CONTINUATION_PROMPT;
}
