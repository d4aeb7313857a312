import { describe, expect, it } from 'vitest';
import { matchAnswer, normalizeAnswer, SYNONYMS } from '../../src/domain/answer-match';

describe('matchAnswer', () => {
  // [typed, expected, accepted]
  const cases: [string, string, boolean][] = [
    ['osteosarcoma', 'Osteosarcoma (OS).', true],
    ['OS', 'Osteosarcoma (OS).', true],
    ['  OSTEOSARCOMA!! ', 'Osteosarcoma (OS).', true],
    ['Ewing’s sarcoma', 'Ewing sarcoma (ES).', true],
    ['chondrosarcoma', 'Osteosarcoma (OS).', false],
    ['LMS', 'Leiomyosarcoma.', true],
    ['leiomyosarcoma', 'LMS', true],
    ['UPS', 'Undifferentiated pleomorphic sarcoma', true],
    ['MFH', 'Undifferentiated pleomorphic sarcoma (UPS)', true],
    ['malignant fibrous histiocytoma', 'UPS', true],
    ['RMS', 'Rhabdomyosarcoma', true],
    ['rhabdomyosarcoma', 'Leiomyosarcoma', false],
    ['SRS', 'Stereotactic radiosurgery', true],
    ['stereotactic radiosurgery', 'SRS.', true],
    ['WBRT', 'Whole-brain radiotherapy', true],
    ['whole brain radiation therapy', 'WBRT', true],
    ['SRS', 'WBRT', false],
    ['sarcome', 'Sarcomé', true],
    ['Positively', 'Positively.', true],
    ['negatively', 'Positively.', false],
    ['15-24', '15–24 Gy', true],
    ['15 to 24', '15–24 Gy', true],
    ['15 - 24 Gy', '15–24 Gy', true],
    ['15-24 gray', '15–24 Gy', true],
    ['15-25', '15–24 Gy', false],
    ['24-15', '15–24 Gy', false],
    ['15', '15–24 Gy', false],
    ['15-24 cGy', '15–24 Gy', false],
    ['30%', '30 %', true],
    ['30 percent', '30%', true],
    ['30 per cent', 'About 30%.', true],
    ['30', '30%', false],
    ['31%', '30%', false],
    ['64%', 'Frequently, in 64%.', true],
    ['in 64%', 'Frequently, in 64%.', true],
    ['rarely, in 64%', 'Frequently, in 64%.', false],
    ['10-20%', '10%–20%', true],
    ['2,5 cm', '2.5 cm', true],
    ['', 'Positively.', false],
    ['...', 'Positively.', false],
    [
      'Renal cell carcinoma and melanoma',
      'Renal cell carcinoma and melanoma.\n\nBoth are radioresistant.',
      true,
    ],
  ];
  it.each(cases)('%j for %j: %s', (given, expected, accepted) => {
    expect(matchAnswer(given, expected)).toBe(accepted);
  });
});

describe('normalizeAnswer', () => {
  it('keeps a canonical form that contains one of its aliases', () => {
    expect(normalizeAnswer('Stereotactic radiosurgery')).toBe('stereotactic radiosurgery');
    expect(normalizeAnswer('radiosurgery')).toBe('stereotactic radiosurgery');
  });

  it('lists every synonym form in comparable form, each form in one row only', () => {
    const forms = SYNONYMS.flat();
    for (const form of forms) expect(normalizeAnswer(form).length).toBeGreaterThan(0);
    expect(new Set(forms).size).toBe(forms.length);
  });
});
