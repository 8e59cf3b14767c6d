import { describe, expect, it } from 'vitest';
import { bundleFileName, importSummary, isNameConflict } from './bundle';

describe('bundle helpers', () => {
  it('names exports by date', () => {
    expect(bundleFileName(new Date(2025, 0, 5))).toBe('chatflow-bundle-2025-01-05.json');
  });
  it('recognizes name conflicts', () => {
    expect(isNameConflict('Flow "Support" already exists; import with replace to overwrite it.')).toBe(true);
    expect(isNameConflict('The file is not a chatflow bundle.')).toBe(false);
  });
  it('summarizes an import', () => {
    expect(importSummary({ created: ['a', 'b'], replaced: [], published: '' })).toBe('Imported: 2 added.');
    expect(importSummary({ created: ['a'], replaced: ['b'], published: 'Support' })).toBe(
      'Imported: 1 added, 1 replaced. "Support" is live.',
    );
    expect(importSummary({ created: [], replaced: [], published: '' })).toBe('Nothing to import.');
  });
});
