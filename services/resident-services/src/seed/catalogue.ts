import { SERVICE_CATEGORIES } from '@sanshe/seed-fixtures';
import type { AttributeDefinition, Catalogue, Channel, ServiceCategory, ServiceItem } from '../domain/model';

/**
 * The resident service catalogue (12 categories, 120 services): codes and names come from
 * the shared fixtures; intake questions, service levels and channels are defined here, per
 * category, with a few services that differ. The seed writes it to the service's store; the service
 * reads it from there.
 */

type AttributeSpec = Omit<AttributeDefinition, 'order' | 'values' | 'min' | 'max'> & {
  values?: [string, string][];
  min?: number;
  max?: number;
};

const list = (
  code: string,
  description: string,
  values: [string, string][],
  required = true,
  datatype: 'SINGLE_VALUE_LIST' | 'MULTI_VALUE_LIST' = 'SINGLE_VALUE_LIST',
): AttributeSpec => ({
  code,
  description,
  datatype,
  required,
  values,
});
const text = (code: string, description: string, required = true): AttributeSpec => ({ code, description, datatype: 'TEXT', required });
const when = (code: string, description: string, required = false): AttributeSpec => ({
  code,
  description,
  datatype: 'DATETIME',
  required,
});
const number = (code: string, description: string, min: number, max: number, required = true): AttributeSpec => ({
  code,
  description,
  datatype: 'NUMBER',
  required,
  min,
  max,
});
const string = (code: string, description: string, required = false): AttributeSpec => ({
  code,
  description,
  datatype: 'STRING',
  required,
});

const REPLY_BY = list('replyBy', '答复方式', [
  ['PHONE', '电话'],
  ['SMS', '短信'],
  ['IN_PERSON', '当面'],
]);
const URGENCY = list('urgency', '紧急程度', [
  ['NORMAL', '一般'],
  ['URGENT', '紧急'],
]);

interface CategoryProfile {
  description: string;
  respondWithinHours: number;
  resolveWithinDays: number;
  doorToDoor: boolean;
  attributes: AttributeSpec[];
}

const PROFILES: Record<string, CategoryProfile> = {
  POLICY_INFO: {
    description: '政策咨询与信息查询，专人答复。',
    respondWithinHours: 24,
    resolveWithinDays: 5,
    doorToDoor: true,
    attributes: [text('question', '想咨询的问题'), REPLY_BY],
  },
  ELDERLY_CARE: {
    description: '居家养老服务，由签约社会组织上门提供。',
    respondWithinHours: 2,
    resolveWithinDays: 3,
    doorToDoor: true,
    attributes: [
      when('preferredTime', '希望服务时间', true),
      list('mobility', '行动能力', [
        ['INDEPENDENT', '可自理'],
        ['NEEDS_HELP', '需要协助'],
        ['BEDRIDDEN', '卧床'],
      ]),
      text('notes', '其他说明', false),
    ],
  },
  CHILD_FAMILY: {
    description: '儿童关爱与家庭支持服务。',
    respondWithinHours: 24,
    resolveWithinDays: 7,
    doorToDoor: false,
    attributes: [number('childAge', '儿童年龄（岁）', 0, 18), when('preferredTime', '希望服务时间')],
  },
  LEGAL_AID: {
    description: '法律咨询与法律援助，由律师和法律服务社会组织提供。',
    respondWithinHours: 24,
    resolveWithinDays: 10,
    doorToDoor: true,
    attributes: [text('matter', '事由'), URGENCY],
  },
  MEDIATION: {
    description: '邻里、家庭、物业等矛盾纠纷调解。',
    respondWithinHours: 24,
    resolveWithinDays: 10,
    doorToDoor: true,
    attributes: [text('matter', '纠纷情况'), string('otherParty', '对方（楼栋、单位等）'), when('since', '开始时间')],
  },
  PSYCHOLOGY: {
    description: '心理咨询与心理支持，由专业心理咨询机构提供。',
    respondWithinHours: 24,
    resolveWithinDays: 7,
    doorToDoor: true,
    attributes: [
      list('mode', '服务方式', [
        ['IN_PERSON', '到场'],
        ['PHONE', '电话'],
        ['HOME_VISIT', '上门'],
      ]),
      URGENCY,
    ],
  },
  HOUSING_REPAIR: {
    description: '住房与公共设施报修，限时上门维修。',
    respondWithinHours: 4,
    resolveWithinDays: 3,
    doorToDoor: true,
    attributes: [
      list('location', '报修部位', [
        ['KITCHEN', '厨房'],
        ['BATHROOM', '卫生间'],
        ['ROOM', '居室'],
        ['STAIRWELL', '楼道'],
        ['ELEVATOR', '电梯'],
        ['ROOF', '屋顶'],
        ['OUTDOOR', '室外'],
        ['OTHER', '其他'],
      ]),
      text('problem', '故障情况'),
      when('availableFrom', '可上门时间'),
    ],
  },
  EMPLOYMENT: {
    description: '就业创业服务。',
    respondWithinHours: 48,
    resolveWithinDays: 10,
    doorToDoor: false,
    attributes: [
      string('desiredJob', '意向岗位'),
      list(
        'skills',
        '技能',
        [
          ['DRIVING', '驾驶'],
          ['COOKING', '烹饪'],
          ['CARE', '护理'],
          ['COMPUTER', '电脑'],
          ['TRADE', '技工'],
          ['OTHER', '其他'],
        ],
        false,
        'MULTI_VALUE_LIST',
      ),
    ],
  },
  HEALTH: {
    description: '健康服务，由社区卫生服务中心和签约机构提供。',
    respondWithinHours: 8,
    resolveWithinDays: 5,
    doorToDoor: true,
    attributes: [
      when('preferredTime', '希望服务时间', true),
      list(
        'conditions',
        '慢病情况',
        [
          ['HYPERTENSION', '高血压'],
          ['DIABETES', '糖尿病'],
          ['HEART', '心脏病'],
          ['OTHER', '其他'],
          ['NONE', '无'],
        ],
        false,
        'MULTI_VALUE_LIST',
      ),
    ],
  },
  CULTURE: {
    description: '社区文化体育活动与场地服务。',
    respondWithinHours: 48,
    resolveWithinDays: 7,
    doorToDoor: false,
    attributes: [number('participants', '参加人数', 1, 50), when('preferredTime', '希望时间')],
  },
  VOLUNTEERING: {
    description: '志愿服务与润贤银行相关服务。',
    respondWithinHours: 48,
    resolveWithinDays: 7,
    doorToDoor: false,
    attributes: [
      list(
        'availability',
        '可服务时间',
        [
          ['WEEKDAY_DAYTIME', '工作日白天'],
          ['WEEKDAY_EVENING', '工作日晚上'],
          ['WEEKEND', '周末'],
        ],
        false,
        'MULTI_VALUE_LIST',
      ),
      text('notes', '其他说明', false),
    ],
  },
  COMMUNITY_AFFAIRS: {
    description: '社区事务办理、投诉与建议。',
    respondWithinHours: 24,
    resolveWithinDays: 5,
    doorToDoor: true,
    attributes: [text('subject', '事项说明'), REPLY_BY],
  },
};

