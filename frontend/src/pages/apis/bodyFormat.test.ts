import { describe, expect, it } from 'vitest';
import { formatJsonBody } from './bodyFormat';

describe('formatJsonBody', () => {
  it('pretty-prints and keeps placeholders in and out of strings', () => {
    expect(formatJsonBody('{"id":"{{order_id}}","qty":{{qty}},"tags":[{{ a }},"x {{b}} y"]}')).toBe(
      '{\n  "id": "{{order_id}}",\n  "qty": {{qty}},\n  "tags": [\n    {{ a }},\n    "x {{b}} y"\n  ]\n}',
    );
  });

  it('gives up on text that is not JSON', () => {
    expect(formatJsonBody('{"a": }')).toBeNull();
    expect(formatJsonBody('name={{x}}')).toBeNull();
  });
});
