/** The first problem of a JSON text: where it is and what was expected. */
export interface JsonProblem {
  pos: number;
  message: string;
}

/**
 * Checks JSON text and reports the first problem with its offset. Browsers'
 * JSON.parse messages differ (WebKit gives no position), so the desktop
 * window and the browser get the same answer from this small parser.
 */
export function checkJson(text: string): JsonProblem | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonError(Math.min(at, text.length), message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Expected a value (did you mean ${word}?)`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('Line break or control character inside a string (use \\n)');
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('Invalid \\u escape in a string');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail('Invalid escape in a string');
        i += 2;
        continue;
      }
      i++;
    }
    fail('A string is never closed with "');
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (m === null) fail('Expected a value');
    i += m?.[0].length ?? 0;
  };
  const value = (depth: number) => {
    if (depth > 512) fail('The JSON is nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("Expected ':' after the property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === undefined) fail('The JSON ends where a value was expected');
    return number();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('Unexpected text after the end of the JSON');
    return null;
  } catch (e) {
    if (e instanceof JsonError) return { pos: e.pos, message: e.message };
    throw e;
  }
}

/** Carries a problem out of the recursive descent. */
class JsonError extends Error {
  constructor(
    readonly pos: number,
    message: string,
  ) {
    super(message);
  }
}