/** Services whose service level or questions differ from their category's. */
const OVERRIDES: Record<string, Partial<CategoryProfile>> = {
  // 助餐送餐
  'C02-01': {
    attributes: [
      number('mealsPerDay', '每日餐数', 1, 3),
      list(
        'diet',
        '饮食要求',
        [
          ['LOW_SALT', '低盐'],
          ['LOW_SUGAR', '低糖'],
          ['SOFT', '软烂'],
          ['VEGETARIAN', '素食'],
        ],
        false,
        'MULTI_VALUE_LIST',
      ),
      when('startFrom', '开始日期', true),
    ],
  },
  // 紧急呼叫响应
  'C02-07': { respondWithinHours: 1, resolveWithinDays: 1, attributes: [text('situation', '紧急情况')] },
  // 心理危机干预
  'C06-02': {
    respondWithinHours: 1,
    resolveWithinDays: 1,
    attributes: [
      text('situation', '情况说明'),
      list('mode', '服务方式', [
        ['PHONE', '电话'],
        ['HOME_VISIT', '上门'],
      ]),
    ],
  },
  // 电梯故障报修
  'C07-06': { respondWithinHours: 2, resolveWithinDays: 2 },
  // 开锁换锁
  'C07-10': { respondWithinHours: 1, resolveWithinDays: 1 },
  // 场地预约: a booking, never taken at the door.
  'C10-02': {
    doorToDoor: false,
    attributes: [number('participants', '参加人数', 1, 200), when('from', '开始时间', true), when('until', '结束时间', true)],
  },
};

function attribute(spec: AttributeSpec, order: number): AttributeDefinition {
  return {
    code: spec.code,
    description: spec.description,
    datatype: spec.datatype,
    required: spec.required,
    order,
    values: (spec.values ?? []).map(([key, name]) => ({ key, name })),
    min: spec.min ?? null,
    max: spec.max ?? null,
  };
}

function channelsOf(doorToDoor: boolean): Channel[] {
  return doorToDoor ? ['WEB', 'APP', 'CALL_CENTER', 'DOOR_TO_DOOR'] : ['WEB', 'APP', 'CALL_CENTER'];
}

export function buildCatalogue(): Catalogue {
  const categories: ServiceCategory[] = SERVICE_CATEGORIES.map((c, i) => ({ _id: c.code, key: c.key, name: c.name, order: i + 1 }));
  const items: ServiceItem[] = SERVICE_CATEGORIES.flatMap((category) => {
    const profile = PROFILES[category.key];
    if (!profile) throw new Error(`the catalogue has no profile for category ${category.key}`);
    return category.items.map((item, i) => {
      const p = { ...profile, ...OVERRIDES[item.code] };
      return {
        _id: item.code,
        name: item.name,
        categoryCode: category.code,
        description: `${item.name}（${category.name}）：${p.description}`,
        order: i + 1,
        attributes: p.attributes.map((spec, n) => attribute(spec, n + 1)),
        respondWithinHours: p.respondWithinHours,
        resolveWithinDays: p.resolveWithinDays,
        channels: channelsOf(p.doorToDoor),
        doorToDoor: p.doorToDoor,
      };
    });
  });
  return { categories, items };
}
