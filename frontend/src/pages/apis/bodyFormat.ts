/**
 * Pretty-prints a JSON body whose placeholders may stand for values, keeping
 * the placeholders; null when the body is not JSON.
 */
export function formatJsonBody(body: string): string | null {
  // Placeholders become private-use markers JSON keeps as they are: a string
  // value outside quotes, plain text inside them.
  const marks: string[] = [];
  const standIn = body.replace(/\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}/g, (m, offset: number) => {
    marks.push(m);
    const inString = (body.slice(0, offset).match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;
    const n = marks.length - 1;
    return inString ? `\uE000${n}\uE001` : `"\uE002${n}\uE003"`;
  });
  try {
    return JSON.stringify(JSON.parse(standIn), null, 2)
      .replace(/"\uE002(\d+)\uE003"/g, (_, i: string) => marks[Number(i)] ?? '')
      .replace(/\uE000(\d+)\uE001/g, (_, i: string) => marks[Number(i)] ?? '');
  } catch {
    return null;
  }
}
