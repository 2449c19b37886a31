import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** 活动 — an activity held in a community (a neighbourhood-school class, a teahouse afternoon…). */
export type Activity = {
  capacity: Scalars['Int']['output'];
  category: Scalars['String']['output'];
  community: Community;
  endsAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  startsAt: Scalars['String']['output'];
  status: ActivityStatus;
  title: Scalars['String']['output'];
};

export type ActivityStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'PUBLISHED';

/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type Community = {
  /** Published activities of the community, soonest first. */
  activities: Array<Activity>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Activities published in this community, as learned from the activities subgraph's events. */
  publishedActivityCount: Scalars['Int']['output'];
  streetId: Scalars['ID']['output'];
  /** Urban communities have a service hall; rural ones are village-style. */
  urban: Scalars['Boolean']['output'];
};

export type CreateActivityInput = {
  capacity: Scalars['Int']['input'];
  category: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  endsAt: Scalars['String']['input'];
  startsAt: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type CreateCommunityInput = {
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  streetId: Scalars['ID']['input'];
  urban: Scalars['Boolean']['input'];
};

export type Mutation = {
  /** Creates a draft activity. */
  createActivity: Activity;
  createCommunity: Community;
  /** Publishes a draft (活动发布); emits activity.published. */
  publishActivity: Activity;
};


export type MutationCreateActivityArgs = {
  input: CreateActivityInput;
};


export type MutationCreateCommunityArgs = {
  input: CreateCommunityInput;
};


export type MutationPublishActivityArgs = {
  id: Scalars['ID']['input'];
};

export type Query = {
  activity?: Maybe<Activity>;
  communities: Array<Community>;
  community?: Maybe<Community>;
};


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCommunitiesArgs = {
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCommunityArgs = {
  id: Scalars['ID']['input'];
};

export type CommunityActivitiesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CommunityActivitiesQuery = { community?: { id: string, name: string, activities: Array<{ id: string, title: string, startsAt: string, status: ActivityStatus }> } | null };


export const CommunityActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommunityActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"community"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CommunityActivitiesQuery, CommunityActivitiesQueryVariables>;