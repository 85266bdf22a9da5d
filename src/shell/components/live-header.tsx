/**
 * The header of a query that has started but sent no rows yet. It is redrawn (it follows
 * a resize); once rows arrive the widths are frozen and the header printed above them for good.
 */
import { freezeWidths } from '../query-output.js';
import { gridRow, gridRule } from '../table-layout.js';
import { GridLines } from './grid-lines.js';

export function LiveHeader({ columns, width }: { readonly columns: readonly string[]; readonly width: number }) {
  const widths = freezeWidths(columns, [], width);
  return <GridLines lines={[gridRule(widths), gridRow(columns, widths), gridRule(widths)]} />;
}
