/**
 * The report's party-building campaign, shared by the subgraphs that link to it:
 * activities owns it and its activities; credits links rewards to it by id.
 */
export interface CampaignFixture {
  id: string;
  name: string;
  theme: string;
  /** The working mechanism it belongs to. */
  mechanism: string;
  description: string;
  citation: string;
}

export const RUNXIAN_CAMPAIGN: CampaignFixture = {
  id: 'campaign-runxian',
  name: '“润”贤思齐、“润”行不息',
  theme: '传承红色基因、凝聚发展合力',
  mechanism: '党建+',
  description:
    'The party-building innovation campaign under which the district builds 润贤银行: social organizations link resources, and points reward good deeds and volunteering.',
  citation: '他们结合“‘润’贤思齐、‘润’行不息——传承红色基因、凝聚发展合力”党建创新提升活动,以社会组织链接、整合辖区各类资源,创办“润贤银行”',
};

/**
 * Which seeded activities belong to the campaign (demo data: the report names the campaign,
 * not its activities): the party-building ones.
 */
export const inRunxianCampaign = (activity: { category: string }): boolean => activity.category === 'PARTY_BUILDING';
