import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatWhatsApp } from './whatsappText';

function html(text: string): string {
  const { container } = render(<p>{formatWhatsApp(text)}</p>);
  return container.firstElementChild?.innerHTML ?? '';
}

describe('formatWhatsApp', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['Your order is *shipped*.', 'Your order is <strong>shipped</strong>.'],
    ['_soon_ and ~never~', '<em>soon</em> and <s>never</s>'],
    ['code ```A-1```', 'code <code>A-1</code>'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['snake_case_name', 'snake_case_name'],
    ['<b>not html</b>', '&lt;b&gt;not html&lt;/b&gt;'],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => {
      expect(html(input)).toBe(want);
    });
  }
});
