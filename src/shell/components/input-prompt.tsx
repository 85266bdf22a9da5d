/** The input being typed: prompt on the first line, continuation prompts after; the cursor in inverse. */
import { Text } from 'ink';
import { cursorPosition, type EditBuffer } from '../line-editor.js';
import { promptForLine } from '../prompts.js';

export function InputPrompt({ buffer }: { readonly buffer: EditBuffer }) {
  const lines = buffer.text.split('\n');
  const at = cursorPosition(buffer);
  return (
    <>
      {lines.map((line, i) => {
        const prompt = promptForLine(i);
        if (i !== at.line) return <Text key={i}>{prompt + line}</Text>;
        const before = line.slice(0, at.column);
        const under = line.slice(at.column, at.column + 1) || ' ';
        const after = line.slice(at.column + 1);
        return (
          <Text key={i}>
            {prompt + before}
            <Text inverse>{under}</Text>
            {after}
          </Text>
        );
      })}
    </>
  );
}
