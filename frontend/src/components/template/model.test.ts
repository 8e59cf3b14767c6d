import { describe, expect, it } from 'vitest';
import {
  languageName,
  mediaHeader,
  paramLabel,
  placeholderNames,
  quickReplies,
  sendable,
  statusInfo,
  templateParameters,
  type WaTemplate,
} from './model';

const shipped: WaTemplate = {
  id: '1',
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'positional',
  header: { format: 'image' },
  body: 'Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.',
  footer: 'Shop Example',
  buttons: [
    { type: 'quick_reply', text: 'Track it' },
    { type: 'quick_reply', text: 'Stop updates' },
    { type: 'url', text: 'Order details', url: 'https://shop.example/orders/{{1}}' },
  ],
  examples: { 'body.1': 'Ana', 'body.2': 'A1001', 'body.3': 'on Friday' },
};

describe('template model', () => {
  // The same expectations as backend/whatsapp/template_test.go, so the editor
  // and the sender agree on which value is which.
  it('lists parameters in the order Go sends them', () => {
    expect(templateParameters(shipped).map((p) => `${paramLabel(p)}=${p.example}`)).toEqual([
      'Body {{1}}=Ana',
      'Body {{2}}=A1001',
      'Body {{3}}=on Friday',
      'Button 3 URL {{1}}=',
    ]);
    const named: WaTemplate = {
      ...shipped,
      parameterFormat: 'named',
      header: { format: 'text', text: 'Welcome back, {{first_name}}!' },
      body: 'Your {{points}} points are waiting, {{first_name}}.',
      buttons: [],
      examples: {},
    };
    expect(templateParameters(named).map(paramLabel)).toEqual(['Header {{first_name}}', 'Body {{points}}', 'Body {{first_name}}']);
  });

  it('sorts positional placeholders by number and lists each once', () => {
    expect(placeholderNames('{{2}} and {{1}} and {{1}} {{ 3 }}', 'positional')).toEqual(['1', '2', '3']);
    expect(placeholderNames('{{b}} {{a}} {{b}}', 'named')).toEqual(['b', 'a']);
  });

  it('knows media headers, quick replies and what can be sent', () => {
    expect(mediaHeader(shipped)).toBe('image');
    expect(quickReplies(shipped)).toEqual(['Track it', 'Stop updates']);
    expect(sendable(shipped)).toBe(true);
    expect(sendable({ ...shipped, status: 'PAUSED' })).toBe(false);
    expect(sendable({ ...shipped, unsupported: 'carousel components' })).toBe(false);
  });

  it('names statuses the way the app shows them', () => {
    expect(statusInfo(shipped)).toEqual({ label: 'Approved', tone: 'success' });
    expect(statusInfo({ ...shipped, status: 'REJECTED' })).toEqual({ label: 'Rejected', tone: 'danger' });
    expect(statusInfo({ ...shipped, status: 'PAUSED' })).toEqual({ label: 'Paused', tone: 'warning' });
    expect(statusInfo({ ...shipped, status: 'PENDING' })).toEqual({ label: 'In review', tone: 'warning' });
    expect(statusInfo({ ...shipped, status: 'PENDING_DELETION' })).toEqual({ label: 'Pending deletion', tone: 'neutral' });
    expect(statusInfo({ ...shipped, unsupported: 'otp buttons' }).label).toBe('Not supported');
  });

  it('names languages', () => {
    expect(languageName('en_US')).toBe('English (United States)');
    expect(languageName('xx_not a tag')).toBe('xx_not a tag');
  });
});
