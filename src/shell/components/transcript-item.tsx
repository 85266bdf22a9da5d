/** One printed item of the transcript; exhaustive over OutputItem kinds. */
import { Text } from 'ink';
import { promptForLine } from '../prompts.js';
import type { OutputItem } from '../output-item.js';
import { gridRow, gridRule } from '../table-layout.js';
import { ErrorBlock } from './error-block.js';
import { GridLines } from './grid-lines.js';
import { QueryEndBlock } from './query-end-block.js';
import { ResultBlock } from './result-block.js';

export function TranscriptItem({ item, width }: { readonly item: OutputItem; readonly width: number }) {
  switch (item.kind) {
    case 'echo':
      return <Text>{item.text.split('\n').map((line, i) => promptForLine(i) + line).join('\n')}</Text>;
    case 'result':
      return <ResultBlock result={item.result} width={width} />;
    case 'error':
      return <ErrorBlock error={item.error} />;
    case 'text':
      return <Text>{item.lines.join('\n')}</Text>;
    case 'notice':
      return <Text color="yellow">{item.text}</Text>;
    case 'gridHeader':
      return <GridLines lines={[gridRule(item.widths), gridRow(item.columns, item.widths), gridRule(item.widths)]} />;
    case 'gridRows':
      return <GridLines lines={item.rows.map((r) => gridRow(r, item.widths))} />;
    case 'gridEnd':
      return <GridLines lines={[gridRule(item.widths)]} />;
    case 'queryEnd':
      return <QueryEndBlock reason={item.reason} rowCount={item.rowCount} />;
  }
}
