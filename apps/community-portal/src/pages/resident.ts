import { dateTime, errorList, h, whenDone } from '../dom';
import { run } from '../graph';
import type { AttributeAnswerInput, ServiceCatalogQuery } from '../gql/graphql';
import { RegisterForActivity, ResidentPage, ServiceCatalog, SubmitServiceOrder } from '../operations';
import { session } from '../session';

type Item = ServiceCatalogQuery['serviceCatalog']['categories'][number]['items'][number];
type Attribute = Item['attributes'][number];

/** 居民 — the signed-in resident: points, activities to register for, a service order to submit. */
export async function residentPage(): Promise<HTMLElement> {
  const page = h('section', { 'data-testid': 'resident-page' }, h('h1', {}, '我的'));
  if (session.role !== 'RESIDENT') {
    page.append(h('p', {}, '请先以居民 (RESIDENT) 身份登录。'));
    return page;
  }
  const [mine, catalog] = await Promise.all([run(ResidentPage, { from: new Date().toISOString() }), run(ServiceCatalog)]);
  page.append(errorList(mine.errors));
  const points = mine.data?.myPointsAccount;
  page.append(
    h(
      'p',
      { 'data-testid': 'points' },
      points ? `积分余额 ${points.balance} · 累计获得 ${points.earnedPoints}` : '还没有积分账户（第一次获得积分时开立）',
    ),
  );

  page.append(h('h2', {}, '可报名活动'));
  const list = h('ul', { 'data-testid': 'activities' });
  for (const { node: a } of mine.data?.activities.edges ?? []) {
    const button = h('button', { type: 'button', 'data-testid': `register-${a.id}` }, '报名');
    const item = h(
      'li',
      {},
      `${dateTime(a.startsAt)} ${a.title} — 余位 `,
      h('span', { 'data-testid': `seats-${a.id}` }, String(a.seatsLeft)),
      `/${a.capacity} `,
      button,
    );
    button.addEventListener(
      'click',
      whenDone(async () => {
        button.disabled = true;
        const { data, errors } = await run(RegisterForActivity, { activityId: a.id });
        if (data) {
          item.querySelector(`[data-testid="seats-${a.id}"]`)!.textContent = String(data.registerForActivity.activity.seatsLeft);
          button.replaceWith(
            h(
              'span',
              { 'data-testid': `registration-${a.id}` },
              data.registerForActivity.status === 'WAITLISTED' ? `候补第 ${data.registerForActivity.waitlistPosition} 位` : '已报名',
            ),
          );
        } else {
          button.disabled = false;
          item.append(errorList(errors));
        }
      }),
    );
    list.append(item);
  }
  page.append(list);

  page.append(
    h('h2', {}, '我的工单'),
    h(
      'ul',
      { 'data-testid': 'my-orders' },
      ...(mine.data?.myServiceOrders.edges ?? []).map(({ node: o }) =>
        h('li', {}, `${o.number} ${o.item.name} · ${o.status} · ${dateTime(o.submittedAt)}`),
      ),
    ),
  );
  page.append(
    h('h2', {}, '提交工单'),
    errorList(catalog.errors),
    orderForm(catalog.data?.serviceCatalog.categories.flatMap((c) => c.items) ?? []),
  );
  return page;
}

function attributeInput(attribute: Attribute): HTMLElement {
  const name = `answer:${attribute.code}`;
  const required = attribute.required ? '' : undefined;
  switch (attribute.datatype) {
    case 'SINGLE_VALUE_LIST':
      return h(
        'select',
        { name, required },
        h('option', { value: '' }, '—'),
        ...attribute.values.map((v) => h('option', { value: v.key }, v.name)),
      );
    case 'MULTI_VALUE_LIST':
      return h('span', {}, ...attribute.values.map((v) => h('label', {}, h('input', { type: 'checkbox', name, value: v.key }), v.name)));
    case 'DATETIME':
      return h('input', { type: 'datetime-local', name, required });
    case 'NUMBER':
      return h('input', { type: 'number', name, required, min: attribute.min?.toString(), max: attribute.max?.toString() });
    default:
      return h('input', { type: 'text', name, required });
  }
}

/** The order form: the item's own questions (its attributes) come from the catalogue. */
function orderForm(items: Item[]): HTMLElement {
  const web = items.filter((i) => i.channels.includes('WEB'));
  const select = h(
    'select',
    { name: 'itemCode', required: '' },
    h('option', { value: '' }, '选择服务'),
    ...web.map((i) => h('option', { value: i.code }, `${i.code} ${i.name}`)),
  );
  const questions = h('div', { class: 'questions' });
  const status = h('div', { 'data-testid': 'order-result' });
  const form = h(
    'form',
    { 'data-testid': 'order-form' },
    h('label', {}, '服务 ', select),
    questions,
    h('label', {}, '联系电话 ', h('input', { name: 'contactPhone', type: 'tel', required: '' })),
    h('label', {}, '地址 ', h('input', { name: 'address', type: 'text' })),
    h('label', {}, '说明 ', h('input', { name: 'summary', type: 'text' })),
    h('button', { type: 'submit' }, '提交'),
    status,
  );
  select.addEventListener('change', () => {
    const item = web.find((i) => i.code === select.value);
    questions.replaceChildren(
      ...[...(item?.attributes ?? [])]
        .sort((a, b) => a.order - b.order)
        .map((a) => h('label', { 'data-attribute': a.code }, `${a.description} `, attributeInput(a))),
    );
  });
  form.addEventListener(
    'submit',
    whenDone(async (event) => {
      event.preventDefault();
      const item = web.find((i) => i.code === select.value);
      if (!item) return;
      const fields = new FormData(form);
      const answers = item.attributes.flatMap((a): AttributeAnswerInput[] => {
        const values = fields.getAll(`answer:${a.code}`).map(String).filter(Boolean);
        if (values.length === 0) return [];
        if (a.datatype === 'MULTI_VALUE_LIST') return [{ code: a.code, values }];
        // datetime-local has no zone: the district keeps Beijing time.
        return [{ code: a.code, value: a.datatype === 'DATETIME' ? `${values[0]}:00+08:00` : values[0] }];
      });
      const text = (name: string) => String(fields.get(name) ?? '').trim() || undefined;
      const { data, errors } = await run(SubmitServiceOrder, {
        input: {
          itemCode: item.code,
          channel: 'WEB',
          contactPhone: text('contactPhone') ?? '',
          address: text('address'),
          summary: text('summary'),
          answers,
        },
      });
      if (data) {
        status.replaceChildren(
          h('p', { 'data-testid': 'order-number' }, `已提交: ${data.submitServiceOrder.number}（${data.submitServiceOrder.status}）`),
        );
        const o = data.submitServiceOrder;
        form
          .closest('section')
          ?.querySelector('[data-testid=my-orders]')
          ?.prepend(h('li', {}, `${o.number} ${item.name} · ${o.status}`));
      } else status.replaceChildren(errorList(errors));
    }),
  );
  return form;
}
