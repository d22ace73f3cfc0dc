import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from '../../src/lib/csv';

describe('toCsv', () => {
  it('joins cells with commas and ends every line with CRLF', () => {
    expect(toCsv([['Source', 'Leads'], ['Website', 5], ['Referral', 2]])).toBe('Source,Leads\r\nWebsite,5\r\nReferral,2\r\n');
  });

  it('quotes cells holding the separator, a quote or a line break, doubling the quotes', () => {
    expect(toCsv([['Müller, Hans', 'say "hi"', 'two\nlines', 'cr\rhere']])).toBe('"Müller, Hans","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('writes empty cells for null, undefined and numbers that are not finite', () => {
    expect(toCsv([[null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 0]])).toBe(',,,,0\r\n');
  });

  it('takes another separator and quotes for it', () => {
    expect(toCsv([['a;b', 'c,d', 1.5]], { separator: ';' })).toBe('"a;b";c,d;1.5\r\n');
  });
});

describe('csvCell formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+49 30 123', "'+49 30 123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('prefixes text starting a formula with an apostrophe: %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('leaves numbers as numbers, negative ones too, and ordinary text alone', () => {
    expect(csvCell(-0.125)).toBe('-0.125');
    expect(csvCell(1e-7)).toBe('1e-7');
    expect(csvCell('Key account')).toBe('Key account');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes a guarded cell that also holds the separator', () => {
    expect(csvCell('=1+2,3')).toBe(`"'=1+2,3"`);
  });
});

describe('csvFileName', () => {
  it('keeps letters, digits, dots, dashes and underscores, lower case', () => {
    expect(csvFileName('Leads by source', '2026-03-01')).toBe('leads-by-source-2026-03-01.csv');
    expect(csvFileName('Lead-Quellen (März)')).toBe('lead-quellen-m-rz.csv');
    expect(csvFileName('///')).toBe('export.csv');
  });
});
