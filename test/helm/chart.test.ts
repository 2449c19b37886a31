/**
 * The Helm chart, offline: `helm lint --strict` and `helm template` with the default and the
 * production values, the rendered manifests validated against the Kubernetes schemas
 * (kubernetes-models), and what must be there counted. helm comes from `go install` into
 * .cache/bin the first time (infra/helm/helm.js), or from $HELM.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chart = require('../../infra/helm/helm.js') as {
  lint(values: string): string;
  template(values: string): string;
  helmBinary(): string;
};
const VALIDATE = path.join(__dirname, '..', '..', 'infra', 'helm', 'validate.mjs');

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}

beforeAll(() => {
  chart.helmBinary();
}, 900_000);

describe.each(['default', 'production'])('the chart with the %s values', (values) => {
  let rendered: string;
  let manifests: Manifest[];
  const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);

  beforeAll(() => {
    rendered = chart.template(values);
    manifests = parseAllDocuments(rendered)
      .map((d) => d.toJS() as Manifest)
      .filter(Boolean);
  });

  it('passes helm lint --strict', () => {
    expect(chart.lint(values)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('renders manifests that the Kubernetes schemas accept', () => {
    const summary = JSON.parse(execFileSync(process.execPath, [VALIDATE], { input: rendered, encoding: 'utf8' })) as {
      errors: string[];
      checked: number;
    };
    expect(summary.errors).toEqual([]);
    expect(summary.checked).toBe(
      manifests.length -
        manifests.filter((m) =>
          ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'MongoDBCommunity', 'PrometheusRule'].includes(m.kind),
        ).length,
    );
  });

  it('runs the gateway and five subgraphs, each with a Service, an HPA and a PDB', () => {
    const names = ['gateway', 'registry', 'social-orgs', 'activities', 'resident-services', 'credits'].map((n) => `sanshe-${n}`).sort();
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(
        ofKind(kind)
          .map((m) => m.metadata.name)
          .sort(),
      ).toEqual(names);
    }
  });

  it('lets only the gateway reach the subgraphs', () => {
    const policy = ofKind('NetworkPolicy').find((m) => m.metadata.name === 'sanshe-subgraphs-from-gateway');
    expect(policy?.spec).toMatchObject({
      podSelector: { matchLabels: { 'sanshe.io/role': 'subgraph' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { 'sanshe.io/role': 'gateway' } } }] }],
    });
    expect(ofKind('NetworkPolicy')).toHaveLength(2);
  });

  it('writes the service catalogue after every install and upgrade, with the seed entry resident-services ships', () => {
    const job = ofKind('Job').find((j) => j.metadata.name === 'sanshe-catalogue') as
      (Manifest & { metadata: { annotations: Record<string, string> } }) | undefined;
    expect(job?.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
    const container = (job!.spec as { template: { spec: { containers: { image: string; command: string[] }[] } } }).template.spec
      .containers[0]!;
    expect(container.image).toMatch(/\/resident-services:/);
    expect(container.command).toEqual(['node', 'services/resident-services/dist/seed/index.js', '--catalogue']);
  });

  it('gives the gateway the JWKS refetch cooldown whenever it verifies tokens against a JWKS', () => {
    const gateway = ofKind('Deployment').find((d) => d.metadata.name === 'sanshe-gateway')!;
    const env = (gateway.spec as { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } }).template.spec
      .containers[0]!.env;
    const jwks = env.find((e) => e.name === 'JWKS_URL');
    const cooldown = env.find((e) => e.name === 'JWKS_REFETCH_COOLDOWN_SECONDS');
    expect(Boolean(cooldown)).toBe(Boolean(jwks));
    // Production verifies against the district's SSO; the default values use a local HS256 secret.
    expect(cooldown?.value).toBe(values === 'production' ? '30' : undefined);
  });

  it('reads every secret from a Secret, and runs non-root on a read-only root filesystem', () => {
    const rendered = JSON.stringify(ofKind('Deployment'));
    expect(rendered).not.toContain('check-identity-signing-key');
    for (const deployment of ofKind('Deployment')) {
      const pod = (
        deployment.spec as {
          template: {
            spec: {
              securityContext: object;
              containers: { name: string; securityContext: object; env: { name: string; valueFrom?: unknown }[] }[];
            };
          };
        }
      ).template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(pod.containers[0]!.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(
        pod.containers[0]!.env.find(
          (e) => e.name === (pod.containers[0]!.name === 'gateway' ? 'IDENTITY_SIGNING_KEY' : 'IDENTITY_PUBLIC_KEYS'),
        )?.valueFrom,
      ).toBeDefined();
    }
  });
});

it('renders no secret of its own when none is given: the install fails closed', () => {
  expect(() =>
    execFileSync(chart.helmBinary(), ['template', 'sanshe', path.join(__dirname, '..', '..', 'infra', 'helm', 'sanshe')], {
      encoding: 'utf8',
      stdio: 'pipe',
    }),
  ).toThrow(/auth.identitySigningKey/);
});
