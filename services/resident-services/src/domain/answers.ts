import { BadInputError } from '@sanshe/domain-kit';
import type { AttributeAnswer, AttributeDefinition, ServiceItem } from './model';

export interface AnswerInput {
  code: string;
  value?: string | null;
  values?: readonly string[] | null;
}

const MAX_LENGTH = { STRING: 200, TEXT: 2000 } as const;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The field a refused answer is reported under: `answers.<attribute code>`. */
export const answerField = (code: string) => `answers.${code}`;

function refuse(attribute: AttributeDefinition, item: ServiceItem, problem: string): never {
  throw new BadInputError(
    answerField(attribute.code),
    `Answer "${attribute.code}" (${attribute.description}) of service ${item._id} ${item.name} ${problem}`,
  );
}

function allowedKeys(attribute: AttributeDefinition): string {
  return attribute.values.map((v) => v.key).join(', ');
}

function checkSingle(attribute: AttributeDefinition, item: ServiceItem, value: string): string {
  switch (attribute.datatype) {
    case 'STRING':
    case 'TEXT': {
      const max = MAX_LENGTH[attribute.datatype];
      if (value.length > max) refuse(attribute, item, `has at most ${max} characters.`);
      return value;
    }
    case 'NUMBER': {
      if (!DECIMAL.test(value)) refuse(attribute, item, `must be a number, e.g. 2.`);
      const n = Number(value);
      if (attribute.min !== null && n < attribute.min) refuse(attribute, item, `must be at least ${attribute.min}.`);
      if (attribute.max !== null && n > attribute.max) refuse(attribute, item, `must be at most ${attribute.max}.`);
      return String(n);
    }
    case 'DATETIME': {
      const date = new Date(value);
      if (!ISO_DATE_TIME.test(value) || Number.isNaN(date.getTime()))
        refuse(attribute, item, `must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+08:00.`);
      return date.toISOString();
    }
    case 'SINGLE_VALUE_LIST':
      if (!attribute.values.some((v) => v.key === value)) refuse(attribute, item, `must be one of ${allowedKeys(attribute)}.`);
      return value;
    case 'MULTI_VALUE_LIST':
      return refuse(attribute, item, 'takes its answers in "values", not "value".');
  }
}

function checkAnswer(attribute: AttributeDefinition, item: ServiceItem, input: AnswerInput | undefined): AttributeAnswer | null {
  if (attribute.datatype === 'MULTI_VALUE_LIST') {
    if (input?.value != null && input.value.trim() !== '') refuse(attribute, item, 'takes its answers in "values", not "value".');
    const values = (input?.values ?? []).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) {
      if (attribute.required) refuse(attribute, item, 'is required.');
      return null;
    }
    for (const v of values)
      if (!attribute.values.some((a) => a.key === v))
        refuse(attribute, item, `has "${v}"; each value must be one of ${allowedKeys(attribute)}.`);
    if (new Set(values).size !== values.length) refuse(attribute, item, 'lists a value twice.');
    return { code: attribute.code, value: null, values };
  }
  if (input?.values && input.values.length > 0) refuse(attribute, item, 'takes one answer in "value", not "values".');
  const value = input?.value?.trim() ?? '';
  if (value === '') {
    if (attribute.required) refuse(attribute, item, 'is required.');
    return null;
  }
  return { code: attribute.code, value: checkSingle(attribute, item, value), values: [] };
}

/**
 * Checks intake answers against the service's attribute definitions and returns them
 * normalised, in the definition's order. A refusal names the attribute in `field`.
 */
export function validateAnswers(item: ServiceItem, inputs: readonly AnswerInput[] | null | undefined): AttributeAnswer[] {
  const byCode = new Map<string, AnswerInput>();
  for (const input of inputs ?? []) {
    const code = input.code.trim();
    if (!item.attributes.some((a) => a.code === code)) {
      const asked = item.attributes.map((a) => a.code).join(', ');
      throw new BadInputError(answerField(code), `Service ${item._id} ${item.name} asks no question "${code}"; it asks ${asked}.`);
    }
    if (byCode.has(code)) throw new BadInputError(answerField(code), `Answer "${code}" is given twice.`);
    byCode.set(code, input);
  }
  return [...item.attributes]
    .sort((a, b) => a.order - b.order)
    .map((attribute) => checkAnswer(attribute, item, byCode.get(attribute.code)))
    .filter((a): a is AttributeAnswer => a !== null);
}
