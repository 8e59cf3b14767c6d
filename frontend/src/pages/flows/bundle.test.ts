import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../lib/errors';
import { bundleFileName, importSummary, isNameConflict } from './bundle';

describe('bundle helpers', () => {
  it('names exports by date', () => {
    expect(bundleFileName(new Date(2025, 0, 5))).toBe('chatflow-bundle-2025-01-05.json');
  });
  it('recognizes name conflicts by their code, not their wording', () => {
    expect(isNameConflict(new AppError('Flow "Support": already exists; import with replace to overwrite it.', ErrorCode.Conflict))).toBe(true);
    expect(isNameConflict({ code: 'ECONFLICT', message: 'Anything at all.' })).toBe(true);
    expect(isNameConflict(new AppError('Flow "Support" already exists; but this is invalid.', ErrorCode.Invalid))).toBe(false);
    expect(isNameConflict('Flow "Support" already exists.')).toBe(false);
  });
  it('summarizes an import', () => {
    expect(importSummary({ created: ['a', 'b'], replaced: [], published: '' })).toBe('Imported: 2 added.');
    expect(importSummary({ created: ['a'], replaced: ['b'], published: 'Support' })).toBe(
      'Imported: 1 added, 1 replaced. "Support" is live.',
    );
    expect(importSummary({ created: [], replaced: [], published: '' })).toBe('Nothing to import.');
  });
});
