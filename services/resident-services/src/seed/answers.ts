import type { SeededRandom } from '@sanshe/seed-fixtures';
import type { AnswerInput } from '../domain/answers';
import type { ServiceItem } from '../domain/model';

const TEXTS = ['具体情况电话沟通', '希望尽快安排', '家中只有老人，请提前电话联系', '上午在家，下午不方便', '情况比较急，麻烦尽快处理'];
const STRINGS = ['楼上住户', '物业公司', '对门邻居', '社区超市', '家政服务员'];
const SUMMARIES = ['请尽快联系', '上午在家', '下午方便', '需要上门', '电话联系即可'];

/** Answers a resident would give: every required attribute, about half of the optional ones, all valid. */
export function sampleAnswers(item: ServiceItem, submittedAt: Date, rng: SeededRandom): AnswerInput[] {
  const answers: AnswerInput[] = [];
  for (const attribute of item.attributes) {
    if (!attribute.required && rng.chance(0.5)) continue;
    switch (attribute.datatype) {
      case 'TEXT':
        answers.push({ code: attribute.code, value: rng.pick(TEXTS) });
        break;
      case 'STRING':
        answers.push({ code: attribute.code, value: rng.pick(STRINGS) });
        break;
      case 'NUMBER':
        answers.push({
          code: attribute.code,
          value: String(rng.int(attribute.min ?? 0, Math.min(attribute.max ?? 10, (attribute.min ?? 0) + 10))),
        });
        break;
      case 'DATETIME':
        answers.push({ code: attribute.code, value: new Date(submittedAt.getTime() + rng.int(1, 72) * 3_600_000).toISOString() });
        break;
      case 'SINGLE_VALUE_LIST':
        answers.push({ code: attribute.code, value: rng.pick(attribute.values).key });
        break;
      case 'MULTI_VALUE_LIST':
        answers.push({ code: attribute.code, values: [...new Set([rng.pick(attribute.values).key, rng.pick(attribute.values).key])] });
        break;
    }
  }
  return answers;
}

export function sampleSummary(item: ServiceItem, rng: SeededRandom): string {
  return `${item.name}：${rng.pick(SUMMARIES)}`;
}
