import { randomInt } from 'node:crypto';
import { authorize, BadInputError, NotFoundError, UnauthenticatedError } from '@sanshe/domain-kit';
import { residentPolicy, staffPolicy } from './access';
import { validateAnswers, type AnswerInput } from './answers';
import { compactDay } from './calendar';
import { ASSISTED_CHANNELS, CHANNELS, type AssistedIntake, type Channel, type ConsentMethod, type ServiceOrder } from './model';
import { newOrder } from './new-order';
import { ORDER_EVENT_TYPES, submittedData } from './order-events';
import { actingRole, optionalText } from './order-transition';
import type { Caller, CatalogueStore, Clock, DeadlineWatch, Directory, Events, OrderStore } from './ports';
import { deadlinesFor } from './sla';

export interface SubmitOrderInput {
  itemCode: string;
  channel: string;
  residentId?: string | null;
  contactPhone: string;
  address?: string | null;
  summary?: string | null;
  answers?: readonly AnswerInput[] | null;
  staffMember?: { id: string; name: string } | null;
  consent?: { given: boolean; method: ConsentMethod } | null;
}

export interface IntakeDeps {
  orders: OrderStore;
  catalogue: CatalogueStore;
  directory: Directory;
  watch: DeadlineWatch;
  events: Events;
  now: Clock;
}

/** A mobile number (13812345678) or a landline with area code (0379-64321234). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L, U). */
const TAG_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Four random characters: 810,000 possibilities, so knowing one number tells nothing of the next. */
export const randomOrderTag = () => Array.from({ length: 4 }, () => TAG_ALPHABET[randomInt(TAG_ALPHABET.length)]).join('');

/**
 * JX-20261127-000123-K7QM: the district (涧西), the day, the day's sequence and a random tag.
 * The sequence keeps numbers in order; the tag keeps them from being enumerated.
 */
export const orderNumber = (day: string, sequence: number, tag: string = randomOrderTag()) =>
  `JX-${day}-${String(sequence).padStart(6, '0')}-${tag}`;
/** The day's sequence inside an order number (JX-<day>-<sequence>-<tag>). */
export const sequenceOf = (orderNumber: string): number => Number(orderNumber.split('-')[2]);

function parseChannel(value: string): Channel {
  if (!(CHANNELS as readonly string[]).includes(value)) throw new BadInputError('channel', `channel is one of ${CHANNELS.join(', ')}.`);
  return value as Channel;
}

/** Who took a call-centre or door-to-door order, and the resident's consent: both required. */
function assistedIntake(channel: Channel, input: SubmitOrderInput, userId: string): AssistedIntake | null {
  if (!ASSISTED_CHANNELS.includes(channel)) {
    if (input.staffMember || input.consent) {
      throw new BadInputError(
        input.staffMember ? 'staffMember' : 'consent',
        `A ${channel} order is submitted by the resident themself; staffMember and consent belong to CALL_CENTER and DOOR_TO_DOOR orders.`,
      );
    }
    return null;
  }
  const staffId = input.staffMember?.id.trim();
  const staffName = input.staffMember?.name.trim();
  if (!input.staffMember)
    throw new BadInputError(
      'staffMember',
      `A ${channel} order must name the staff member who took it on the resident's behalf: give staffMember { id name }.`,
    );
  if (!staffId) throw new BadInputError('staffMember.id', 'staffMember.id may not be empty.');
  if (!staffName) throw new BadInputError('staffMember.name', 'staffMember.name may not be empty.');
  if (!input.consent)
    throw new BadInputError(
      'consent',
      `A ${channel} order needs the resident's consent to act on their behalf: give consent { given method }.`,
    );
  if (input.consent.given !== true)
    throw new BadInputError('consent.given', "Without the resident's consent the order cannot be taken on their behalf.");
  return { staffMemberId: staffId, staffMemberName: staffName, enteredBy: userId, consentMethod: input.consent.method };
}

function residentOf(channel: Channel, input: SubmitOrderInput, callerResidentId: string | null): string {
  const given = input.residentId?.trim() || null;
  if (ASSISTED_CHANNELS.includes(channel)) {
    if (!given) throw new BadInputError('residentId', `A ${channel} order is entered for a resident: give residentId.`);
    return given;
  }
  const residentId = given ?? callerResidentId;
  if (!residentId)
    throw new BadInputError('residentId', `A ${channel} order is submitted by a signed-in resident; your token carries no residentId.`);
  return residentId;
}

/**
 * 随时下单: a resident orders a service on the web or in the app; staff enter call-centre
 * and door-to-door orders for residents who cannot go out or use the system. The order,
 * its first timeline step and its event are written in one insert; its deadlines are
 * watched from the start.
 */
export async function submitOrder(input: SubmitOrderInput, caller: Caller, deps: IntakeDeps): Promise<ServiceOrder> {
  const { identity } = caller;
  if (identity.userId === null)
    throw new UnauthenticatedError('Sign in first: to submit a service order you need an authenticated caller.');
  const channel = parseChannel(input.channel);
  const assistance = assistedIntake(channel, input, identity.userId);
  const residentId = residentOf(channel, input, identity.residentId);
  const contactPhone = input.contactPhone.replace(/\s+/g, '');
  if (!PHONE.test(contactPhone))
    throw new BadInputError(
      'contactPhone',
      'contactPhone is a mobile number (11 digits) or a landline with its area code, e.g. 0379-64321234.',
    );
  const address = optionalText('address', input.address, 200);
  const summary = optionalText('summary', input.summary, 500);

  const item = await deps.catalogue.item(input.itemCode);
  if (!item) throw new NotFoundError('ServiceItem', input.itemCode);
  if (!item.channels.includes(channel))
    throw new BadInputError(
      'channel',
      `Service ${item._id} ${item.name} cannot be ordered ${channel}; it takes ${item.channels.join(', ')}.`,
    );
  const answers = validateAnswers(item, input.answers);

  const resident = await deps.directory.resident(residentId);
  if (!resident) throw new NotFoundError('Resident', residentId);
  const action = `submit a ${channel} service order for resident ${residentId}`;
  const policy = assistance ? staffPolicy(resident, action) : residentPolicy(residentId, action);
  authorize(identity, policy);

  const now = deps.now();
  const id = orderNumber(compactDay(now), await deps.orders.nextSequence(compactDay(now)));
  const { respondBy, resolveBy } = deadlinesFor(item, now);
  const order = newOrder({
    id,
    residentId,
    communityId: resident.communityId,
    streetId: resident.streetId,
    itemCode: item._id,
    categoryCode: item.categoryCode,
    channel,
    contactPhone,
    address,
    summary,
    answers,
    assistance,
    submittedAt: now,
    respondBy,
    resolveBy,
  });
  const event = deps.events.create(ORDER_EVENT_TYPES.SUBMIT, id, submittedData(order), caller.traceparent);
  order.timeline.push({
    eventId: event.id,
    action: 'SUBMIT',
    from: null,
    to: 'SUBMITTED',
    at: now,
    by: identity.userId,
    byRole: actingRole(identity, [policy]),
    note: summary,
    providerOrgId: null,
  });
  // Watched before it exists: a watch without an order is dropped by the sweep, an order without a watch would never be escalated.
  await deps.watch.watch({ orderId: id, respondBy, resolveBy, nextCheckAt: respondBy });
  return deps.orders.insert(order, [event]);
}
