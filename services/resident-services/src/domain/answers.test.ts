import { BadInputError } from '@sanshe/domain-kit';
import { validateAnswers } from './answers';
import type { ServiceItem } from './model';

const item: ServiceItem = {
  _id: 'C99-01',
  name: '测试服务',
  categoryCode: 'C99',
  description: '',
  order: 1,
  respondWithinHours: 4,
  resolveWithinDays: 3,
  channels: ['WEB', 'APP', 'CALL_CENTER'],
  doorToDoor: false,
  attributes: [
    { code: 'count', description: '数量', datatype: 'NUMBER', required: true, order: 1, values: [], min: 1, max: 3 },
    { code: 'when', description: '时间', datatype: 'DATETIME', required: false, order: 2, values: [], min: null, max: null },
    {
      code: 'kind',
      description: '类型',
      datatype: 'SINGLE_VALUE_LIST',
      required: false,
      order: 3,
      values: [
        { key: 'A', name: '甲' },
        { key: 'B', name: '乙' },
      ],
      min: null,
      max: null,
    },
    {
      code: 'tags',
      description: '标签',
      datatype: 'MULTI_VALUE_LIST',
      required: false,
      order: 4,
      values: [
        { key: 'X', name: '叉' },
        { key: 'Y', name: '歪' },
      ],
      min: null,
      max: null,
    },
    { code: 'note', description: '说明', datatype: 'STRING', required: false, order: 5, values: [], min: null, max: null },
  ],
};

function refusedField(answers: Parameters<typeof validateAnswers>[1]): string {
  try {
    validateAnswers(item, answers);
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return (err as BadInputError).field;
  }
  throw new Error('the answers were accepted');
}

describe('intake answers', () => {
  it('keeps valid answers normalised, in the order of the definition', () => {
    expect(
      validateAnswers(item, [
        { code: 'tags', values: ['Y', 'X'] },
        { code: 'when', value: '2026-12-01T09:00:00+08:00' },
        { code: 'count', value: ' 2 ' },
        { code: 'kind', value: 'B' },
      ]),
    ).toEqual([
      { code: 'count', value: '2', values: [] },
      { code: 'when', value: '2026-12-01T01:00:00.000Z', values: [] },
      { code: 'kind', value: 'B', values: [] },
      { code: 'tags', value: null, values: ['Y', 'X'] },
    ]);
  });

  it('leaves out optional attributes nobody answered', () => {
    expect(
      validateAnswers(item, [
        { code: 'count', value: '1' },
        { code: 'note', value: '  ' },
      ]),
    ).toEqual([{ code: 'count', value: '1', values: [] }]);
  });

  it.each([
    ['a missing required answer', [], 'answers.count'],
    ['a number out of bounds', [{ code: 'count', value: '4' }], 'answers.count'],
    ['a number that is not one', [{ code: 'count', value: '2x' }], 'answers.count'],
    [
      'a date-time without a zone',
      [
        { code: 'count', value: '1' },
        { code: 'when', value: '2026-12-01T09:00' },
      ],
      'answers.when',
    ],
    [
      'a value outside the list',
      [
        { code: 'count', value: '1' },
        { code: 'kind', value: 'C' },
      ],
      'answers.kind',
    ],
    [
      'a list answer given as a single value',
      [
        { code: 'count', value: '1' },
        { code: 'tags', value: 'X' },
      ],
      'answers.tags',
    ],
    [
      'a value listed twice',
      [
        { code: 'count', value: '1' },
        { code: 'tags', values: ['X', 'X'] },
      ],
      'answers.tags',
    ],
    [
      'several values for a single-valued attribute',
      [
        { code: 'count', value: '1' },
        { code: 'kind', values: ['A', 'B'] },
      ],
      'answers.kind',
    ],
    [
      'an attribute the service does not ask',
      [
        { code: 'count', value: '1' },
        { code: 'colour', value: 'red' },
      ],
      'answers.colour',
    ],
    [
      'the same attribute answered twice',
      [
        { code: 'count', value: '1' },
        { code: 'count', value: '2' },
      ],
      'answers.count',
    ],
    [
      'a string that is too long',
      [
        { code: 'count', value: '1' },
        { code: 'note', value: 'x'.repeat(201) },
      ],
      'answers.note',
    ],
  ])('refuses %s, naming the attribute', (_what, answers, field) => {
    expect(refusedField(answers)).toBe(field);
  });
});
