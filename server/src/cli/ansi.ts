// ANSI styling for the text report, and the one decision of whether to use it.

export type Paint = (text: string) => string;

export interface Palette {
  red: Paint;
  yellow: Paint;
  blue: Paint;
  dim: Paint;
  bold: Paint;
}

const wrap =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** Colour only on a terminal, and never when the user asked for none (--no-color, https://no-color.org). */
export function shouldColor(requested: boolean, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return requested && stream.isTTY === true && !env['NO_COLOR'];
}
